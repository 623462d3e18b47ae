// Hostile success bodies and pagers: a 2xx that is not what the operation
// returns is a typed error naming the operation; messages stay bounded; a
// pager never loops, never re-delivers a page, and never requests without
// bound.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, problem, startServer, type TestServer } from '../support/server.js';
import { runtimeFor } from '../support/runtime.js';
import { createCredential, getCredential, listCredentials } from '../support/descriptors.js';
import { AstraInvalidResponseError, AstraPageLimitError, BadRequestError } from '../../../src/errors.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const credential = { name: 'n', keyType: 'generic', keyStore: { k: 'vvvv' } };

describe('success bodies are checked', () => {
  it.each([
    ['null', 'null'],
    ['an array', '[{"id":"c1"}]'],
    ['a string', '"c1"'],
    ['a number', '42'],
  ])('get() resolving to %s is an AstraInvalidResponseError naming the operation', async (_name, text) => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/astra-credential+json' });
      res.end(text);
    });
    const err = await runtimeFor(server)
      .get(getCredential, ['c1'])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AstraInvalidResponseError);
    expect((err as Error).message).toContain('getCredential');
  });

  it('create() resolving to null is refused too', async () => {
    server.handle((_req, res) => json(res, 201, null));
    await expect(runtimeFor(server).create(createCredential, [], credential)).rejects.toBeInstanceOf(
      AstraInvalidResponseError,
    );
  });

  it('a 60,000-character problem title and detail give a bounded message; the fields keep them whole', async () => {
    const title = 'T'.repeat(60_000);
    const detail = 'D'.repeat(60_000);
    server.handle((_req, res) => problem(res, 400, 5, { title, detail }));
    const err = (await runtimeFor(server)
      .get(getCredential, ['c1'])
      .catch((e: unknown) => e)) as BadRequestError;
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err.message.length).toBeLessThan(800);
    expect(err.title).toBe(title);
    expect(err.detail).toBe(detail);
  });

  it('problem members of the wrong type are left out, the class still follows the status', async () => {
    server.handle((_req, res) => json(res, 400, { type: 7, title: { x: 1 }, detail: ['a'], invalidFields: 'no' }));
    const err = (await runtimeFor(server)
      .get(getCredential, ['c1'])
      .catch((e: unknown) => e)) as BadRequestError;
    expect(err).toBeInstanceOf(BadRequestError);
    expect([err.problemType, err.title, err.detail, err.invalidFields]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('paging under a hostile server', () => {
  it('a cycling continue token (A, B, A, …) ends with an error, every item delivered once', async () => {
    const next: Record<string, string> = { '': 'A', A: 'B', B: 'A' };
    server.handle((req, res) => {
      const token = req.url.searchParams.get('continue') ?? '';
      json(res, 200, { items: [{ id: `item-after-${token || 'start'}` }], metadata: { continue: next[token] } });
    });
    const got: string[] = [];
    const err = await (async () => {
      for await (const item of runtimeFor(server).list<{ id: string }>(listCredentials, [])) got.push(item.id);
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AstraInvalidResponseError);
    expect((err as Error).message).toMatch(/paging cycle/);
    expect(got).toEqual(['item-after-start', 'item-after-A']);
    expect(new Set(got).size).toBe(got.length);
  });

  it('a server that ignores the token and repeats its page: the repeat is not delivered', async () => {
    server.handle((_req, res) =>
      json(res, 200, { items: [{ id: 'p1-a' }, { id: 'p1-b' }], metadata: { continue: 'T1' } }),
    );
    const got: string[] = [];
    await expect(
      (async () => {
        for await (const item of runtimeFor(server).list<{ id: string }>(listCredentials, [])) got.push(item.id);
      })(),
    ).rejects.toBeInstanceOf(AstraInvalidResponseError);
    expect(got).toEqual(['p1-a', 'p1-b']);
    expect(server.requests).toHaveLength(2);
  });

  it('empty pages with fresh tokens: toArray({ max }) stops after maxPages requests', async () => {
    let n = 0;
    server.handle((_req, res) => json(res, 200, { items: [], metadata: { continue: `fresh-${++n}` } }));
    const pager = runtimeFor(server).list(listCredentials, []);
    const err = await pager.toArray({ max: 10, maxPages: 25 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AstraPageLimitError);
    expect((err as AstraPageLimitError).maxPages).toBe(25);
    expect(server.requests).toHaveLength(25);
    // The client-wide default bound applies to every iteration.
    n = 0;
    server.handle((_req, res) =>
      json(res, 200, { items: [{ id: String(n) }], metadata: { continue: `fresh-${++n}` } }),
    );
    await expect(
      runtimeFor(server, { maxPages: 7 }).list(listCredentials, []).toArray({ max: 1000 }),
    ).rejects.toBeInstanceOf(AstraPageLimitError);
    expect(server.requests).toHaveLength(7);
  });

  it('include rows are checked against the requested fields', async () => {
    server.handle((_req, res) => json(res, 200, { items: [['c1', 'one'], ['c2']], metadata: {} }));
    const err = await runtimeFor(server)
      .list<{ id: string; name: string }, 'id' | 'name'>(listCredentials, [], { include: ['id', 'name'] })
      .toArray({ max: 10 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AstraInvalidResponseError);
    expect((err as Error).message).toMatch(/item 1 has 1 values for 2 included fields/);
  });

  it('items that are not objects, and a continue token that is not a string, are refused', async () => {
    server.handle((_req, res) => json(res, 200, { items: [{ id: 'a' }, null], metadata: {} }));
    await expect(runtimeFor(server).list(listCredentials, []).firstPage()).rejects.toThrow(/item 1 is not an object/);
    server.handle((_req, res) => json(res, 200, { items: [], metadata: { continue: 7 } }));
    await expect(runtimeFor(server).list(listCredentials, []).firstPage()).rejects.toThrow(/continue is not a string/);
  });
});
