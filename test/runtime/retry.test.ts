import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, problem, startServer, type TestServer } from './support/server.js';
import { runtimeFor } from './support/runtime.js';
import { createCredential, deleteCredential, getCredential, updateCredential } from './support/descriptors.js';
import {
  AstraConnectionError,
  BadGatewayError,
  ClientError,
  ConflictError,
  ServerError,
  ServiceUnavailableError,
} from '../../src/errors.js';
import { parseRetryAfter, retryDelay, RETRY_DEFAULTS } from '../../src/retry.js';
import type { RetryEvent } from '../../src/hooks.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const body = { name: 'n', keyType: 'generic', keyStore: { k: 'v' } };
function noContent(res: import('node:http').ServerResponse) {
  res.writeHead(204);
  res.end();
}

/** Fails the first `n` requests with `fail`, then succeeds. */
function flaky(
  n: number,
  fail: (res: import('node:http').ServerResponse) => void,
  ok: (res: import('node:http').ServerResponse) => void,
) {
  let count = 0;
  server.handle((_req, res) => (count++ < n ? fail(res) : ok(res)));
}

describe('retries', () => {
  it.each([429, 502, 503, 504])('GET is retried on %i and succeeds', async (status) => {
    flaky(
      2,
      (res) => problem(res, status, 41),
      (res) => json(res, 200, { id: 'c1' }),
    );
    const rt = runtimeFor(server);
    expect(await rt.get(getCredential, ['c1'])).toEqual({ id: 'c1' });
    expect(server.requests).toHaveLength(3);
  });

  it('GET gives up after maxRetries (default 2): 3 requests at the server', async () => {
    server.handle((_req, res) => problem(res, 503, 41));
    const rt = runtimeFor(server);
    await expect(rt.get(getCredential, ['c1'])).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(server.requests).toHaveLength(3);
  });

  it('honours maxRetries', async () => {
    server.handle((_req, res) => problem(res, 502, 40));
    await expect(runtimeFor(server, { maxRetries: 5 }).get(getCredential, ['c1'])).rejects.toBeInstanceOf(
      BadGatewayError,
    );
    expect(server.requests).toHaveLength(6);
    server.handle((_req, res) => problem(res, 502, 40));
    await expect(runtimeFor(server, { maxRetries: 0 }).get(getCredential, ['c1'])).rejects.toBeInstanceOf(
      BadGatewayError,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('PUT and DELETE are retried', async () => {
    flaky(1, (res) => problem(res, 503, 41), noContent);
    const rt = runtimeFor(server);
    await rt.update(updateCredential, ['c1'], body);
    expect(server.requests.map((r) => r.method)).toEqual(['PUT', 'PUT']);
    expect(server.requests[1]!.json).toEqual(server.requests[0]!.json);
    flaky(2, (res) => problem(res, 502, 40), noContent);
    await rt.delete(deleteCredential, ['c1']);
    expect(server.requests.map((r) => r.method)).toEqual(['DELETE', 'DELETE', 'DELETE']);
  });

  it.each([429, 502, 503, 504])('POST is never retried (%i)', async (status) => {
    server.handle((_req, res) => problem(res, status, 41));
    const rt = runtimeFor(server, { maxRetries: 5 });
    await expect(rt.create(createCredential, [], body)).rejects.toBeInstanceOf(
      status < 500 ? ClientError : ServerError,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('POST is never retried on a dropped connection', async () => {
    server.handle((_req, res) => res.socket?.destroy());
    const rt = runtimeFor(server, { maxRetries: 5 });
    await expect(rt.create(createCredential, [], body)).rejects.toBeInstanceOf(AstraConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it('409 is never retried, whatever the method', async () => {
    const rt = runtimeFor(server, { maxRetries: 5 });
    for (const call of [
      () => rt.get(getCredential, ['c1']),
      () => rt.update(updateCredential, ['c1'], body),
      () => rt.delete(deleteCredential, ['c1']),
    ]) {
      server.handle((_req, res) => problem(res, 409, 164));
      await expect(call()).rejects.toBeInstanceOf(ConflictError);
      expect(server.requests).toHaveLength(1);
    }
  });

  it('other statuses (400, 401, 404, 500) are not retried', async () => {
    const rt = runtimeFor(server, { maxRetries: 5 });
    for (const status of [400, 401, 404, 500]) {
      server.handle((_req, res) => problem(res, status, 1));
      await expect(rt.get(getCredential, ['c1'])).rejects.toMatchObject({ status });
      expect(server.requests).toHaveLength(1);
    }
  });

  it('GET is retried on a dropped connection (counted at the server)', async () => {
    let n = 0;
    server.handle((_req, res) => (n++ < 2 ? res.socket?.destroy() : json(res, 200, { ok: true })));
    const rt = runtimeFor(server);
    expect(await rt.get(getCredential, ['c1'])).toEqual({ ok: true });
    expect(server.requests).toHaveLength(3);
  });

  it('honours Retry-After (seconds), reported through onRetry', async () => {
    flaky(
      1,
      (res) => problem(res, 429, 41, {}, { 'retry-after': '1' }),
      (res) => json(res, 200, {}),
    );
    const retries: RetryEvent[] = [];
    const rt = runtimeFor(server, { hooks: { onRetry: (e) => retries.push(e) } });
    const t0 = performance.now();
    await rt.get(getCredential, ['c1']);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(950);
    expect(retries).toHaveLength(1);
    expect(retries[0]!.delayMs).toBe(1000);
    expect(retries[0]!.error).toMatchObject({ status: 429, retryAfterMs: 1000 });
  });

  it('caps Retry-After at maxRetryAfterMs', async () => {
    flaky(
      1,
      (res) => problem(res, 503, 41, {}, { 'retry-after': '3600' }),
      (res) => json(res, 200, {}),
    );
    const retries: RetryEvent[] = [];
    const rt = runtimeFor(server, { retry: { maxRetryAfterMs: 20 }, hooks: { onRetry: (e) => retries.push(e) } });
    await rt.get(getCredential, ['c1']);
    expect(retries.map((r) => r.delayMs)).toEqual([20]);
    expect(server.requests).toHaveLength(2);
  });

  it('backs off exponentially with jitter, within bounds', () => {
    const p = { ...RETRY_DEFAULTS, baseDelayMs: 100, maxDelayMs: 1000 };
    const err = new AstraConnectionError('x', {});
    for (let i = 0; i < 200; i++) {
      const d0 = retryDelay(0, err, p);
      const d2 = retryDelay(2, err, p);
      const d9 = retryDelay(9, err, p);
      expect(d0).toBeGreaterThanOrEqual(50);
      expect(d0).toBeLessThanOrEqual(100);
      expect(d2).toBeGreaterThanOrEqual(200);
      expect(d2).toBeLessThanOrEqual(400);
      expect(d9).toBeGreaterThanOrEqual(500);
      expect(d9).toBeLessThanOrEqual(1000);
    }
    const seen = new Set(Array.from({ length: 50 }, () => retryDelay(1, err, p)));
    expect(seen.size).toBeGreaterThan(1);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    const now = Date.parse('2024-01-01T00:00:00Z');
    expect(parseRetryAfter('Mon, 01 Jan 2024 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Mon, 01 Jan 2023 00:00:05 GMT', now)).toBe(0);
  });
});
