import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from './support/server.js';
import { createRawClient } from '../../src/raw.js';
import { createRuntime } from '../../src/internal/runtime.js';

// A hand-written slice of the openapi-typescript `paths` shape.
interface paths {
  '/accounts/{account_id}/core/v1/credentials/{credential_id}': {
    parameters: { query?: never; header?: never; path: { account_id: string; credential_id: string }; cookie?: never };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: { account_id: string; credential_id: string };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: { 'application/astra-credential+json': { id: string; name: string } };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) =>
    json(res, 200, { id: 'c1', name: 'n' }, { 'content-type': 'application/astra-credential+json' }),
  );
});
afterAll(() => server.close());

describe('raw client', () => {
  it('is a typed openapi-fetch client with the same base URL, token, headers and fetch', async () => {
    let n = 0;
    let fetched = 0;
    const rt = createRuntime({
      baseUrl: server.baseUrl + '/',
      accountId: 'acc',
      token: () => `raw-${++n}`,
      headers: { 'X-Team': 'storage' },
      userAgent: 'tool/1',
      fetch: (input, init) => {
        fetched++;
        return fetch(input, init);
      },
    });
    const raw = createRawClient<paths>(rt.config.baseUrl, rt.raw);
    const { data, error } = await raw.GET('/accounts/{account_id}/core/v1/credentials/{credential_id}', {
      params: { path: { account_id: 'acc', credential_id: 'c 1' } },
    });
    expect(error).toBeUndefined();
    expect(data?.name).toBe('n');
    await raw.GET('/accounts/{account_id}/core/v1/credentials/{credential_id}', {
      params: { path: { account_id: 'acc', credential_id: 'c2' } },
    });
    expect(fetched).toBe(2);
    expect(server.requests[0]!.url.pathname).toBe('/accounts/acc/core/v1/credentials/c%201');
    expect(server.requests.map((r) => r.headers['authorization'])).toEqual(['Bearer raw-1', 'Bearer raw-2']);
    expect(server.requests[0]!.headers['x-team']).toBe('storage');
    expect(server.requests[0]!.headers['user-agent']).toMatch(/^tool\/1 astra-control-sdk\//);
  });
});
