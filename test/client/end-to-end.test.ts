// The generated client end to end: createAstraClient → generated resource
// tree → runtime → a real HTTP server on 127.0.0.1. Checks what the generator
// and the runtime must agree on: paths with positional ids, vendor media
// types, type/version filled from the spec, paging declared by the spec,
// problem errors typed by the spec's catalogue, secrets kept out of errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import util from 'node:util';
import { createAstraClient, NotFoundError, ConflictError, problemTypes, where } from '../../src/index.js';
import { startServer, type TestServer } from '../runtime/support/server.js';

const ACCOUNT = '0b1c7f5e-3f1a-4c3e-9a57-2c8f0e6d9a11';
const TOKEN = 'canary-token-7f3e9d';
const SECRET = Buffer.from('canary-private-key-c0ffee').toString('base64');

let server: TestServer;

function send(res: import('node:http').ServerResponse, status: number, body?: unknown, type = 'application/json') {
  res.writeHead(status, body === undefined ? {} : { 'content-type': type });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const client = () => createAstraClient({ baseUrl: server.baseUrl, accountId: ACCOUNT, token: TOKEN, maxRetries: 0 });

describe('generated client over the runtime', () => {
  it('creates a credential with the vendor media type and the newest version', async () => {
    server.handle((req, res) =>
      send(
        res,
        201,
        {
          ...(req.json as object),
          id: 'e1f0c4a2-7c1d-4b8e-9f2a-3d4c5b6a7e8f',
          valid: 'true',
          metadata: {},
          keyStore: undefined,
        },
        'application/astra-credential+json',
      ),
    );
    const cred = await client().credentials.create({
      name: 'myCert',
      keyType: 'certificate',
      keyStore: { certificate: SECRET },
    });
    const req = server.requests.at(-1)!;
    expect(req.method).toBe('POST');
    expect(req.url.pathname).toBe(`/accounts/${ACCOUNT}/core/v1/credentials`);
    expect(req.headers['content-type']).toBe('application/astra-credential+json');
    expect(req.headers.accept).toContain('application/astra-credential+json');
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.json).toMatchObject({
      type: 'application/astra-credential',
      version: '1.1',
      name: 'myCert',
      keyStore: { certificate: SECRET },
    });
    expect(cred.id).toBe('e1f0c4a2-7c1d-4b8e-9f2a-3d4c5b6a7e8f');
  });

  it('pages a continue-token list declared by the spec, with a typed filter', async () => {
    server.handle((req, res) => {
      const page = req.url.searchParams.get('continue');
      if (!page) send(res, 200, { items: [{ id: 'a', name: 'one' }], metadata: { continue: 'Mg==' } });
      else send(res, 200, { items: [{ id: 'b', name: 'two' }], metadata: {} });
    });
    const names: string[] = [];
    for await (const c of client().credentials.list({ filter: where('keyType').eq('s3'), limit: 1 }))
      names.push(c.name);
    expect(names).toEqual(['one', 'two']);
    const last = server.requests.at(-1)!;
    expect(last.url.searchParams.get('continue')).toBe('Mg==');
    expect(last.url.searchParams.get('filter')).toBe("keyType eq 's3'");
    expect(last.url.searchParams.get('limit')).toBe('1');
  });

  it('builds nested paths from positional parent ids and maps include projections', async () => {
    server.handle((_req, res) => send(res, 200, { items: [['s1', 'nightly']], metadata: {} }));
    const appId = '7d7d4e1c-9a3b-4b0e-8d1f-2a6c5e4b3f21';
    const snaps = await client()
      .apps.appSnaps.list(appId, { include: ['id', 'name'] })
      .toArray({ max: 10 });
    expect(server.requests.at(-1)!.url.pathname).toBe(`/accounts/${ACCOUNT}/k8s/v1/apps/${appId}/appSnaps`);
    expect(server.requests.at(-1)!.url.searchParams.get('include')).toBe('id,name');
    expect(snaps).toEqual([{ id: 's1', name: 'nightly' }]);
  });

  it('updates with PUT and 204, and sends ForceUpdate for an in-place restore', async () => {
    server.handle((_req, res) => send(res, 204));
    const appId = '7d7d4e1c-9a3b-4b0e-8d1f-2a6c5e4b3f21';
    await client().apps.update(
      appId,
      { backupID: 'f2a1c3d4-5b6e-4f70-8a9b-0c1d2e3f4a5b' },
      { headers: { ForceUpdate: 'true' } },
    );
    const req = server.requests.at(-1)!;
    expect(req.method).toBe('PUT');
    expect(req.url.pathname).toBe(`/accounts/${ACCOUNT}/k8s/v2/apps/${appId}`);
    expect(req.headers.forceupdate).toBe('true');
    expect(req.headers['content-type']).toBe('application/astra-app+json');
    expect(req.json).toMatchObject({ type: 'application/astra-app', version: '2.2' });
  });

  it('throws typed problem errors that match the generated catalogue', async () => {
    server.handle((_req, res) =>
      send(
        res,
        409,
        {
          type: problemTypes.credentialExists.type,
          title: 'Credential exists',
          detail: 'A credential of this type already exists.',
          status: '409',
        },
        'application/problem+json',
      ),
    );
    const error = await client()
      .credentials.update('e1f0c4a2-7c1d-4b8e-9f2a-3d4c5b6a7e8f', { name: 'x', keyStore: { privkey: SECRET } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    const conflict = error as ConflictError;
    expect(conflict.status).toBe(409);
    expect(conflict.problemNumber).toBe(problemTypes.credentialExists.number);
    for (const text of [conflict.message, JSON.stringify(conflict), util.inspect(conflict, { depth: 10 })]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(TOKEN);
    }

    server.handle((_req, res) =>
      send(
        res,
        404,
        { type: problemTypes.resourceNotFound.type, title: 'Resource not found', detail: 'gone', status: '404' },
        'application/problem+json',
      ),
    );
    const missing = await client()
      .credentials.delete('e1f0c4a2-7c1d-4b8e-9f2a-3d4c5b6a7e8f')
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as NotFoundError).problemNumber).toBe(1);
  });

  it('returns metrics as OpenMetrics text, not JSON', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/openmetrics-text' });
      res.end('# TYPE astra_up gauge\nastra_up 1\n# EOF\n');
    });
    const text = await client().metrics.get();
    expect(server.requests.at(-1)!.headers.accept).toContain('application/openmetrics-text');
    expect(text).toContain('astra_up 1');
  });

  it('exposes the typed raw client on the same base URL and token', async () => {
    server.handle((_req, res) => send(res, 200, { items: [], metadata: {} }));
    const { data } = await client().raw.GET('/accounts/{account_id}/topology/v1/buckets', {
      params: { path: { account_id: ACCOUNT } },
    });
    expect(data).toEqual({ items: [], metadata: {} });
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('withResponse(), ifMatch and waitFor through the generated methods', async () => {
    let reads = 0;
    server.handle((req, res) => {
      if (req.method === 'PUT') return send(res, req.headers['if-match'] === '"e7"' ? 204 : 412);
      res.writeHead(200, { 'content-type': 'application/astra-appBackup+json', etag: '"e7"' });
      res.end(JSON.stringify({ id: 'b1', name: 'nightly', state: ++reads < 3 ? 'running' : 'completed' }));
    });
    const astra = client();
    const { data, response } = await astra.apps.appBackups.get('a1', 'b1').withResponse();
    expect(data.id).toBe('b1');
    const etag = response.headers.get('etag')!;
    const done = await astra.apps.appBackups.waitFor('a1', 'b1', { until: 'completed', intervalMs: 1 });
    expect(done.state).toBe('completed');
    expect(reads).toBe(3);
    await astra.credentials.update('c1', { name: 'myCert', keyStore: { certificate: SECRET } }, { ifMatch: etag });
    expect(server.requests.at(-1)!.headers['if-match']).toBe('"e7"');
    await expect(
      astra.credentials.update('c1', { name: 'myCert', keyStore: { certificate: SECRET } }, { ifMatch: '"e6"' }),
    ).rejects.toThrow(/412/);
    // @ts-expect-error a state the spec does not declare
    void astra.apps.appBackups.waitFor('a1', 'b1', { until: 'finished', signal: AbortSignal.abort() }).catch(() => {});
  });
});
