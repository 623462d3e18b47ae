// astra.raw under the same transport (timeout, auth, retries, redaction), and
// the call extras: withResponse(), ifMatch, waitFor.

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { json, problem, startServer, type TestServer } from '../support/server.js';
import { runtimeFor, TOKEN } from '../support/runtime.js';
import { ACCOUNT, deleteCredential, getAppSnap, getCredential, updateCredential } from '../support/descriptors.js';
import { createRuntime } from '../../../src/internal/runtime.js';
import { createRawClient } from '../../../src/raw.js';
import {
  AstraAbortError,
  AstraConfigError,
  AstraConnectionError,
  AstraStateError,
  AstraTimeoutError,
  NotFoundError,
  PreconditionFailedError,
} from '../../../src/errors.js';
import type { OperationDescriptor } from '../../../src/operation.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => {
  vi.useRealTimers();
});

interface paths {
  '/accounts/{account_id}/core/v1/credentials/{credential_id}': {
    get: {
      parameters: { path: { account_id: string; credential_id: string } };
      responses: {
        200: { content: { 'application/json': { id: string } } };
        503: { content: { 'application/problem+json': { title: string } } };
      };
    };
  };
}
const rawFor = (overrides: Parameters<typeof runtimeFor>[1] = {}) => {
  const rt = runtimeFor(server, overrides);
  return createRawClient<paths>(rt.config.baseUrl, rt.raw);
};
const rawGet = (raw: ReturnType<typeof rawFor>, signal?: AbortSignal) =>
  raw.GET('/accounts/{account_id}/core/v1/credentials/{credential_id}', {
    params: { path: { account_id: ACCOUNT, credential_id: 'c1' } },
    signal,
  });

describe('astra.raw shares the transport', () => {
  it('the per-attempt timeout: a silent server is an AstraTimeoutError, not undici’s 300 s', async () => {
    server.handle(() => {});
    await expect(rawGet(rawFor({ timeoutMs: 100 }))).rejects.toBeInstanceOf(AstraTimeoutError);
  });

  it('auth and retries: a 503 is retried, the token function called per attempt', async () => {
    let n = 0;
    server.handle((_req, res) => (n++ ? json(res, 200, { id: 'c1' }) : problem(res, 503, 41)));
    let t = 0;
    const { data, response } = await rawGet(rawFor({ token: () => `raw-${++t}` }));
    expect(response.status).toBe(200);
    expect(data).toEqual({ id: 'c1' });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer raw-1', 'Bearer raw-2']);
  });

  it('a failure that outlasts the retries is handed back as openapi-fetch’s error; other statuses at once', async () => {
    server.handle((_req, res) => problem(res, 503, 41, { title: 'busy' }));
    const { error, response } = await rawGet(rawFor({ maxRetries: 1 }));
    expect(response.status).toBe(503);
    expect(error).toMatchObject({ title: 'busy' });
    expect(server.requests).toHaveLength(2);
    server.handle((_req, res) => problem(res, 404, 1));
    expect((await rawGet(rawFor())).response.status).toBe(404);
    expect(server.requests).toHaveLength(1);
  });

  it('redaction: a connection failure is typed and carries no token; abort wins', async () => {
    const raw = rawFor({
      fetch: (() =>
        Promise.reject(
          new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED', message: `refused ${TOKEN}` } }),
        )) as typeof fetch,
      maxRetries: 0,
    });
    const err = await rawGet(raw).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AstraConnectionError);
    expect(JSON.stringify(err)).not.toContain(TOKEN);
    expect((err as Error).message).not.toContain(TOKEN);
    server.handle(() => {});
    const ctrl = new AbortController();
    const p = rawGet(rawFor(), ctrl.signal);
    await server.arrived(1);
    ctrl.abort();
    await expect(p).rejects.toBeInstanceOf(AstraAbortError);
  });
});

describe('withResponse()', () => {
  it('gives the data and the HTTP response (ETag, Location, correlation id)', async () => {
    server.handle((_req, res) => json(res, 200, { id: 'c1' }, { etag: '"v7"', 'x-correlation-id': 'corr-1' }));
    const rt = runtimeFor(server);
    const { data, response } = await rt.get<{ id: string }>(getCredential, ['c1']).withResponse();
    expect(data).toEqual({ id: 'c1' });
    expect(response.headers.get('etag')).toBe('"v7"');
    expect(response.headers.get('x-correlation-id')).toBe('corr-1');
    // The plain promise still resolves to the data; the call is made once per call.
    expect(await rt.get(getCredential, ['c1'])).toEqual({ id: 'c1' });
    expect(server.requests).toHaveLength(2);
  });

  it('a failure reaches whichever of the two is awaited, and no unhandled rejection is left behind', async () => {
    server.handle((_req, res) => problem(res, 404, 1));
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const rt = runtimeFor(server);
      await expect(rt.get(getCredential, ['c1']).withResponse()).rejects.toBeInstanceOf(NotFoundError);
      await expect(rt.get(getCredential, ['c1'])).rejects.toBeInstanceOf(NotFoundError);
      await new Promise((r) => setImmediate(r));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('ifMatch', () => {
  it('is sent as If-Match on update and delete; a 412 is PreconditionFailedError', async () => {
    server.handle((req, res) =>
      req.headers['if-match'] === '"v7"' ? res.writeHead(204).end() : problem(res, 412, 38),
    );
    const rt = runtimeFor(server);
    await rt.update(updateCredential, ['c1'], { name: 'n', keyType: 'generic', keyStore: {} }, { ifMatch: '"v7"' });
    await rt.delete(deleteCredential, ['c1'], { ifMatch: '"v7"' });
    await expect(rt.delete(deleteCredential, ['c1'], { ifMatch: '"v6"' })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    expect(server.requests.map((r) => r.headers['if-match'])).toEqual(['"v7"', '"v7"', '"v6"']);
  });

  it('an ETag with CR/LF is an AstraConfigError, never sent', async () => {
    server.handle((_req, res) => res.writeHead(204).end());
    await expect(
      runtimeFor(server).delete(deleteCredential, ['c1'], { ifMatch: '"v7"\r\nX-Evil: 1' }),
    ).rejects.toBeInstanceOf(AstraConfigError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('waitFor', () => {
  const getBackup: OperationDescriptor = { ...getAppSnap, id: 'getAppBackup', failedStates: ['failed', 'removed'] };
  /** A backup whose state moves one step per read. */
  const moving = (...states: string[]) => {
    let n = 0;
    server.handle((_req, res) => json(res, 200, { id: 'b1', state: states[Math.min(n++, states.length - 1)] }));
  };

  it('reads until the state is reached', async () => {
    moving('pending', 'running', 'running', 'completed');
    const rt = runtimeFor(server);
    const backup = await rt.waitFor<{ id: string; state?: string }>(getBackup, ['a1', 'b1'], {
      until: 'completed',
      intervalMs: 1,
    });
    expect(backup).toEqual({ id: 'b1', state: 'completed' });
    expect(server.requests).toHaveLength(4);
    expect(server.requests[0]!.url.pathname).toBe(`/accounts/${ACCOUNT}/k8s/v1/apps/a1/appSnaps/b1`);
  });

  it('a failed state the spec declares ends the wait with AstraStateError, unless it is awaited', async () => {
    moving('running', 'failed');
    const rt = runtimeFor(server);
    const err = await rt
      .waitFor<{ state?: string }>(getBackup, ['a1', 'b1'], { until: 'completed', intervalMs: 1 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AstraStateError);
    expect((err as AstraStateError).state).toBe('failed');
    moving('running', 'failed');
    expect(
      await rt.waitFor<{ state?: string }>(getBackup, ['a1', 'b1'], { until: ['completed', 'failed'], intervalMs: 1 }),
    ).toMatchObject({ state: 'failed' });
  });

  it('runs out of time with AstraTimeoutError; the caller’s abort is AstraAbortError', async () => {
    // Fake clock, and a fetch that answers without I/O, so the reads land exactly at 0, 3, 6 and 9 s.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let reads = 0;
    const stub = (async () => {
      reads++;
      return new Response(JSON.stringify({ id: 'b1', state: 'running' }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;
    const reported: unknown[] = [];
    const rt = runtimeFor(server, { fetch: stub, hooks: { onError: (e) => reported.push(e.error) } });
    const p = rt
      .waitFor<{ state?: string }>(getBackup, ['a1', 'b1'], {
        until: 'completed',
        timeoutMs: 10_000,
        intervalMs: 3_000,
      })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10_000);
    const err = await p;
    expect(err).toBeInstanceOf(AstraTimeoutError);
    expect((err as Error).message).toMatch(/last state running/);
    expect(reads).toBe(4);
    // Reported once, as the timeout (not also as the abort of the read in flight).
    expect(reported).toEqual([err]);
    vi.useRealTimers();

    moving('running');
    const ctrl = new AbortController();
    const q = runtimeFor(server).waitFor<{ state?: string }>(getBackup, ['a1', 'b1'], {
      until: 'completed',
      intervalMs: 60_000,
      signal: ctrl.signal,
    });
    await server.arrived(1);
    ctrl.abort();
    await expect(q).rejects.toBeInstanceOf(AstraAbortError);
  });

  it('a read that ends the wait (a 404, the caller’s abort during the read) is reported to onError once', async () => {
    const reported: unknown[] = [];
    const hooks = { onError: (e: { error: unknown }) => void reported.push(e.error) };
    server.handle((_req, res) => problem(res, 404, 3));
    const missing = await runtimeFor(server, { hooks })
      .waitFor(getBackup, ['a1', 'b1'], { until: 'completed' })
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(reported).toEqual([missing]);

    reported.length = 0;
    server.handle(() => {}); // never answers: the abort lands during the read
    const ctrl = new AbortController();
    const q = runtimeFor(server, { hooks })
      .waitFor(getBackup, ['a1', 'b1'], { until: 'completed', signal: ctrl.signal })
      .catch((e: unknown) => e);
    await server.arrived(1);
    ctrl.abort();
    const aborted = await q;
    expect(aborted).toBeInstanceOf(AstraAbortError);
    expect(reported).toEqual([aborted]);
  });

  it('checks its options', async () => {
    const rt = createRuntime({ baseUrl: server.baseUrl, accountId: ACCOUNT, token: TOKEN });
    await expect(rt.waitFor(getBackup, ['a1', 'b1'], { until: [] as never })).rejects.toBeInstanceOf(AstraConfigError);
    await expect(rt.waitFor(getBackup, ['a1', 'b1'], { until: 'completed', timeoutMs: -1 })).rejects.toBeInstanceOf(
      AstraConfigError,
    );
  });
});
