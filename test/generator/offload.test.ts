// The worker thread (openapi-typescript and half of prettier off the main
// thread) is only about wall time: it must give the same bytes as the
// in-process path, file for file.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateFiles } from '../../scripts/generate.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('offloading to a worker thread', () => {
  it('produces exactly the in-process output for the real spec', async () => {
    const spec = path.join(root, 'spec/openapi.yaml');
    const [inProcess, withWorker] = [
      await generateFiles(spec, { worker: false }),
      await generateFiles(spec, { worker: true }),
    ];
    expect([...withWorker.keys()].sort()).toEqual([...inProcess.keys()].sort());
    const differing = [...inProcess.keys()].filter((file) => inProcess.get(file) !== withWorker.get(file));
    expect(differing).toEqual([]);
  });
});
