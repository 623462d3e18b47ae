import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from './support/server.js';
import { runtimeFor, TOKEN } from './support/runtime.js';
import {
  createCredential,
  deleteCredential,
  getAppSnap,
  getCredential,
  getMetrics,
  updateCredential,
  type Credential,
} from './support/descriptors.js';
import { AstraConfigError } from '../../src/errors.js';
import { encodePathSegment } from '../../src/internal/request.js';
import { createRuntime } from '../../src/internal/runtime.js';
import { AstraError } from '../../src/errors.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('requests', () => {
  it('fills type, version, Content-Type and Accept for a create', async () => {
    server.handle((req, res) =>
      json(res, 201, { ...(req.json as object), id: 'c1' }, { 'content-type': 'application/astra-credential+json' }),
    );
    const rt = runtimeFor(server);
    const cred = await rt.create<Credential>(createCredential, [], {
      name: 'myCert',
      keyType: 'generic',
      keyStore: { key: 'k' },
    });
    const req = server.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url.pathname).toBe('/accounts/acc-0001/core/v1/credentials');
    expect(req.headers['content-type']).toBe('application/astra-credential+json');
    expect(req.headers['accept']).toBe('application/astra-credential+json');
    expect(req.headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(req.headers['user-agent']).toMatch(/^astra-control-sdk\/\d/);
    expect(req.json).toEqual({
      name: 'myCert',
      keyType: 'generic',
      keyStore: { key: 'k' },
      type: 'application/astra-credential',
      version: '1.1',
    });
    expect(cred.id).toBe('c1');
  });

  it('keeps a version the caller sets', async () => {
    server.handle((req, res) => json(res, 201, req.json));
    const rt = runtimeFor(server);
    await rt.create(createCredential, [], { name: 'a', keyType: 'generic', keyStore: {}, version: '1.0' });
    expect((server.requests[0]!.json as Credential).version).toBe('1.0');
  });

  it('update sends PUT with the body filled and resolves to undefined on 204', async () => {
    server.handle((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const rt = runtimeFor(server);
    await expect(
      rt.update(updateCredential, ['c 1'], { name: 'renamed', keyStore: { k: 'v' } }),
    ).resolves.toBeUndefined();
    const req = server.requests[0]!;
    expect(req.method).toBe('PUT');
    expect(req.url.pathname).toBe('/accounts/acc-0001/core/v1/credentials/c%201');
    expect(req.headers['content-type']).toBe('application/astra-credential+json');
    expect(req.json).toMatchObject({ type: 'application/astra-credential', version: '1.1', name: 'renamed' });
  });

  it('delete sends DELETE without a body', async () => {
    server.handle((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const rt = runtimeFor(server);
    await expect(rt.delete(deleteCredential, ['c1'])).resolves.toBeUndefined();
    expect(server.requests[0]!.method).toBe('DELETE');
    expect(server.requests[0]!.body).toBe('');
    expect(server.requests[0]!.headers['content-type']).toBeUndefined();
  });

  it('get encodes every id as exactly one path segment', async () => {
    server.handle((req, res) => json(res, 200, { path: req.url.pathname }));
    const rt = runtimeFor(server);
    await rt.get(getAppSnap, ['a/b', 'x?y#z%']);
    expect(server.requests[0]!.url.pathname).toBe('/accounts/acc-0001/k8s/v1/apps/a%2Fb/appSnaps/x%3Fy%23z%25');
    expect(encodePathSegment('ü ')).toBe('%C3%BC%20');
    expect(() => encodePathSegment('..')).toThrow(AstraConfigError);
    expect(() => encodePathSegment('.')).toThrow(AstraConfigError);
    expect(() => encodePathSegment('a\uD800')).toThrow(AstraConfigError);
    await expect(rt.get(getAppSnap, ['a', '..'])).rejects.toThrow(AstraConfigError);
    await expect(rt.get(getCredential, [''])).rejects.toThrow(AstraConfigError);
    await expect(rt.get(getCredential, [])).rejects.toThrow(/takes 1 ids/);
    expect(server.requests).toHaveLength(1);
  });

  it('decodes non-JSON media types as text', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/openmetrics-text' });
      res.end('# TYPE x counter\nx_total 1\n# EOF\n');
    });
    const rt = runtimeFor(server);
    expect(await rt.get<string>(getMetrics, [])).toContain('x_total 1');
    expect(server.requests[0]!.headers['accept']).toBe('application/openmetrics-text');
  });

  it('calls a token function for every request, sync or async', async () => {
    server.handle((_req, res) => json(res, 200, {}));
    let n = 0;
    const rt = runtimeFor(server, { token: () => `t${++n}` });
    await rt.get(getCredential, ['x']);
    await rt.get(getCredential, ['x']);
    expect(server.requests.map((r) => r.headers['authorization'])).toEqual(['Bearer t1', 'Bearer t2']);
    server.handle((_req, res) => json(res, 200, {}));
    const rt2 = runtimeFor(server, { token: async () => `a${++n}` });
    await rt2.get(getCredential, ['x']);
    expect(server.requests[0]!.headers['authorization']).toBe('Bearer a3');
    const rt3 = runtimeFor(server, { token: () => Promise.reject(new Error('vault down')) });
    await expect(rt3.get(getCredential, ['x'])).rejects.toThrow(AstraError);
  });

  it('sends client headers, per-call headers and the user agent; callers cannot replace Authorization', async () => {
    server.handle((_req, res) => json(res, 200, {}));
    const rt = runtimeFor(server, {
      headers: { 'X-Team': 'storage', Authorization: 'nope' },
      userAgent: 'my-tool/2.0',
    });
    await rt.get(getCredential, ['x'], {
      headers: { ForceUpdate: 'true', Accept: 'application/astra-credential+json' },
    });
    const h = server.requests[0]!.headers;
    expect(h['x-team']).toBe('storage');
    expect(h['forceupdate']).toBe('true');
    expect(h['accept']).toBe('application/astra-credential+json');
    expect(h['user-agent']).toMatch(/^my-tool\/2\.0 astra-control-sdk\//);
    expect(h['authorization']).toBe(`Bearer ${TOKEN}`);
  });

  it('uses an injected fetch', async () => {
    server.handle((_req, res) => json(res, 200, { ok: 1 }));
    const seen: string[] = [];
    const rt = runtimeFor(server, {
      fetch: (input, init) => {
        seen.push(String(input));
        return fetch(input, init);
      },
    });
    expect(await rt.get(getCredential, ['x'])).toEqual({ ok: 1 });
    expect(seen).toEqual([`${server.baseUrl}/accounts/acc-0001/core/v1/credentials/x`]);
  });

  it('validates its options', () => {
    expect(() => createRuntime({ baseUrl: 'ftp://x', accountId: 'a', token: 't' })).toThrow(AstraConfigError);
    expect(() => createRuntime({ baseUrl: 'https://x', accountId: '', token: 't' })).toThrow(AstraConfigError);
    expect(() => createRuntime({ baseUrl: 'https://x/', accountId: 'a', token: '' })).toThrow(AstraConfigError);
    expect(() => createRuntime({ baseUrl: 'https://x/', accountId: 'a', token: 't', maxRetries: -1 })).toThrow(
      AstraConfigError,
    );
    expect(() => createRuntime({ baseUrl: 'https://x/', accountId: 'a', token: 't', hooks: null as never })).toThrow(
      /hooks/,
    );
  });
});
