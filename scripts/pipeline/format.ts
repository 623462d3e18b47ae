// Stage 5, format: prettier in-process with the project's committed config,
// so generated TypeScript is readable and diffs are small.
//
// Three kinds of file skip prettier because a deterministic printer already
// laid them out and prettier would only cost time (it was 80% of a full run):
// openapi.json (JSON.stringify with two-space indent is prettier's JSON
// layout), openapi-types.ts (printed by the TypeScript printer inside
// openapi-typescript) and the markdown docs (templates write them line by
// line; prettier would only pad table columns, which makes diffs noisier).
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

const PRINTED_ELSEWHERE = new Set(['openapi-types.ts']);

function parserFor(file: string): string | null {
  if (file.endsWith('.ts') && !PRINTED_ELSEWHERE.has(file)) return 'typescript';
  return null;
}
