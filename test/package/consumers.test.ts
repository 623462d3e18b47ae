// An ES module program and a CommonJS program, run by Node against the
// installed tarball, talking to a real HTTP server on 127.0.0.1: paging with
// a continue token, a get, a create that clashes (problem 10), a 404, the
// raw client and the runtime entry.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, problem, startServer, type TestServer } from '../runtime/support/server.ts';
import { packed, runCommand } from './support/packed.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const credential = (id: string, name: string) => ({
  type: 'application/astra-credential',
  version: '1.1',
  id,
  name,
  valid: 'true',
  metadata: { labels: [], createdBy: 'u' },
});
const CREDENTIALS = '/accounts/acc-1/core/v1/credentials';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.headers.authorization !== 'Bearer secret-token') return problem(res, 401, 3);
    if (req.method === 'GET' && req.url.pathname === CREDENTIALS) {
      const second = req.url.searchParams.get('continue') === 'page-2';
      return json(res, 200, {
        items: [second ? credential('c2', 's3-b') : credential('c1', 's3-a')],
        metadata: second ? {} : { continue: 'page-2' },
      });
    }
    if (req.method === 'GET' && req.url.pathname === `${CREDENTIALS}/c1`)
      return json(res, 200, credential('c1', 's3-a'), { 'content-type': 'application/astra-credential+json' });
    if (req.method === 'POST' && req.url.pathname === CREDENTIALS)
      return problem(res, 409, 10, { title: 'JSON resource conflict' });
    return problem(res, 404, 1);
  });
});
afterAll(() => server.close());

describe.each([
  ['ES module (import)', 'consumer.mjs'],
  ['CommonJS (require)', 'consumer.cjs'],
])('%s consumer of the installed package', (_, file) => {
  it('pages, gets, gets typed errors (problem 10 on a clashing create), and reaches ./raw and ./runtime', async () => {
    server.requests.length = 0;
    const target = path.join(packed().consumer, file);
    copyFileSync(path.join(here, 'consumers', file), target);
    const run = await runCommand(process.execPath, [target], packed().consumer, { ASTRA_URL: server.baseUrl });
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
    const paged = server.requests.filter((r) => r.method === 'GET' && r.url.pathname === CREDENTIALS);
    expect(paged.map((r) => r.url.searchParams.get('filter'))).toEqual(["keyType eq 's3'", "keyType eq 's3'"]);
  });
});
