// `npm run demo` is the README's first example: it must keep working.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

it('runs the demo tour to the end and exits 0', async () => {
  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['scripts/demo.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(code, out).toBe(0);
  for (const landmark of [
    'the keyStore is never returned: absent',
    'page 1: backup-bucket, archive (more…)',
    'page 2: logs, mirror',
    'updated backup-bucket with If-Match: "',
    'the same ETag again: 412 problem 38',
    'pending → running → completed',
    'NotFoundError 404, problem 1',
    'ConflictError 409, problem 10',
  ]) {
    expect(out).toContain(landmark);
  }
});
