// Hostile timing: a timeout must belong to one attempt, and the caller's
// abort must win whatever the call is doing. The clock is vitest's fake
// setTimeout (so a 30 s Retry-After takes no time and no race), the
// network a stub fetch or a loopback server that never answers; aborts are
// triggered by events (the token function was called, the server saw the
// request, the body started), never by a guessed delay.

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { runtimeFor } from '../support/runtime.js';
import { createCredential, getCredential } from '../support/descriptors.js';
import {
  AstraAbortError,
  AstraConnectionError,
  AstraTimeoutError,
  ServiceUnavailableError,
} from '../../../src/errors.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => {
  vi.useRealTimers();
});

const problem503 = (retryAfter: string) =>
  new Response(
    JSON.stringify({ type: 'https://astra.netapp.io/problems/41', title: 'Service unavailable', status: '503' }),
    {
      status: 503,
      headers: { 'content-type': 'application/problem+json', 'retry-after': retryAfter },
    },
  );
const ok = () =>
  new Response(JSON.stringify({ id: 'c1' }), { status: 200, headers: { 'content-type': 'application/json' } });

/** A fetch answering from a script, one entry per call; records when each call happened on the (fake) clock. */
function scripted(...answers: (() => Response | Promise<Response>)[]) {
  const calls: number[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    calls.push(Date.now());
    const answer = answers[calls.length - 1];
    if (!answer) throw new Error('unexpected call');
    init.signal?.throwIfAborted();
    return answer();
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

describe('a timeout belongs to one attempt', () => {
  it('with the defaults (30 s timeout, 30 s Retry-After cap), a Retry-After of 30 s or more is waited out and the retry succeeds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const s = scripted(
      () => problem503('30'),
      () => problem503('120'),
      ok,
    );
    const rt = runtimeFor(server, { fetch: s.fetch, retry: {} });
    const p = rt.get(getCredential, ['c1']);
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(p).resolves.toEqual({ id: 'c1' });
    // Each wait was exactly the (capped) Retry-After: no timer of an earlier attempt fired in between.
    expect(s.calls.map((t) => t - s.calls[0]!)).toEqual([0, 30_000, 60_000]);
  });

  it('after a timed-out wait, a later 503 is still retried and a later abort is still an abort', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const ctrl = new AbortController();
    const s = scripted(
      () => problem503('31'),
      () => {
        ctrl.abort();
        return problem503('1');
      },
    );
    const rt = runtimeFor(server, { fetch: s.fetch, timeoutMs: 1_000, retry: { maxRetryAfterMs: 60_000 } });
    const p = rt.get(getCredential, ['c1'], { signal: ctrl.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(40_000);
    expect(await p).toBeInstanceOf(AstraAbortError);
    expect(s.calls).toHaveLength(2);
  });
});

describe('abort always wins', () => {
  it('while the token function runs: nothing is sent', async () => {
    let called!: () => void;
    const tokenCalled = new Promise<void>((r) => (called = r));
    const rt = runtimeFor(server, {
      token: () => {
        called();
        return new Promise<string>(() => {}); // a vault that never answers
      },
    });
    server.handle((_req, res) => res.end('{}'));
    const ctrl = new AbortController();
    const p = rt.get(getCredential, ['c1'], { signal: ctrl.signal });
    await tokenCalled;
    ctrl.abort();
    await expect(p).rejects.toBeInstanceOf(AstraAbortError);
    expect(server.requests).toHaveLength(0);
  });

  it('while the token function runs and would then succeed: the call still fails as aborted and sends nothing', async () => {
    const ctrl = new AbortController();
    const rt = runtimeFor(server, {
      token: async () => {
        ctrl.abort();
        return 'late-token';
      },
    });
    server.handle((_req, res) => res.end('{}'));
    await expect(rt.get(getCredential, ['c1'], { signal: ctrl.signal })).rejects.toBeInstanceOf(AstraAbortError);
    expect(server.requests).toHaveLength(0);
  });

  it('while reading the body', async () => {
    for (const timeoutMs of [30_000, 0]) {
      let bodyStarted!: () => void;
      const started = new Promise<void>((r) => (bodyStarted = r));
      server.handle((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"id":', () => bodyStarted());
      });
      let responded!: () => void;
      const headersIn = new Promise<void>((r) => (responded = r));
      const rt = runtimeFor(server, { timeoutMs, hooks: { onResponse: () => responded() } });
      const ctrl = new AbortController();
      const p = rt.get(getCredential, ['c1'], { signal: ctrl.signal });
      await started;
      // The headers are in (onResponse ran) before the abort: the body is what is being read.
      await headersIn;
      ctrl.abort();
      await expect(p).rejects.toBeInstanceOf(AstraAbortError);
    }
  });

  it('over a connection error being retried', async () => {
    const ctrl = new AbortController();
    const rt = runtimeFor(server, {
      fetch: (() =>
        Promise.reject(
          Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET', message: 'reset' } }),
        )) as typeof fetch,
      hooks: { onRetry: (e) => (e.error instanceof AstraConnectionError ? ctrl.abort() : undefined) },
      maxRetries: 5,
    });
    await expect(rt.get(getCredential, ['c1'], { signal: ctrl.signal })).rejects.toBeInstanceOf(AstraAbortError);
  });

  it('a POST is never retried, a GET is bounded, under 200 concurrent calls to a failing server', async () => {
    server.handle((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/problem+json' });
      res.end('{"title":"busy"}');
    });
    const rt = runtimeFor(server, { maxRetries: 2 });
    const gets = Array.from({ length: 100 }, (_, i) => rt.get(getCredential, [`c${i}`]).catch((e: unknown) => e));
    const posts = Array.from({ length: 100 }, () =>
      rt
        .create(createCredential, [], { name: 'n', keyType: 'generic', keyStore: { k: 'vvvv' } })
        .catch((e: unknown) => e),
    );
    for (const e of await Promise.all([...gets, ...posts])) expect(e).toBeInstanceOf(ServiceUnavailableError);
    expect(server.requests.filter((r) => r.method === 'GET')).toHaveLength(300);
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(100);
  });
});

describe('a deadline that fetch cannot see', () => {
  it('a fetch that never settles and ignores its signal still times out on time, and is called once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let calls = 0;
    const rt = runtimeFor(server, {
      timeoutMs: 5_000,
      fetch: (() => (calls++, new Promise<Response>(() => {}))) as typeof fetch,
    });
    const p = rt.get(getCredential, ['c1']).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await p).toBeInstanceOf(AstraTimeoutError);
    expect(calls).toBe(1);
  });
});
