// Timeouts and abort, without timing races: a server that never answers, and
// aborts triggered by events (the server saw the request, a hook ran), never
// by a delay guessed to be long enough. A timeout's "no retry" is counted at
// the fetch the runtime calls, which does not depend on how fast the machine is.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, problem, startServer, type TestServer } from './support/server.js';
import { runtimeFor } from './support/runtime.js';
import { getCredential, listCredentials } from './support/descriptors.js';
import { Agent, getGlobalDispatcher, setGlobalDispatcher } from 'undici';
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

/** The global fetch, counting its calls. */
function countingFetch() {
  const counter = {
    calls: 0,
    fetch: ((input, init) => {
      counter.calls++;
      return fetch(input, init);
    }) as typeof fetch,
  };
  return counter;
}

/**
 * Runs `queue` while undici allows one connection per origin and a request
 * the server never answers holds it: a request `queue` makes (with
 * `x-step: queued`) waits in undici's queue, where it has no abort yet. Then
 * checks that it was never sent: the pool takes its queue in order, so it
 * reaches a connection before a later request, and is dropped there.
 */
async function whileOneConnectionIsHeld(queue: (rt: ReturnType<typeof runtimeFor>) => Promise<void>) {
  const previous = getGlobalDispatcher();
  const agent = new Agent({ connections: 1 });
  setGlobalDispatcher(agent);
  try {
    server.handle((req, res) => {
      if (req.headers['x-step'] === 'hold') return;
      json(res, 200, { step: req.headers['x-step'] });
    });
    const rt = runtimeFor(server, { timeoutMs: 60_000 });
    const holder = new AbortController();
    const held = rt
      .get(getCredential, ['c1'], { headers: { 'x-step': 'hold' }, signal: holder.signal })
      .catch((e: unknown) => e);
    await server.arrived(1);
    await queue(rt);
    holder.abort();
    expect(await held).toBeInstanceOf(AstraAbortError);
    expect(await rt.get(getCredential, ['c1'], { headers: { 'x-step': 'after' } })).toEqual({ step: 'after' });
    expect(server.requests.map((r) => r.headers['x-step'])).toEqual(['hold', 'after']);
  } finally {
    setGlobalDispatcher(previous);
    await agent.close();
  }
}

describe('timeouts and abort', () => {
  it('times out with AstraTimeoutError, per client and per call, without retrying', async () => {
    hang();
    const counter = countingFetch();
    const rt = runtimeFor(server, { timeoutMs: 100, fetch: counter.fetch });
    const err = await rt.get(getCredential, ['c1']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AstraTimeoutError);
    expect((err as AstraTimeoutError).timeoutMs).toBe(100);
    expect((err as Error).message).toMatch(/timed out after 100 ms/);
    expect(counter.calls).toBe(1);

    const slow = runtimeFor(server, { timeoutMs: 60_000, fetch: counter.fetch });
    await expect(slow.get(getCredential, ['c1'], { timeoutMs: 50 })).rejects.toBeInstanceOf(AstraTimeoutError);
    expect(counter.calls).toBe(2);
  });

  it('the timeout covers a body that stalls', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"id":');
    });
    const rt = runtimeFor(server, { timeoutMs: 100 });
    await expect(rt.get(getCredential, ['c1'])).rejects.toBeInstanceOf(AstraTimeoutError);
  });

  // A timeout that only stopped waiting would leave the request open until
  // undici's own 300 s timeouts; the server sees the connection close instead.
  it.each([
    ["Node's fetch (the deadline is its dispatcher)", undefined],
    ['another fetch (the deadline aborts its signal)', countingFetch().fetch],
  ])('a timeout cancels the request: the server sees its connection close, with %s', async (_name, fetchFn) => {
    let closed!: Promise<void>;
    server.handle((_req, res) => {
      closed = new Promise((resolve) => res.once('close', resolve));
    });
    const rt = runtimeFor(server, { timeoutMs: 100, ...(fetchFn && { fetch: fetchFn }) });
    await expect(rt.get(getCredential, ['c1'])).rejects.toBeInstanceOf(AstraTimeoutError);
    await closed;
  });

  it('a timeout while the body streams cancels it too', async () => {
    let closed!: Promise<void>;
    server.handle((_req, res) => {
      closed = new Promise((resolve) => res.once('close', resolve));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"id":');
    });
    const rt = runtimeFor(server, { timeoutMs: 100 });
    await expect(rt.get(getCredential, ['c1'])).rejects.toBeInstanceOf(AstraTimeoutError);
    await closed;
  });

  it('a timeout does not fire once the response is in, nor when disabled', async () => {
    server.handle((_req, res) => json(res, 200, { ok: 1 }));
    const rt = runtimeFor(server, { timeoutMs: 10_000 });
    expect(await rt.get(getCredential, ['c1'])).toEqual({ ok: 1 });
    const off = runtimeFor(server, { timeoutMs: 0 });
    expect(await off.get(getCredential, ['c1'])).toEqual({ ok: 1 });
  });

  it.each([30_000, 0])('aborts an in-flight call with AstraAbortError (timeoutMs %i)', async (timeoutMs) => {
    hang();
    const rt = runtimeFor(server, { timeoutMs });
    const ctrl = new AbortController();
    const p = rt.get(getCredential, ['c1'], { signal: ctrl.signal });
    await server.arrived(1);
    ctrl.abort();
    await expect(p).rejects.toBeInstanceOf(AstraAbortError);
    expect(server.requests).toHaveLength(1);
  });

  it('an already-aborted signal sends nothing', async () => {
    server.handle((_req, res) => json(res, 200, {}));
    const rt = runtimeFor(server);
    await expect(rt.get(getCredential, ['c1'], { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      AstraAbortError,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('aborting during the retry backoff stops the retries', async () => {
    server.handle((_req, res) => problem(res, 503, 41, {}, { 'retry-after': '30' }));
    const ctrl = new AbortController();
    const rt = runtimeFor(server, { hooks: { onRetry: () => ctrl.abort() } });
    await expect(rt.get(getCredential, ['c1'], { signal: ctrl.signal })).rejects.toBeInstanceOf(AstraAbortError);
    expect(server.requests).toHaveLength(1);
  });

  it('a signal passed to list aborts paging', async () => {
    server.handle((req, res) =>
      req.url.searchParams.has('continue')
        ? undefined
        : json(res, 200, { items: [{ id: 'a' }], metadata: { continue: 'x' } }),
    );
    const rt = runtimeFor(server);
    const ctrl = new AbortController();
    const got: unknown[] = [];
    void server.arrived(2).then(() => ctrl.abort());
    const p = (async () => {
      for await (const it of rt.list(listCredentials, [], {}, { signal: ctrl.signal })) got.push(it);
    })();
    await expect(p).rejects.toBeInstanceOf(AstraAbortError);
    expect(got).toHaveLength(1);
  });

  it('a timeout while the request waits for a connection ends it, and it is never sent', async () => {
    await whileOneConnectionIsHeld(async (rt) => {
      const queued = await rt
        .get(getCredential, ['c1'], { headers: { 'x-step': 'queued' }, timeoutMs: 100 })
        .catch((e: unknown) => e);
      expect(queued).toBeInstanceOf(AstraTimeoutError);
    });
  });

  it("the caller's abort closes the connection, before the headers and while the body streams", async () => {
    for (const phase of ['before headers', 'during the body'] as const) {
      let closed!: Promise<void>;
      server.handle((_req, res) => {
        closed = new Promise((resolve) => res.once('close', resolve));
        if (phase === 'during the body') {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
          res.write('{"id":');
        }
      });
      const rt = runtimeFor(server);
      const ctrl = new AbortController();
      const call = rt.get(getCredential, ['c1'], { signal: ctrl.signal }).catch((e: unknown) => e);
      await server.arrived(1);
      ctrl.abort();
      expect(await call, phase).toBeInstanceOf(AstraAbortError);
      await closed;
    }
  });

  it("the caller's abort ends a request still waiting for a connection, and it is never sent", async () => {
    await whileOneConnectionIsHeld(async (rt) => {
      const ctrl = new AbortController();
      const queued = rt
        .get(getCredential, ['c1'], { headers: { 'x-step': 'queued' }, signal: ctrl.signal })
        .catch((e: unknown) => e);
      ctrl.abort();
      expect(await queued).toBeInstanceOf(AstraAbortError);
    });
  });
});
