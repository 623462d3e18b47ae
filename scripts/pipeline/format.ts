// Stage 5, format: prettier in-process with the project's committed config,
// so generated files are readable and diffs are small. Files are formatted
// concurrently; prettier itself is deterministic.
import path from 'node:path';
import * as prettier from 'prettier';
import type { FileMap } from '../render/render.ts';

export async function format(files: FileMap, configFile: string): Promise<FileMap> {
  const config = (await prettier.resolveConfig(configFile, { config: configFile })) ?? {};
  const out: FileMap = new Map();
  const entries = [...files.entries()];
  const formatted = await Promise.all(
    entries.map(async ([file, text]) => {
      const parser = parserFor(file);
      if (!parser) return text;
      try {
        return await prettier.format(text, { ...config, parser, filepath: path.basename(file) });
      } catch (e) {
        throw new Error(`prettier could not format generated ${file}: ${(e as Error).message.split('\n')[0]}`);
      }
    }),
  );
  entries.forEach(([file], i) => out.set(file, formatted[i]!));
  return out;
}

function parserFor(file: string): string | null {
  if (file.endsWith('.ts')) return 'typescript';
  if (file.endsWith('.md')) return 'markdown';
  if (file.endsWith('.json')) return 'json';
  return null;
}
