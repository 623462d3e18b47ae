// Every HTTP method a spec can declare, and every body encoding the generator
// accepts, as the server on 127.0.0.1 receives them: method, headers, body
// bytes. Retries follow each method's idempotency (RFC 9110 §9.2.2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationDescriptor } from '../../src/operation.js';
import { AstraConfigError, ServiceUnavailableError } from '../../src/errors.js';
import { json, startServer, type TestServer } from './support/server.js';
import { runtimeFor } from './support/runtime.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const op = (method: OperationDescriptor['method'], extra: Partial<OperationDescriptor> = {}): OperationDescriptor => ({
  id: `${method.toLowerCase()}Thing`,
  method,
  path: '/things/{id}',
  pathParams: ['id'],
  ...extra,
});
const unavailable = (res: Parameters<Parameters<TestServer['handle']>[0]>[1]) => {
  res.writeHead(503, { 'content-type': 'text/plain' });
  res.end('busy');
};

describe('PATCH', () => {
  it('sends the body in the declared media type with If-Match, and resolves to the decoded answer', async () => {
    server.handle((req, res) => json(res, 200, { id: 't1', ...(req.json as object) }));
    const patch = op('PATCH', {
      requestMediaType: 'application/merge-patch+json',
      responseMediaType: 'application/json',
    });
    const result = await runtimeFor(server).patch<{ id: string; name: string }>(
      patch,
      ['t1'],
      { name: 'new' },
      { ifMatch: '"e1"' },
    );
    expect(result).toEqual({ id: 't1', name: 'new' });
    const req = server.requests[0]!;
    expect(req.method).toBe('PATCH');
    expect(req.url.pathname).toBe('/things/t1');
    expect(req.headers['content-type']).toBe('application/merge-patch+json');
    expect(req.headers['if-match']).toBe('"e1"');
    expect(req.body).toBe('{"name":"new"}');
  });

  it('is not idempotent: a 503 is not retried', async () => {
    server.handle((_req, res) => unavailable(res));
    await expect(
      runtimeFor(server, { maxRetries: 3 }).patch(op('PATCH', { requestMediaType: 'application/json' }), ['t1'], {}),
    ).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(server.requests.map((r) => r.method)).toEqual(['PATCH']);
  });
});

describe('HEAD and OPTIONS', () => {
  it('HEAD resolves to the response headers and reads no body', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { etag: '"e7"', 'content-type': 'application/json', 'content-length': '999' });
      res.end();
    });
    const headers = await runtimeFor(server).head(op('HEAD', { responseMediaType: 'application/json' }), ['t1']);
    expect(headers.get('etag')).toBe('"e7"');
    expect(server.requests[0]).toMatchObject({ method: 'HEAD', body: '' });
  });

  it.each(['HEAD', 'OPTIONS'] as const)('%s is idempotent: a 503 is retried', async (method) => {
    let calls = 0;
    server.handle((_req, res) => (calls++ === 0 ? unavailable(res) : (res.writeHead(204), res.end())));
    const rt = runtimeFor(server, { maxRetries: 2 });
    if (method === 'HEAD') await rt.head(op(method), ['t1']);
    else await rt.get(op(method), ['t1']);
    expect(server.requests.map((r) => r.method)).toEqual([method, method]);
  });

  it('HEAD follows a redirect within the origin, as GET does; PATCH does not', async () => {
    server.handle((req, res) => {
      if (req.url.pathname === '/things/old') {
        res.writeHead(302, { location: '/things/new' });
        return res.end();
      }
      res.writeHead(200, { etag: '"moved"' });
      res.end();
    });
    const rt = runtimeFor(server);
    expect((await rt.head(op('HEAD'), ['old'])).get('etag')).toBe('"moved"');
    await expect(rt.patch(op('PATCH', { requestMediaType: 'application/json' }), ['old'], {})).rejects.toThrow(
      /302 redirect to \/things\/new not followed \(a PATCH is never redirected\)/,
    );
    expect(server.requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      'HEAD /things/old',
      'HEAD /things/new',
      'PATCH /things/old',
    ]);
  });

  it('OPTIONS resolves to its declared answer', async () => {
    server.handle((_req, res) => json(res, 200, { methods: ['GET', 'PATCH'] }, { allow: 'GET, PATCH' }));
    const answer = await runtimeFor(server).get(op('OPTIONS', { responseMediaType: 'application/json' }), ['t1']);
    expect(answer).toEqual({ methods: ['GET', 'PATCH'] });
    expect(server.requests[0]!.method).toBe('OPTIONS');
  });
});

describe('request bodies', () => {
  const post = (requestMediaType: string): OperationDescriptor => ({
    id: 'postThing',
    method: 'POST',
    path: '/things',
    pathParams: [],
    requestMediaType,
  });

  it('an application/x-www-form-urlencoded body is sent as a form, with the Content-Type fetch sets', async () => {
    server.handle((_req, res) => (res.writeHead(204), res.end()));
    await runtimeFor(server).create(post('application/x-www-form-urlencoded'), [], {
      name: 'Rex & co',
      tags: ['a', 'b c'],
      age: 3,
      vaccinated: false,
      owner: { id: 'o1' },
      skipped: undefined,
      none: null,
    });
    const req = server.requests[0]!;
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(req.body).toBe('name=Rex+%26+co&tags=a&tags=b+c&age=3&vaccinated=false&owner=%7B%22id%22%3A%22o1%22%7D');
  });

  it('a multipart/form-data body is sent as FormData: fields, repeated fields and a file part', async () => {
    server.handle((_req, res) => (res.writeHead(204), res.end()));
    await runtimeFor(server).create(post('multipart/form-data'), [], {
      name: 'Rex',
      tags: ['a', 'b'],
      photo: new File(['PNGDATA'], 'rex.png', { type: 'image/png' }),
    });
    const req = server.requests[0]!;
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(req.headers['content-type'] ?? '')?.[1];
    expect(boundary).toBeDefined();
    const parts = req.body
      .split(`--${boundary}`)
      .slice(1, -1)
      .map((p) => p.trim());
    expect(parts).toEqual([
      'Content-Disposition: form-data; name="name"\r\n\r\nRex',
      'Content-Disposition: form-data; name="tags"\r\n\r\na',
      'Content-Disposition: form-data; name="tags"\r\n\r\nb',
      'Content-Disposition: form-data; name="photo"; filename="rex.png"\r\nContent-Type: image/png\r\n\r\nPNGDATA',
    ]);
  });

  it('a secret form field is redacted in hook payloads and scrubbed from an error that echoes the form', async () => {
    const SECRET = 'pw-CANARY-91c2';
    server.handle((req, res) => {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(`bad form: ${req.body}`);
    });
    const seen: unknown[] = [];
    const rt = runtimeFor(server, { hooks: { onRequest: (e) => seen.push(e.request.body) } });
    const failure = await rt
      .create({ ...post('application/x-www-form-urlencoded'), secretFields: ['password'] }, [], {
        user: 'ann',
        password: SECRET,
      })
      .catch((e: unknown) => e);
    expect(server.requests[0]!.body).toBe(`user=ann&password=${SECRET}`);
    expect(seen).toEqual([{ user: 'ann', password: '[REDACTED]' }]);
    expect(String(failure)).toContain('bad form');
    expect(JSON.stringify(failure)).not.toContain(SECRET);
    expect(String(failure)).not.toContain(SECRET);
  });

  it('a JSON body may be an array or a string, sent as it is', async () => {
    server.handle((_req, res) => (res.writeHead(204), res.end()));
    const rt = runtimeFor(server);
    await rt.create(post('application/json'), [], [{ id: 'a' }, { id: 'b' }]);
    await rt.create(post('application/json'), [], 'just text');
    expect(server.requests.map((r) => `${r.headers['content-type']} ${r.body}`)).toEqual([
      'application/json [{"id":"a"},{"id":"b"}]',
      'application/json "just text"',
    ]);
  });

  it('refuses, unsent, a form body that is not an object of fields, a file in a url-encoded form, and a non-JSON value', async () => {
    server.handle((_req, res) => (res.writeHead(204), res.end()));
    const rt = runtimeFor(server);
    await expect(rt.create(post('application/x-www-form-urlencoded'), [], ['a'])).rejects.toThrow(AstraConfigError);
    await expect(rt.create(post('application/x-www-form-urlencoded'), [], { photo: new Blob(['x']) })).rejects.toThrow(
      /body\.photo.*multipart\/form-data/,
    );
    await expect(rt.create(post('application/json'), [], () => 1)).rejects.toThrow(/body.*not JSON/);
    expect(server.requests).toEqual([]);
  });
});
