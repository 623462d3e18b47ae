// Hostile redirects and failures that can never succeed: the runtime follows
// a redirect only for a GET within the base URL's origin, a few hops, never in
// a loop, and retries only transient failures (plus one 401 with a fresh
// token). Everything else fails at once with a typed error, through onError.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, problem, startServer, type TestServer } from '../support/server.js';
import { runtimeFor } from '../support/runtime.js';
import { ACCOUNT, createCredential, getCredential, updateCredential } from '../support/descriptors.js';
import { createRuntime } from '../../../src/internal/runtime.js';
import { createAstraClient } from '../../../src/client.js';
import { AstraConfigError, AstraRedirectError, UnauthorizedError, type AstraError } from '../../../src/errors.js';
import { parseRetryAfter } from '../../../src/retry.js';
import type { RetryEvent } from '../../../src/hooks.js';

let server: TestServer;
let other: TestServer;
beforeAll(async () => {
  server = await startServer();
  other = await startServer((_req, res) => json(res, 200, { id: 'from-elsewhere' }));
});
afterAll(async () => {
  await server.close();
  await other.close();
});

const credential = { name: 'n', keyType: 'generic', keyStore: { privKey: 'KEY-CANARY-0001' } };
const redirect = (status: number, location: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
  res.writeHead(status, { location, 'content-length': '0' });
  res.end();
};

describe('redirects', () => {
  it.each([307, 308])('a %i of a POST to another origin is refused: the keyStore never leaves', async (status) => {
    server.handle(redirect(status, `${other.baseUrl}/steal`));
    other.handle((_req, res) => json(res, 201, {}));
    const errors: AstraError[] = [];
    const rt = runtimeFor(server, { hooks: { onError: (e) => errors.push(e.error) } });
    const err = await rt.create(createCredential, [], credential).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AstraRedirectError);
    expect((err as AstraRedirectError).status).toBe(status);
    expect((err as Error).message).toContain(`${status} redirect to ${other.baseUrl}/steal`);
    expect(other.requests).toHaveLength(0);
    expect(server.requests).toHaveLength(1);
    expect(errors).toEqual([err]);
  });

  it('a POST answered with 302 is not turned into a GET', async () => {
    server.handle((req, res) =>
      req.method === 'POST'
        ? redirect(302, '/accounts/x/core/v1/credentials/other')(req, res)
        : json(res, 200, { id: 'unrelated' }),
    );
    const rt = runtimeFor(server);
    await expect(rt.create(createCredential, [], credential)).rejects.toThrow(
      /302 redirect .* not followed \(a POST is never redirected\)/,
    );
    expect(server.requests.map((r) => r.method)).toEqual(['POST']);
  });

  it('a PUT is never redirected either', async () => {
    server.handle(redirect(307, '/elsewhere'));
    await expect(runtimeFor(server).update(updateCredential, ['c1'], credential)).rejects.toBeInstanceOf(
      AstraRedirectError,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('a GET follows same-origin redirects, a few hops, with its credentials', async () => {
    server.handle((req, res) => {
      const hop = Number(req.url.searchParams.get('hop') ?? 0);
      if (hop < 3) redirect(hop % 2 ? 301 : 302, `${req.url.pathname}?hop=${hop + 1}`)(req, res);
      else json(res, 200, { id: 'c1', hop });
    });
    expect(await runtimeFor(server).get(getCredential, ['c1'])).toEqual({ id: 'c1', hop: 3 });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(
      Array(4).fill(server.requests[0]!.headers.authorization),
    );
  });

  it('more than three hops, a loop, or another origin: a typed error, not retried', async () => {
    server.handle((req, res) =>
      redirect(302, `${req.url.pathname}?hop=${Number(req.url.searchParams.get('hop') ?? 0) + 1}`)(req, res),
    );
    await expect(runtimeFor(server).get(getCredential, ['c1'])).rejects.toThrow(/more than 3 redirects/);
    expect(server.requests).toHaveLength(4);

    server.handle((req, res) => redirect(307, req.url.searchParams.has('b') ? '?a' : '?b')(req, res));
    await expect(runtimeFor(server).get(getCredential, ['c1'])).rejects.toThrow(/a loop/);
    expect(server.requests.length).toBeLessThanOrEqual(4);

    server.handle(redirect(302, `${other.baseUrl}/x`));
    await expect(runtimeFor(server).get(getCredential, ['c1'])).rejects.toThrow(/another origin/);
    expect(other.requests).toHaveLength(0);
  });
});

describe('only transient failures are retried', () => {
  it('a token function returning CR/LF fails at once as AstraConfigError, through onError, without quoting it', async () => {
    server.handle((_req, res) => json(res, 200, {}));
    const errors: AstraError[] = [];
    const rt = runtimeFor(server, { token: () => 'abc\r\nX-Evil: 1', hooks: { onError: (e) => errors.push(e.error) } });
    const err = await rt.get(getCredential, ['c1']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AstraConfigError);
    expect((err as Error).message).not.toContain('X-Evil');
    expect(errors).toEqual([err]);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['an unparsable baseUrl', { baseUrl: 'http//nope' }, 'baseUrl'],
    ['a baseUrl with a query', { baseUrl: 'https://a.example/?x=1' }, 'baseUrl'],
    ['timeoutMs -1', { timeoutMs: -1 }, 'timeoutMs'],
    ['timeoutMs NaN', { timeoutMs: NaN }, 'timeoutMs'],
    ['retry.baseDelayMs NaN', { retry: { baseDelayMs: NaN } }, 'retry.baseDelayMs'],
    ['maxRetries 1.5', { maxRetries: 1.5 }, 'maxRetries'],
    ['a token with a newline', { token: 'a\nb' }, 'token'],
    ['a header value with CR/LF', { headers: { 'x-a': 'b\r\nc' } }, 'headers.x-a'],
    ['maxPages 0', { maxPages: 0 }, 'maxPages'],
  ])('%s is an AstraConfigError at construction, through onError', (_name, bad, option) => {
    const errors: AstraError[] = [];
    const make = () =>
      createAstraClient({
        baseUrl: 'https://astra.example.com',
        accountId: ACCOUNT,
        token: 't0k3n',
        ...bad,
        hooks: { onError: (e: { error: AstraError }) => errors.push(e.error) },
      } as never);
    expect(make).toThrow(AstraConfigError);
    expect(errors).toHaveLength(1);
    expect((errors[0] as AstraConfigError).option).toBe(option);
  });

  it('retry options left undefined take their defaults (no NaN delays)', async () => {
    let n = 0;
    server.handle((_req, res) => (n++ ? json(res, 200, {}) : problem(res, 503, 41)));
    const retries: RetryEvent[] = [];
    const rt = createRuntime({
      baseUrl: server.baseUrl,
      accountId: ACCOUNT,
      token: 't0k3n',
      retry: { baseDelayMs: undefined, maxDelayMs: 20 },
      hooks: { onRetry: (e) => retries.push(e) },
    });
    await rt.get(getCredential, ['c1']);
    expect(retries).toHaveLength(1);
    // Equal jitter on min(maxDelayMs 20, default baseDelayMs 200): between 10 and 20.
    expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(10);
    expect(retries[0]!.delayMs).toBeLessThanOrEqual(20);
  });

  it.each(['-5', '1.5', '1e3', 'soon', '5 s'])('Retry-After %j is invalid: the backoff applies', async (value) => {
    expect(parseRetryAfter(value)).toBeUndefined();
    let n = 0;
    server.handle((_req, res) => (n++ ? json(res, 200, {}) : problem(res, 429, 41, {}, { 'retry-after': value })));
    const retries: RetryEvent[] = [];
    await runtimeFor(server, {
      retry: { baseDelayMs: 40, maxDelayMs: 40 },
      hooks: { onRetry: (e) => retries.push(e) },
    }).get(getCredential, ['c1']);
    expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(20);
  });

  it('a 401 is retried once with a freshly fetched token when the token is a function', async () => {
    server.handle((req, res) =>
      req.headers.authorization === 'Bearer fresh-2' ? json(res, 200, { id: 'c1' }) : problem(res, 401, 4),
    );
    let n = 0;
    const rt = runtimeFor(server, { token: () => `fresh-${++n}` });
    expect(await rt.get(getCredential, ['c1'])).toEqual({ id: 'c1' });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer fresh-1', 'Bearer fresh-2']);

    // POST too (the service refused it before acting), but only once.
    server.handle((_req, res) => problem(res, 401, 4));
    await expect(rt.create(createCredential, [], credential)).rejects.toBeInstanceOf(UnauthorizedError);
    expect(server.requests).toHaveLength(2);

    // A constant token cannot change: no retry.
    server.handle((_req, res) => problem(res, 401, 4));
    await expect(runtimeFor(server).get(getCredential, ['c1'])).rejects.toBeInstanceOf(UnauthorizedError);
    expect(server.requests).toHaveLength(1);
  });
});
