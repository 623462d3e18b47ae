import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, problem, startServer, type TestServer } from './support/server.js';
import { runtimeFor } from './support/runtime.js';
import { getCredential, listCredentials } from './support/descriptors.js';
import { AstraAbortError, AstraTimeoutError } from '../../src/errors.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/** Never answers (the server closes the socket when the test ends). */
function hang() {
  server.handle(() => {});
}

describe('timeouts and abort', () => {
  it('times out with AstraTimeoutError, per client and per call, without retrying', async () => {
    hang();
    const rt = runtimeFor(server, { timeoutMs: 100 });
    const err = await rt.get(getCredential, ['c1']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AstraTimeoutError);
    expect((err as AstraTimeoutError).timeoutMs).toBe(100);
    expect((err as Error).message).toMatch(/timed out after 100 ms/);
    expect(server.requests).toHaveLength(1);

    const slow = runtimeFor(server, { timeoutMs: 60_000 });
    await expect(slow.get(getCredential, ['c1'], { timeoutMs: 50 })).rejects.toBeInstanceOf(AstraTimeoutError);
  });

  it('the timeout covers a body that stalls', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"id":');
    });
    const rt = runtimeFor(server, { timeoutMs: 100 });
    await expect(rt.get(getCredential, ['c1'])).rejects.toBeInstanceOf(AstraTimeoutError);
  });

  it('a generous timeout does not fire', async () => {
    server.handle((_req, res) => setTimeout(() => json(res, 200, { ok: 1 }), 50));
    const rt = runtimeFor(server, { timeoutMs: 10_000 });
    expect(await rt.get(getCredential, ['c1'])).toEqual({ ok: 1 });
    const off = runtimeFor(server, { timeoutMs: 0 });
    expect(await off.get(getCredential, ['c1'])).toEqual({ ok: 1 });
  });

  it('aborts an in-flight call with AstraAbortError', async () => {
    hang();
    const rt = runtimeFor(server);
    const ctrl = new AbortController();
    const p = rt.get(getCredential, ['c1'], { signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 50);
    await expect(p).rejects.toBeInstanceOf(AstraAbortError);
    expect(server.requests).toHaveLength(1);
  });

  it('aborts with timeouts disabled too', async () => {
    hang();
    const rt = runtimeFor(server, { timeoutMs: 0 });
    const ctrl = new AbortController();
    const p = rt.get(getCredential, ['c1'], { signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 50);
    await expect(p).rejects.toBeInstanceOf(AstraAbortError);
  });

  it('an already-aborted signal sends nothing', async () => {
    server.handle((_req, res) => json(res, 200, {}));
    const rt = runtimeFor(server);
    await expect(rt.get(getCredential, ['c1'], { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AstraAbortError);
    expect(server.requests).toHaveLength(0);
  });

  it('aborting during the retry backoff stops the retries', async () => {
    server.handle((_req, res) => problem(res, 503, 41, {}, { 'retry-after': '30' }));
    const rt = runtimeFor(server);
    const ctrl = new AbortController();
    const p = rt.get(getCredential, ['c1'], { signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 100);
    await expect(p).rejects.toBeInstanceOf(AstraAbortError);
    expect(server.requests).toHaveLength(1);
  });

  it('a signal passed to list aborts paging', async () => {
    let n = 0;
    server.handle((_req, res) => (n++ === 0 ? json(res, 200, { items: [{ id: 'a' }], metadata: { continue: 'x' } }) : undefined));
    const rt = runtimeFor(server);
    const ctrl = new AbortController();
    const got: unknown[] = [];
    const p = (async () => {
      for await (const it of rt.list(listCredentials, [], {}, { signal: ctrl.signal })) {
        got.push(it);
        setTimeout(() => ctrl.abort(), 30);
      }
    })();
    await expect(p).rejects.toBeInstanceOf(AstraAbortError);
    expect(got).toHaveLength(1);
  });
});
