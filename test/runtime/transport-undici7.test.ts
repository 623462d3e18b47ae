// The runtime's transport (src/internal/transport.ts) against undici 7's
// dispatcher, what Node 24 bundles: undici 7 calls handlers through a newer
// API and adapts the one the runtime's handler implements. Its Agent is set
// as the global dispatcher, as `setGlobalDispatcher` from undici 7 would.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, getGlobalDispatcher, setGlobalDispatcher } from 'undici7';
import { json, startServer, type TestServer } from './support/server.js';
import { runtimeFor } from './support/runtime.js';
import { createCredential, getCredential } from './support/descriptors.js';
import { AstraAbortError, AstraTimeoutError, NotFoundError } from '../../src/errors.js';

let server: TestServer;
let agent: Agent;
let previous: ReturnType<typeof getGlobalDispatcher>;
beforeAll(async () => {
  server = await startServer();
  // Node's own undici first (it would otherwise set its global dispatcher over this one on its first fetch).
  await fetch('data:,');
  previous = getGlobalDispatcher();
  agent = new Agent();
  setGlobalDispatcher(agent);
});
afterAll(async () => {
  setGlobalDispatcher(previous);
  await agent.close();
  await server.close();
});

const credential = { id: 'c1', name: 'n', keyType: 'generic' };

describe('the transport on undici 7', () => {
  it('sends a GET and a POST, and gives the status and headers', async () => {
    server.handle((req, res) => json(res, req.method === 'POST' ? 201 : 200, credential, { etag: '"v3"' }));
    const rt = runtimeFor(server);
    const { data, response } = await rt.get(getCredential, ['c1']).withResponse();
    await rt.create(createCredential, [], { name: 'n', keyType: 'generic', keyStore: { k: 'v' } });
    expect([data, response.status, response.headers.get('etag')]).toEqual([credential, 200, '"v3"']);
    expect(server.requests[1]!.json).toMatchObject({ keyStore: { k: 'v' } });
    expect(server.requests.map((r) => r.headers['sec-fetch-mode'])).toEqual([undefined, undefined]);
  });

  it('types an error status from its problem body', async () => {
    server.handle((_req, res) => json(res, 404, { type: 'https://astra.netapp.io/problems/2', title: 'Gone' }));
    const err = await runtimeFor(server)
      .get(getCredential, ['c1'])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
  });

  it('a timeout before the headers closes the connection', async () => {
    let closed!: Promise<void>;
    server.handle((_req, res) => {
      closed = new Promise((resolve) => res.on('close', resolve));
    });
    const err = await runtimeFor(server, { timeoutMs: 100, maxRetries: 0 })
      .get(getCredential, ['c1'])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AstraTimeoutError);
    await closed;
  });

  it('the caller’s abort during the body closes the connection', async () => {
    let closed!: Promise<void>;
    server.handle((_req, res) => {
      closed = new Promise((resolve) => res.on('close', resolve));
      res.writeHead(200, { 'content-type': 'application/astra-credential+json' });
      res.write('{"id":"c1",');
    });
    const ctrl = new AbortController();
    const call = runtimeFor(server, { timeoutMs: 0 }).get(getCredential, ['c1'], { signal: ctrl.signal });
    await server.arrived(1);
    ctrl.abort();
    await expect(call).rejects.toBeInstanceOf(AstraAbortError);
    await closed;
  });
});
