import util from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadPort, json, startServer, type TestServer } from './support/server.js';
import { runtimeFor, TOKEN } from './support/runtime.js';
import { ACCOUNT, createCredential, createUser, getCredential, updateCredential } from './support/descriptors.js';
import { createRuntime } from '../../src/internal/runtime.js';
import { AstraError } from '../../src/errors.js';

const KEY = 'KEYSTORE-CANARY-4b1d9e22';
const CERT = 'CERT-CANARY-0c8a77f3';
const PASSWORD = 'PASSWORD-CANARY-19aa';
const FN_TOKEN = 'FNTOKEN-CANARY-5e5e5e';
const CANARIES = [TOKEN, KEY, CERT, PASSWORD, FN_TOKEN];
const body = { name: 'myCert', keyType: 'certificate', keyStore: { privKey: KEY, certificate: CERT } };

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/** Every way an error or payload can be rendered. */
function renderings(x: unknown): string[] {
  const out = [
    JSON.stringify(x) ?? '',
    util.inspect(x, { depth: Infinity, showHidden: true, getters: true }),
    String(x),
  ];
  if (x instanceof Error) {
    out.push(x.message, String(x.stack));
    let c: unknown = x.cause;
    while (c) {
      out.push(util.inspect(c, { depth: Infinity, showHidden: true }), String((c as Error).stack));
      c = (c as Error).cause;
    }
  }
  return out;
}

function expectClean(x: unknown) {
  for (const text of renderings(x)) for (const c of CANARIES) expect(text, `leaked ${c}`).not.toContain(c);
}

/** A server that echoes every secret it receives back in its error answers. */
function echoServer(kind: 'problem' | 'html' | 'badjson', status = 400) {
  server.handle((req, res) => {
    const echo = `${req.headers.authorization} ${req.body}`;
    if (kind === 'problem') {
      json(
        res,
        status,
        {
          type: 'https://astra.netapp.io/problems/9',
          title: 'Invalid JSON resource',
          detail: `rejected ${echo}`,
          status: String(status),
          invalidFields: [{ name: 'keyStore', reason: `bad value ${KEY}` }],
          [`${TOKEN}`]: 'key named after the token',
        },
        { 'x-echo': String(req.headers.authorization), 'set-cookie': `session=${TOKEN}` },
      );
    } else if (kind === 'html') {
      res.writeHead(status, { 'content-type': 'text/html' });
      res.end(`<html>${echo}</html>`);
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"oops": "${echo}`);
    }
  });
}

async function failure(p: Promise<unknown>): Promise<AstraError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AstraError);
    return e as AstraError;
  }
  throw new Error('expected a rejection');
}

describe('secrets', () => {
  it('never appear in API errors, even when the service echoes them', async () => {
    const rt = runtimeFor(server, { maxRetries: 0 });
    for (const kind of ['problem', 'html'] as const) {
      for (const status of [400, 409, 500, 503]) {
        echoServer(kind, status);
        const err = await failure(rt.create(createCredential, [], body));
        expectClean(err);
        expect(err.request?.headers['authorization']).toBe('[REDACTED]');
        expect((err.request?.body as Record<string, unknown>)['keyStore']).toBe('[REDACTED]');
        expect((err.request?.body as Record<string, unknown>)['name']).toBe('myCert');
      }
    }
    echoServer('problem', 400);
    expectClean(await failure(rt.update(updateCredential, ['c1'], body)));
  });

  it('never appear in an invalid-response error', async () => {
    echoServer('badjson');
    expectClean(await failure(runtimeFor(server).create(createCredential, [], body)));
  });

  it('never appear in connection, timeout or abort errors', async () => {
    const port = await deadPort();
    const dead = createRuntime({
      baseUrl: `http://127.0.0.1:${port}`,
      accountId: ACCOUNT,
      token: TOKEN,
      maxRetries: 0,
    });
    expectClean(await failure(dead.create(createCredential, [], body)));
    server.handle(() => {});
    expectClean(await failure(runtimeFor(server, { timeoutMs: 50 }).create(createCredential, [], body)));
    expectClean(
      await failure(runtimeFor(server).create(createCredential, [], body, { signal: AbortSignal.timeout(50) })),
    );
  });

  it('an invalid token is not quoted back by the fetch error', async () => {
    server.handle((_req, res) => json(res, 200, {}));
    const rt = runtimeFor(server, { token: () => `${FN_TOKEN}\r\nX-Evil: 1`, maxRetries: 0 });
    expectClean(await failure(rt.get(getCredential, ['c1'])));
  });

  it('declared secretFields are redacted and scrubbed too', async () => {
    server.handle((req, res) => json(res, 400, { title: 'nope', detail: req.body }));
    const rt = runtimeFor(server, { token: () => FN_TOKEN, maxRetries: 0 });
    const err = await failure(rt.create(createUser, [], { name: 'u', password: PASSWORD }));
    expectClean(err);
    expect((err.request?.body as Record<string, unknown>)['password']).toBe('[REDACTED]');
  });

  it('hooks only ever see redacted requests', async () => {
    const events: unknown[] = [];
    const push = (e: unknown) => void events.push(e);
    let n = 0;
    server.handle((req, res) =>
      n++ % 2 === 0 ? json(res, 503, { detail: `${req.headers.authorization} ${req.body}` }) : json(res, 200, {}),
    );
    const rt = runtimeFor(server, {
      token: async () => FN_TOKEN,
      hooks: { onRequest: push, onResponse: push, onRetry: push, onError: push },
      headers: { 'X-Api-Key': PASSWORD },
    });
    await rt.update(updateCredential, ['c1'], body);
    await rt.get(getCredential, ['c1']);
    server.handle((req, res) => json(res, 400, { detail: `${req.headers.authorization} ${req.body}` }));
    await failure(rt.create(createCredential, [], body));
    const kinds = events.map((e) =>
      Object.keys(e as object)
        .sort()
        .join(','),
    );
    expect(kinds.filter((k) => k.includes('delayMs'))).toHaveLength(2);
    expect(kinds.filter((k) => k.includes('durationMs'))).toHaveLength(5);
    expect(events.length).toBeGreaterThanOrEqual(11);
    for (const e of events) expectClean(e);
    const first = events[0] as { request: { headers: Record<string, string>; body: Record<string, unknown> } };
    expect(first.request.headers['authorization']).toBe('[REDACTED]');
    expect(first.request.headers['x-api-key']).toBe('[REDACTED]');
    expect(first.request.body['keyStore']).toBe('[REDACTED]');
    expect(first.request.body['name']).toBe('myCert');
  });

  it('a throwing hook fails the call with its own error', async () => {
    server.handle((_req, res) => json(res, 200, {}));
    const boom = new Error('hook failed');
    const rt = runtimeFor(server, {
      hooks: {
        onRequest: () => {
          throw boom;
        },
      },
    });
    await expect(rt.get(getCredential, ['c1'])).rejects.toBe(boom);
  });
});
