// The format stage's savings keep the bytes: prettier's output cached by
// content (pipeline/format-cache.ts), and the TypeScript pass over
// openapi-typescript's output skipped when the document shows no schema that
// can contain itself directly (heavy-steps.mjs).
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as prettier from 'prettier';
import { format } from '../../scripts/pipeline/format.ts';
import { load } from '../../scripts/pipeline/load.ts';
import { hoistRecursiveSchemas, mayRecurseDirectly, printRawTypes } from '../../scripts/pipeline/heavy-steps.mjs';
import type { FileMap } from '../../scripts/util/files.ts';
import { fixturesDir, repoRoot } from './support/paths.ts';

const configFile = path.join(repoRoot, '.prettierrc.json');
const scratch = path.join(repoRoot, '.test-out/format');

const unformatted = (): FileMap =>
  new Map([
    ['client/a.ts', 'export const a = {x:1,\n y: "two"}\n'],
    ['client/b.ts', 'export function b( n:number ){return n+1}\n'],
    ['docs/a.md', '# A\n\n\n\ntext\n'],
  ]);

async function prettierOf(name: string, text: string): Promise<string> {
  const config = (await prettier.resolveConfig(configFile, { config: configFile })) ?? {};
  return prettier.format(text, { ...config, parser: 'babel-ts', filepath: path.basename(name) });
}

function cacheFile(dir: string): string {
  const [file] = readdirSync(dir).filter((f) => f.endsWith('.json'));
  return path.join(dir, file!);
}

describe('format cache', () => {
  it('gives the same bytes as no cache, cold and warm, and keeps nothing in the output', async () => {
    const dir = path.join(scratch, 'same-bytes');
    rmSync(dir, { recursive: true, force: true });
    const uncached = await format(unformatted(), { configFile, cacheDir: null });
    expect(uncached.get('client/a.ts')).toBe(await prettierOf('client/a.ts', unformatted().get('client/a.ts')!));
    expect(await format(unformatted(), { configFile, cacheDir: dir })).toEqual(uncached);
    expect(await format(unformatted(), { configFile, cacheDir: dir })).toEqual(uncached);
    expect([...uncached.keys()].sort()).toEqual(['client/a.ts', 'client/b.ts', 'docs/a.md']);
  });

  it('answers a file from its entry, found by the text, and formats a changed text afresh', async () => {
    const dir = path.join(scratch, 'by-content');
    rmSync(dir, { recursive: true, force: true });
    await format(unformatted(), { configFile, cacheDir: dir });
    // Mark every entry, so an answer from the cache can be told apart.
    const stored = JSON.parse(readFileSync(cacheFile(dir), 'utf8')) as { entries: Record<string, string> };
    expect(Object.keys(stored.entries)).toHaveLength(2);
    for (const key of Object.keys(stored.entries)) stored.entries[key] = `// from the cache\n${stored.entries[key]}`;
    writeFileSync(cacheFile(dir), JSON.stringify(stored));

    const files = unformatted();
    files.set('client/b.ts', 'export function b( n:number ){return n+2}\n');
    const out = await format(files, { configFile, cacheDir: dir });
    expect(out.get('client/a.ts')).toMatch(/^\/\/ from the cache\n/);
    expect(out.get('client/b.ts')).toBe(await prettierOf('client/b.ts', files.get('client/b.ts')!));
  });

  it('ignores a cache file it cannot read', async () => {
    const dir = path.join(scratch, 'corrupt');
    rmSync(dir, { recursive: true, force: true });
    await format(unformatted(), { configFile, cacheDir: dir });
    writeFileSync(cacheFile(dir), '{"entries": [1, 2');
    expect(await format(unformatted(), { configFile, cacheDir: dir })).toEqual(
      await format(unformatted(), { configFile, cacheDir: null }),
    );
  });
});

describe('recursive schema aliases', () => {
  const specs = [
    path.join(repoRoot, 'spec/openapi.yaml'),
    ...readdirSync(fixturesDir)
      .map((name) => path.join(fixturesDir, name, 'spec/openapi.yaml'))
      .filter((file) => !file.includes('/rejected/') && !file.includes('hostile-too-deep')),
  ];

  it('the document test never skips a spec whose printed types need them', async () => {
    let recursive = 0;
    for (const spec of specs) {
      let document;
      try {
        document = (await load(spec)).bundled;
      } catch {
        continue; // a fixture the load stage rejects never reaches openapi-typescript
      }
      if (mayRecurseDirectly(document)) {
        recursive++;
        continue;
      }
      const printed = await printRawTypes(document);
      expect(await hoistRecursiveSchemas(printed), spec).toBe(printed);
    }
    expect(recursive, 'fixtures with recursive schemas').toBeGreaterThan(0);
  }, 120_000);
});
