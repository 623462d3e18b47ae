// The format stage's savings keep the bytes: prettier's output cached by
// content (pipeline/format-cache.ts), and the TypeScript pass over
// openapi-typescript's output skipped when the document shows no schema that
// can contain itself directly (heavy-steps.mjs).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as prettier from 'prettier';
import { format } from '../../scripts/pipeline/format.ts';
import type { HeavySteps } from '../../scripts/pipeline/offload.ts';
import { load } from '../../scripts/pipeline/load.ts';
import {
  formatTypeScript,
  hoistRecursiveSchemas,
  mayRecurseDirectly,
  printRawTypes,
} from '../../scripts/pipeline/heavy-steps.mjs';
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

describe("modules the renderer vouches for as prettier's form", () => {
  // Text prettier would change (double quotes), so whether it ran shows.
  const rough = 'export const a = { x: 1, y: "two" };\n';
  const vouched = (text: string) =>
    Object.assign(new Map([['client/a.ts', text]]), { prettierForm: new Set(['client/a.ts']) });

  it('are written as rendered, and only they', async () => {
    const files = Object.assign(new Map([...unformatted(), ['client/vouched.ts', rough]]), {
      prettierForm: new Set(['client/vouched.ts']),
    });
    const out = await format(files, { configFile, cacheDir: null });
    expect(out.get('client/vouched.ts')).toBe(rough);
    expect(out.get('client/a.ts')).toBe(await prettierOf('client/a.ts', unformatted().get('client/a.ts')!));
  });

  it('go through prettier when a line of code is longer than printWidth, or holds a wide character', async () => {
    const long = `export const a = [${Array.from({ length: 30 }, (_, i) => `'v${i}'`).join(', ')}];\n`;
    const wide = `export const a = { x: "界" };\n`;
    for (const text of [long, wide])
      expect((await format(vouched(text), { configFile, cacheDir: null })).get('client/a.ts')).toBe(
        await prettierOf('client/a.ts', text),
      );
    // A comment line is never reflowed: it may be longer.
    const comment = `/**\n * ${'word '.repeat(40)}\n */\nexport const a = { x: "1" };\n`;
    expect((await format(vouched(comment), { configFile, cacheDir: null })).get('client/a.ts')).toBe(comment);
  });

  it('go through prettier under a configuration the layouts do not reproduce', async () => {
    const dir = path.join(scratch, 'other-config');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const other = path.join(dir, '.prettierrc.json');
    writeFileSync(other, JSON.stringify({ printWidth: 100, singleQuote: true, trailingComma: 'all' }));
    const out = await format(vouched(rough), { configFile: other, cacheDir: null });
    expect(out.get('client/a.ts')).toBe(
      await prettier.format(rough, { printWidth: 100, singleQuote: true, trailingComma: 'all', parser: 'babel-ts' }),
    );
  });

  it("go through prettier when the configuration's overrides change the options for TypeScript files", async () => {
    // The config file is read as plain JSON only without overrides; with them, prettier resolves it per file.
    const dir = path.join(scratch, 'overrides-config');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const withOverrides = path.join(dir, '.prettierrc.json');
    const base = JSON.parse(readFileSync(configFile, 'utf8')) as object;
    writeFileSync(
      withOverrides,
      JSON.stringify({ ...base, overrides: [{ files: '*.ts', options: { printWidth: 100 } }] }),
    );
    const out = await format(vouched(rough), { configFile: withOverrides, cacheDir: null });
    expect(out.get('client/a.ts')).toBe(
      await prettier.format(rough, { ...base, printWidth: 100, parser: 'babel-ts', filepath: 'a.ts' }),
    );
  });
});

describe('the format stage with a worker', () => {
  it("reads the worker's replies between this thread's files, so both keep working", async () => {
    // A stand-in worker that answers on a later turn of the event loop, as a
    // real worker's message does: without a turn between this thread's files,
    // its first answer would only be read after this thread had taken every file.
    const batches: number[] = [];
    const worker: HeavySteps = {
      parallel: true,
      rawTypes: async () => '',
      formatTypeScript: (jobs, config) =>
        new Promise((resolve, reject) =>
          setImmediate(() => {
            batches.push(jobs.length);
            formatTypeScript(jobs, config).then(resolve, reject);
          }),
        ),
      close: async () => {},
    };
    const files: FileMap = new Map(
      Array.from({ length: 60 }, (_, i) => [`client/m${i}.ts`, `export const m${i} = {a:${i}, b: "x"}\n`]),
    );
    const out = await format(files, { configFile, cacheDir: null, steps: worker });
    for (const [name, text] of files) expect(out.get(name)).toBe(await prettierOf(name, text));
    expect(batches.length).toBeGreaterThan(2);
  });
});
