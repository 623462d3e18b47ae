// The worker thread (openapi-typescript and half of prettier off the main
// thread) is only about wall time: it must give the same bytes as the
// in-process path, file for file, with or without openapi-typescript's
// output cached for an incremental print.
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../../scripts/generate.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('offloading to a worker thread', () => {
  it('produces exactly the in-process output for the real spec', async () => {
    // No format cache: each run formats every file itself.
    const spec = path.join(root, 'spec/openapi.yaml');
    const [inProcess, withWorker] = [
      await generate(spec, { worker: false, cacheDir: null }),
      await generate(spec, { worker: true, cacheDir: null }),
    ];
    expect([...withWorker.keys()].sort()).toEqual([...inProcess.keys()].sort());
    const differing = [...inProcess.keys()].filter((file) => inProcess.get(file) !== withWorker.get(file));
    expect(differing).toEqual([]);
  }, 300_000); // two uncached generations: a hang guard sized for the shared machine, not a speed check
});

describe('openapi-typescript output kept in the cache folder', () => {
  it('gives the uncached files across a one-resource change, whichever thread printed and cached them', async () => {
    // A copy of spec/ whose Credential description changes; one cache folder
    // shared by a worker run, an in-process run and a worker run again.
    const scratch = path.join(root, '.test-out/offload-cache');
    rmSync(scratch, { recursive: true, force: true });
    cpSync(path.join(root, 'spec'), path.join(scratch, 'spec'), { recursive: true });
    const spec = path.join(scratch, 'spec/openapi.yaml');
    const resource = path.join(scratch, 'spec/schemas/credential.yaml');
    const original = readFileSync(resource, 'utf8');
    const cacheDir = path.join(scratch, 'cache');
    const differing = (a: Map<string, string>, b: Map<string, string>) =>
      [...new Set([...a.keys(), ...b.keys()])].filter((file) => a.get(file) !== b.get(file));

    const before = await generate(spec, { worker: true, cacheDir });
    expect(readdirSync(path.join(cacheDir, 'raw-types'))).toHaveLength(1);
    writeFileSync(resource, original.replace(/^ {2}description: (?![>|])/m, '$&Changed. '));
    const changedInProcess = await generate(spec, { worker: false, cacheDir });
    const changedUncached = await generate(spec, { worker: true, cacheDir: null });
    expect(changedUncached.get('openapi-types.ts')).not.toBe(before.get('openapi-types.ts'));
    expect(differing(changedInProcess, changedUncached)).toEqual([]);
    // Back to the original spec, printed by the worker from the entry the main thread wrote.
    writeFileSync(resource, original);
    expect(differing(await generate(spec, { worker: true, cacheDir }), before)).toEqual([]);
  }, 300_000); // four generations: a hang guard sized for the shared machine, not a speed check
});
