import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, problem, startServer, type TestServer } from './support/server.js';
import { collection, pageOf, runtimeFor } from './support/runtime.js';
import { listAppSnaps, listCredentials, listEvents, listFeatures, type Credential } from './support/descriptors.js';
import { AstraConfigError, AstraInvalidResponseError, ServiceUnavailableError } from '../../src/errors.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const items = collection(10_000);

describe('paging', () => {
  it('delivers each of 10,000 items exactly once', async () => {
    server.handle((req, res) => json(res, 200, pageOf(items, req.url)));
    const rt = runtimeFor(server);
    const seen = new Map<string, number>();
    for await (const c of rt.list<Credential>(listCredentials, [], { limit: 250 }))
      seen.set(c.id, (seen.get(c.id) ?? 0) + 1);
    expect(seen.size).toBe(10_000);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(server.requests).toHaveLength(40);
    expect(server.requests[0]!.url.pathname).toBe('/accounts/acc-0001/core/v1/credentials');
    expect(server.requests[0]!.url.searchParams.has('continue')).toBe(false);
    expect(server.requests.every((r) => r.url.searchParams.get('limit') === '250')).toBe(true);
  });

  it('delivers each item exactly once across a 503 in the middle', async () => {
    let failed = 0;
    server.handle((req, res) => {
      const cont = req.url.searchParams.get('continue');
      if (cont && Number(Buffer.from(cont, 'base64').toString()) === 5000 && failed < 2) {
        failed++;
        return problem(res, 503, 41);
      }
      json(res, 200, pageOf(items, req.url));
    });
    const rt = runtimeFor(server);
    const ids: string[] = [];
    for await (const c of rt.list<Credential>(listCredentials, [], { limit: 500 })) ids.push(c.id);
    expect(failed).toBe(2);
    expect(ids).toHaveLength(10_000);
    expect(new Set(ids).size).toBe(10_000);
    expect(ids).toEqual(items.map((i) => i.id));
    expect(server.requests).toHaveLength(22);
  });

  it('stops with ServiceUnavailableError when the 503 outlasts the retries', async () => {
    server.handle((req, res) =>
      req.url.searchParams.get('continue') ? problem(res, 503, 41) : json(res, 200, pageOf(items, req.url)),
    );
    const rt = runtimeFor(server, { maxRetries: 1 });
    const ids: string[] = [];
    await expect(async () => {
      for await (const c of rt.list<Credential>(listCredentials, [], { limit: 100 })) ids.push(c.id);
    }).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(ids).toHaveLength(100);
    expect(server.requests).toHaveLength(3);
  });

  it('pages() yields pages with items, continue and count', async () => {
    server.handle((req, res) => json(res, 200, pageOf(items.slice(0, 25), req.url)));
    const rt = runtimeFor(server);
    const pages = [];
    for await (const p of rt.list<Credential>(listEvents, [], { limit: 10, count: true }).pages()) pages.push(p);
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.count)).toEqual([10, 10, 5]);
    expect(pages[0]!.continue).toBeTypeOf('string');
    expect(pages[2]!.continue).toBeUndefined();
    expect(server.requests.every((r) => r.url.searchParams.get('count') === 'true')).toBe(true);
  });

  it('is lazy, restartable, and firstPage() fetches one page', async () => {
    server.handle((req, res) => json(res, 200, pageOf(items.slice(0, 30), req.url)));
    const rt = runtimeFor(server);
    const pager = rt.list<Credential>(listCredentials, [], { limit: 10 });
    await new Promise((r) => setTimeout(r, 20));
    expect(server.requests).toHaveLength(0);
    const first = await pager.firstPage();
    expect(first.items.map((i) => i.id)).toEqual(items.slice(0, 10).map((i) => i.id));
    expect(server.requests).toHaveLength(1);
    expect(await pager.toArray({ max: 100 })).toHaveLength(30);
    expect(await pager.toArray({ max: 100 })).toHaveLength(30);
  });

  it('toArray({ max }) stops fetching at the cap and requires max', async () => {
    server.handle((req, res) => json(res, 200, pageOf(items, req.url)));
    const rt = runtimeFor(server);
    const got = await rt.list<Credential>(listCredentials, [], { limit: 10 }).toArray({ max: 25 });
    expect(got.map((c) => c.id)).toEqual(items.slice(0, 25).map((c) => c.id));
    expect(server.requests).toHaveLength(3);
    // @ts-expect-error max is required
    await expect(rt.list<Credential>(listCredentials, []).toArray({})).rejects.toThrow(AstraConfigError);
    expect(await rt.list<Credential>(listCredentials, []).toArray({ max: 0 })).toEqual([]);
  });

  it('starts from a caller continue token', async () => {
    server.handle((req, res) => json(res, 200, pageOf(items.slice(0, 30), req.url)));
    const rt = runtimeFor(server);
    const got = await rt
      .list<Credential>(listCredentials, [], { limit: 10, continue: Buffer.from('20').toString('base64') })
      .toArray({ max: 100 });
    expect(got.map((c) => c.id)).toEqual(items.slice(20, 30).map((c) => c.id));
  });

  it("does not follow continue when the operation's pagination is 'none'", async () => {
    server.handle((req, res) => json(res, 200, pageOf(items, req.url)));
    const rt = runtimeFor(server);
    expect(await rt.list<Credential>(listFeatures, [], { limit: 10 }).toArray({ max: 1000 })).toHaveLength(10);
    expect(server.requests).toHaveLength(1);
  });

  it('maps include projections back to objects keyed by the include list', async () => {
    server.handle((req, res) => json(res, 200, pageOf(items.slice(0, 15), req.url)));
    const rt = runtimeFor(server);
    const got = await rt
      .list<Credential, 'name' | 'id'>(listCredentials, [], { include: ['name', 'id'], limit: 10 })
      .toArray({ max: 100 });
    expect(server.requests[0]!.url.searchParams.get('include')).toBe('name,id');
    expect(got).toHaveLength(15);
    expect(got[3]).toEqual({ name: 'name-3', id: 'id-3' });
    expect(Object.keys(got[3]!)).toEqual(['name', 'id']);
    const typed: { name: string; id: string } = got[0]!;
    expect(typed.id).toBe('id-0');
  });

  it('passes nested parent ids into the path', async () => {
    server.handle((_req, res) => json(res, 200, { items: [{ id: 's1' }], metadata: {} }));
    const rt = runtimeFor(server);
    expect(await rt.list<{ id: string }>(listAppSnaps, ['app/1 ?#'], {}).toArray({ max: 10 })).toEqual([{ id: 's1' }]);
    expect(server.requests[0]!.url.pathname).toBe('/accounts/acc-0001/k8s/v1/apps/app%2F1%20%3F%23/appSnaps');
  });

  it('sends orderBy, skip, count (false too, as the caller chose it); leaves value validation to the service', async () => {
    server.handle((_req, res) => json(res, 200, { items: [], metadata: {} }));
    const rt = runtimeFor(server);
    await rt.list<Credential>(listEvents, [], { orderBy: 'name desc', skip: 5 }).firstPage();
    expect(server.requests[0]!.url.searchParams.get('orderBy')).toBe('name desc');
    expect(server.requests[0]!.url.searchParams.get('skip')).toBe('5');
    await rt.list<Credential>(listEvents, [], { count: false, limit: 7 }).firstPage();
    expect(server.requests[1]!.url.search).toBe('?count=false&limit=7');
  });

  it('rejects a list body without items, and a continue token that does not advance', async () => {
    server.handle((_req, res) => json(res, 200, { nope: true }));
    const rt = runtimeFor(server);
    await expect(rt.list(listCredentials, []).firstPage()).rejects.toBeInstanceOf(AstraInvalidResponseError);
    server.handle((_req, res) => json(res, 200, { items: [{ id: 'x' }], metadata: { continue: 'same' } }));
    await expect(rt.list(listCredentials, [], { continue: 'same' }).toArray({ max: 100 })).rejects.toThrow(
      /paging cycle/,
    );
  });
});

describe('lists answered with a bare JSON array (other specs)', () => {
  const listPets = {
    id: 'listPets',
    method: 'GET',
    path: '/pets',
    pathParams: [],
    responseMediaType: 'application/json',
    listShape: 'array',
  } as const;

  it('yield the array as one page and ask for no second one', async () => {
    server.handle((_req, res) =>
      json(res, 200, [
        { id: 'p1', name: 'Rex' },
        { id: 'p2', name: 'Tom' },
      ]),
    );
    const rt = runtimeFor(server);
    const pets: { id: string; name: string }[] = [];
    for await (const p of rt.list<{ id: string; name: string }>(listPets, [])) pets.push(p);
    expect(pets.map((p) => p.name)).toEqual(['Rex', 'Tom']);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.url.pathname).toBe('/pets');
  });

  it('an envelope where an array is declared is an AstraInvalidResponseError', async () => {
    server.handle((_req, res) => json(res, 200, { items: [] }));
    const rt = runtimeFor(server);
    await expect(rt.list(listPets, []).toArray({ max: 10 })).rejects.toBeInstanceOf(AstraInvalidResponseError);
  });
});
