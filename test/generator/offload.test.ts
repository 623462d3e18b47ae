// The worker thread (openapi-typescript and half of prettier off the main
// thread) is only about wall time: it must give the same bytes as the
// in-process path, file for file.
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
