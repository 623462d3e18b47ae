// Hostile echoes: a server that returns the call's secrets under every
// encoding a valid response can use (JSON escapes, percent-encoding, headers,
// a cut-off body) must not get them into anything an error or a hook exposes.
// Secrets come from the descriptor's `secretFields` (here `password`, not a
// credential's keyStore), the token, and URL userinfo.

import util from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { runtimeFor } from '../support/runtime.js';
import { ACCOUNT, createUser } from '../support/descriptors.js';
import { createRuntime } from '../../../src/internal/runtime.js';
import { createAstraClient } from '../../../src/client.js';
import { AstraConfigError, AstraError } from '../../../src/errors.js';

// Secrets with characters that JSON and URLs encode: `/`, `+`, `=`.
const TOKEN = 'tok/CANARY+81d0=';
const PASSWORD = 'pw+CANARY/7c3e';
const USERINFO_PASSWORD = 'hunter2CANARY';
const CANARIES = [TOKEN, PASSWORD, USERINFO_PASSWORD];

const body = { firstName: 'Ann', password: PASSWORD };

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

function renderings(x: unknown): string[] {
  const out = [JSON.stringify(x) ?? '', util.inspect(x, { depth: Infinity, showHidden: true }), String(x)];
  if (x instanceof Error) out.push(x.message, String(x.stack));
  return out;
}
function expectClean(x: unknown) {
  for (const text of renderings(x)) for (const c of CANARIES) expect(text, `leaked ${c}`).not.toContain(c);
}

/** JSON text with every `/` written `\/` and every `+` written `\u002b` (both valid JSON for the same string). */
const escaped = (value: unknown) => JSON.stringify(value).replaceAll('/', '\\/').replaceAll('+', '\\u002b');

describe('secrets are scrubbed by value after decoding', () => {
  it('from problem members written with JSON escapes, and from response headers, percent-encoded or not', async () => {
    server.handle((_req, res) => {
      const text = escaped({
        type: 'https://astra.netapp.io/problems/9',
        title: `Bad token ${TOKEN}`,
        detail: `password ${PASSWORD} and token ${TOKEN} rejected`,
        status: '400',
        invalidFields: [{ name: 'password', reason: `is ${PASSWORD}` }],
      });
      res.writeHead(400, {
        'content-type': 'application/problem+json',
        'x-echo': encodeURIComponent(TOKEN),
        'x-raw': `seen ${TOKEN}`,
        location: `https://admin:${USERINFO_PASSWORD}@elsewhere.example/x`,
      });
      res.end(text);
    });
    const events: unknown[] = [];
    const rt = runtimeFor(server, {
      token: TOKEN,
      maxRetries: 0,
      hooks: { onResponse: (e) => events.push(e), onError: (e) => events.push(e) },
    });
    const err = await rt.create(createUser, [], body).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AstraError);
    expect(server.requests[0]!.json).toMatchObject({ password: PASSWORD });
    expect((err as { detail: string }).detail).toBe('password [REDACTED] and token [REDACTED] rejected');
    expect((err as { headers: Record<string, string> }).headers['x-echo']).toBe('[REDACTED]');
    expect((err as { headers: Record<string, string> }).headers['location']).toBe(
      'https://[REDACTED]@elsewhere.example/x',
    );
    expectClean(err);
    expect(events).toHaveLength(2);
    for (const e of events) expectClean(e);
  });

  it('from a body that is not JSON (cut off, escapes inside), and from a 2xx body that fails to decode', async () => {
    server.handle((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(
        `<p>upstream said {"auth": "Bearer ${TOKEN.replaceAll('/', '\\/')}", "pw": "${encodeURIComponent(PASSWORD)}"`,
      );
    });
    const rt = runtimeFor(server, { token: TOKEN, maxRetries: 0 });
    const err = await rt.create(createUser, [], body).catch((e: unknown) => e);
    expect((err as { bodySnippet: string }).bodySnippet).toContain('[REDACTED]');
    expectClean(err);
    server.handle((_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(`{"password": "${PASSWORD.replaceAll('+', '\\u002b')}"`);
    });
    const bad = await rt.create(createUser, [], body).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(AstraError);
    expectClean(bad);
  });

  it('from a redacted request: declared secret members by name, anything equal to the token by value', async () => {
    server.handle((_req, res) => res.writeHead(500).end());
    const events: unknown[] = [];
    const rt = runtimeFor(server, { token: TOKEN, maxRetries: 0, hooks: { onRequest: (e) => events.push(e) } });
    const err = await rt
      .create(createUser, [], { firstName: TOKEN, password: PASSWORD }, { headers: { 'X-Note': TOKEN } })
      .catch((e: unknown) => e);
    expect((err as AstraError).request?.body).toMatchObject({ firstName: '[REDACTED]', password: '[REDACTED]' });
    expectClean(err);
    for (const e of events) expectClean(e);
  });

  it('a baseUrl with user:password@ is refused at construction, through onError, without quoting it', () => {
    const errors: unknown[] = [];
    const make = () =>
      createAstraClient({
        baseUrl: `https://admin:${USERINFO_PASSWORD}@astra.example.com`,
        accountId: ACCOUNT,
        token: TOKEN,
        hooks: { onError: (e) => errors.push(e.error) },
      });
    expect(make).toThrow(AstraConfigError);
    expect(errors).toHaveLength(1);
    expect((errors[0] as AstraConfigError).option).toBe('baseUrl');
    expectClean(errors[0]);
    expect(() =>
      createRuntime({ baseUrl: `https://:${USERINFO_PASSWORD}@x.example`, accountId: ACCOUNT, token: TOKEN }),
    ).toThrow(/user:password/);
  });
});
