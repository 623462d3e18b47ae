// Which way a request goes (src/internal/transport.ts): with Node's own fetch,
// straight to undici's global dispatcher with the runtime's own handler; with
// anything put in fetch's place, or a request fetch must encode or decode,
// through fetch. Observed on the wire: Node's fetch adds headers of its own
// (`sec-fetch-mode`, `accept-encoding`), the dispatcher sends only the
// runtime's.

import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from './support/server.js';
import { runtimeFor } from './support/runtime.js';
import { ACCOUNT, createCredential, getCredential } from './support/descriptors.js';
import { BadRequestError } from '../../src/errors.js';
import { isNodeFetch } from '../../src/internal/transport.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const credential = { id: 'c1', name: 'n', keyType: 'generic' };
const throughFetch = (h: Record<string, unknown>) => h['sec-fetch-mode'] !== undefined;

describe('the dispatcher', () => {
  it('carries every call of a client on Node’s fetch, its first included, with only the runtime’s headers', async () => {
    server.handle((_req, res) => json(res, 200, credential, { etag: '"v1"' }));
    const rt = runtimeFor(server);
    await rt.get(getCredential, ['c1']);
    await rt.create(createCredential, [], { name: 'n', keyType: 'generic', keyStore: { k: 'v' } });
    expect(server.requests.map((r) => throughFetch(r.headers))).toEqual([false, false]);
    expect(server.requests.map((r) => r.headers['accept-encoding'])).toEqual([undefined, undefined]);
    expect(server.requests[1]!.json).toMatchObject({ name: 'n', keyStore: { k: 'v' } });
    expect(server.requests[1]!.headers['content-type']).toBe('application/astra-credential+json');
  });

  it('gives withResponse() a Response with the status and headers', async () => {
    server.handle((_req, res) => json(res, 200, credential, { etag: '"v7"', 'x-request-id': 'r-1' }));
    const { data, response } = await runtimeFor(server).get(getCredential, ['c1']).withResponse();
    expect(data).toEqual(credential);
    expect(response).toBeInstanceOf(Response);
    expect(response.url).toBe(`${server.baseUrl}/accounts/${ACCOUNT}/core/v1/credentials/c1`);
    expect([response.status, response.ok, response.headers.get('etag'), response.headers.get('x-request-id')]).toEqual([
      200,
      true,
      '"v7"',
      'r-1',
    ]);
  });

  it('passes over an informational answer (103 Early Hints) to the response', async () => {
    server.handle((_req, res) => {
      res.writeEarlyHints({ link: '</style.css>; rel=preload; as=style' });
      json(res, 200, credential, { etag: '"v2"' });
    });
    const { data, response } = await runtimeFor(server).get(getCredential, ['c1']).withResponse();
    expect([data, response.status, response.headers.get('etag')]).toEqual([credential, 200, '"v2"']);
  });

  it('decodes a body that arrives in many chunks, multi-byte characters split across them', async () => {
    const name = 'é€😀'.repeat(20_000);
    server.handle((_req, res) => {
      const bytes = Buffer.from(JSON.stringify({ ...credential, name }));
      res.writeHead(200, { 'content-type': 'application/astra-credential+json' });
      // Odd-sized writes, so that characters straddle chunks.
      for (let at = 0; at < bytes.length; at += 4093) res.write(bytes.subarray(at, at + 4093));
      res.end();
    });
    const got = (await runtimeFor(server).get(getCredential, ['c1'])) as { name: string };
    expect(got.name).toBe(name);
  });

  it('reads an endless error body only so far, and closes its connection', async () => {
    let closed!: Promise<void>;
    server.handle((_req, res) => {
      closed = new Promise((resolve) => res.on('close', resolve));
      res.writeHead(400, { 'content-type': 'application/problem+json' });
      res.write('{"type":"https://astra.netapp.io/problems/5","title":"Bad","detail":"');
      const chunk = 'x'.repeat(65536);
      const more = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', more);
      };
      more();
    });
    const err = await runtimeFor(server)
      .get(getCredential, ['c1'])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as Error).message.length).toBeLessThan(800);
    await closed;
  });
});

describe('fetch', () => {
  it('carries every call when something else is in fetch’s place (a mock, an interceptor)', async () => {
    const original = globalThis.fetch;
    const seen: string[] = [];
    globalThis.fetch = ((input: string | URL | Request, init?: RequestInit) => {
      seen.push(String(input));
      return original(input, init);
    }) as typeof fetch;
    try {
      server.handle((_req, res) => json(res, 200, credential));
      const rt = runtimeFor(server);
      await rt.get(getCredential, ['c1']);
      await rt.get(getCredential, ['c2']);
      expect(seen.map((u) => u.split('/').at(-1))).toEqual(['c1', 'c2']);
    } finally {
      globalThis.fetch = original;
    }
    expect(isNodeFetch(globalThis.fetch)).toBe(true);
    expect(isNodeFetch((input: string) => globalThis.fetch(input))).toBe(false);
  });

  it('carries the calls of a client that asks for compressed answers, and decompresses them', async () => {
    server.handle((req, res) => {
      const body = JSON.stringify(credential);
      if (!/gzip/.test(String(req.headers['accept-encoding']))) return json(res, 200, credential);
      res.writeHead(200, { 'content-type': 'application/astra-credential+json', 'content-encoding': 'gzip' });
      res.end(gzipSync(body));
    });
    const rt = runtimeFor(server, { headers: { 'accept-encoding': 'gzip' } });
    expect(await rt.get(getCredential, ['c1'])).toEqual(credential);
    expect(throughFetch(server.requests[0]!.headers)).toBe(true);
  });
});
