// An ES module program and a CommonJS program, run by Node against the
// installed tarball, each starting the simulator the package ships
// (astra-control-sdk/testing) and using it as users would: paging with a
// filter and continue tokens, a get, a create that clashes (problem 10), a
// 404, the raw client and the runtime entry.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packed, runCommand } from './support/packed.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

describe.each([
  ['ES module (import)', 'consumer.mjs'],
  ['CommonJS (require)', 'consumer.cjs'],
])('%s consumer of the installed package', (_, file) => {
  it('runs against the shipped simulator: pages, gets, typed errors (problem 10 on a clashing create), ./raw and ./runtime', async () => {
    const target = path.join(packed().consumer, file);
    copyFileSync(path.join(here, 'consumers', file), target);
    const run = await runCommand(process.execPath, [target], packed().consumer);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      names: ['s3-a', 's3-b'],
      one: 's3-a',
      clash: { conflict: true, problem10: true, number: 10, leaks: false },
      missing: true,
      raw: 's3-a',
      runtime: 'function',
    });
  });
});
