// The load stage's parse cache (pipeline/load.ts, content-cache.ts): a spec
// file's parsed value is found again by its text, so a regeneration parses
// only the files that changed; what load returns never depends on the cache.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../../scripts/pipeline/load.ts';
import { SpecError } from '../../scripts/util/diagnostics.ts';
import { repoRoot } from './support/paths.ts';

const scratch = path.join(repoRoot, '.test-out/parse-cache');
const cacheName = 'parse-cache-v1.json';

type Stored = { entries: Record<string, unknown> };
const readStored = (dir: string): Stored => JSON.parse(readFileSync(path.join(dir, cacheName), 'utf8')) as Stored;

/** A two-file spec in a fresh folder; returns its root file. */
function twoFileSpec(name: string, schemaText: string): string {
  const dir = path.join(scratch, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'openapi.yaml'),
    [
      'openapi: 3.1.0',
      'info: { title: T, version: "1" }',
      'paths: {}',
      'components:',
      '  schemas:',
      '    Thing:',
      '      $ref: thing.yaml',
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(dir, 'thing.yaml'), schemaText);
  return path.join(dir, 'openapi.yaml');
}

describe('parse cache', () => {
  it('gives the same files and bundle as no cache, cold and warm, for the whole spec', async () => {
    const spec = path.join(scratch, 'spec');
    const cache = path.join(scratch, 'spec-cache');
    rmSync(cache, { recursive: true, force: true });
    rmSync(spec, { recursive: true, force: true });
    cpSync(path.join(repoRoot, 'spec'), spec, { recursive: true });
    const root = path.join(spec, 'openapi.yaml');
    const uncached = await load(root, { cacheDir: null });
    const cold = await load(root, { cacheDir: cache });
    const warm = await load(root, { cacheDir: cache });
    expect(Object.keys(readStored(cache).entries)).toHaveLength(uncached.files.size);
    for (const run of [cold, warm]) {
      expect(JSON.stringify(run.bundled)).toBe(JSON.stringify(uncached.bundled));
      expect([...run.files.values()].map((f) => [f.display, f.content])).toEqual(
        [...uncached.files.values()].map((f) => [f.display, f.content]),
      );
      expect(run.refs.map((r) => [r.file.display, r.pointer, r.ref])).toEqual(
        uncached.refs.map((r) => [r.file.display, r.pointer, r.ref]),
      );
    }
  });

  it('answers an unchanged file from its entry and parses a changed file afresh', async () => {
    const cache = path.join(scratch, 'by-content-cache');
    rmSync(cache, { recursive: true, force: true });
    const root = twoFileSpec('by-content', 'type: object\ndescription: first\n');
    await load(root, { cacheDir: cache });
    // Mark every stored value, so an answer from the cache can be told apart.
    const stored = readStored(cache);
    for (const value of Object.values(stored.entries)) (value as Record<string, unknown>)['x-from-cache'] = true;
    writeFileSync(path.join(cache, cacheName), JSON.stringify(stored));

    writeFileSync(path.join(path.dirname(root), 'thing.yaml'), 'type: object\ndescription: second\n');
    const spec = await load(root, { cacheDir: cache });
    const byName = (name: string) => [...spec.files.values()].find((f) => f.absolute.endsWith(name))!.content;
    expect(byName('openapi.yaml')).toMatchObject({ 'x-from-cache': true });
    expect(byName('thing.yaml')).toEqual({ type: 'object', description: 'second' });
  });

  it('keeps no value that JSON would change (.inf, .nan, -0), so those files are parsed every time', async () => {
    const cache = path.join(scratch, 'unfaithful-cache');
    rmSync(cache, { recursive: true, force: true });
    const root = twoFileSpec('unfaithful', 'type: number\nmaximum: .inf\nminimum: -0.0\n');
    const first = await load(root, { cacheDir: cache });
    expect(Object.keys(readStored(cache).entries)).toHaveLength(1); // the root only
    const again = await load(root, { cacheDir: cache });
    const thing = (s: typeof first) => [...s.files.values()].find((f) => f.absolute.endsWith('thing.yaml'))!.content;
    expect(thing(again)).toEqual({ type: 'number', maximum: Infinity, minimum: -0 });
    expect(Object.is((thing(again) as { minimum: number }).minimum, -0)).toBe(true);
  });

  it('keeps no failed parse: a broken file is reported with its place on every run', async () => {
    const cache = path.join(scratch, 'broken-cache');
    rmSync(cache, { recursive: true, force: true });
    const root = twoFileSpec('broken', 'type: object\ntype: string\n');
    for (let run = 0; run < 2; run++) {
      const error = await load(root, { cacheDir: cache }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SpecError);
      expect((error as SpecError).diagnostics[0]).toMatchObject({ file: expect.stringMatching(/thing\.yaml$/) });
      expect((error as SpecError).diagnostics[0]!.pointer).toMatch(/^\d+:\d+$/);
    }
  });
});
