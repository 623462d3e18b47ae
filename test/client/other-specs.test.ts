// Clients generated from non-Astra specs, called against a real HTTP server on
// 127.0.0.1: the golden trees of the pet-store fixtures (query-parameters,
// operation-id-methods) over the runtime. The golden test keeps those trees
// equal to what the generator writes; tsc --strict checks their types.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/internal/runtime.js';
import { createResourceTree as petStore } from '../fixtures/query-parameters/expected/index.js';
import { createResourceTree as petClinic } from '../fixtures/operation-id-methods/expected/index.js';
import { json, startServer, type TestServer } from '../runtime/support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const runtime = () => createRuntime({ baseUrl: server.baseUrl, accountId: 'unused', token: 'tok', maxRetries: 0 });
const PETS = [{ id: 'p1', name: 'Rex', status: 'sold' }];

describe('every declared query parameter is sent', () => {
  it('sends status (once per value, as OpenAPI form/explode says), tags, born-after and limit on the wire', async () => {
    server.handle((_req, res) => json(res, 200, PETS));
    const pets = await petStore(runtime())
      .pets.list({ status: ['available', 'sold'], tags: ['a b', 'c'], 'born-after': '2020-01-01', limit: 5 })
      .toArray({ max: 10 });
    expect(pets).toEqual(PETS);
    const url = server.requests[0]!.url;
    expect(url.pathname).toBe('/pets');
    expect(url.searchParams.getAll('status')).toEqual(['available', 'sold']);
    expect(url.searchParams.getAll('tags')).toEqual(['a b', 'c']);
    expect(url.searchParams.get('born-after')).toBe('2020-01-01');
    expect(url.searchParams.get('limit')).toBe('5');
    expect(url.search).toBe('?status=available&status=sold&tags=a%20b&tags=c&born-after=2020-01-01&limit=5');
  });

  it("on a list in Astra's envelope: include narrows the items, the list's own city goes beside it", async () => {
    server.handle((_req, res) => json(res, 200, { items: [['o1', 'Ann']], metadata: {} }));
    const owners = await petStore(runtime())
      .owners.list({ include: ['id', 'name'], city: 'Oslo' })
      .toArray({ max: 10 });
    expect(owners).toEqual([{ id: 'o1', name: 'Ann' }]);
    expect(server.requests[0]!.url.search).toBe('?include=id%2Cname&city=Oslo');
  });

  it('sends a required parameter of a list on a literal path', async () => {
    server.handle((_req, res) => json(res, 200, PETS));
    const page = await petStore(runtime()).pets.findByStatus.list({ status: 'pending' }).firstPage();
    expect(page.items).toEqual(PETS);
    expect(server.requests[0]!.url.pathname).toBe('/pets/findByStatus');
    expect(server.requests[0]!.url.search).toBe('?status=pending');
  });
});

describe('query parameters of operations that are not lists', () => {
  it('a get, a create and a delete send their own query beside the id and the body', async () => {
    server.handle((req, res) => {
      if (req.method === 'DELETE') {
        res.writeHead(204);
        return res.end();
      }
      json(res, req.method === 'POST' ? 201 : 200, PETS[0]);
    });
    const pets = petStore(runtime()).pets;
    await pets.get('p1', { withOwner: true });
    await pets.create({ id: 'p2', name: 'Tom' }, { dryRun: true });
    await pets.create({ id: 'p3', name: 'Kit' }, { dryRun: false });
    await pets.delete('p1', { reason: 'adopted' });
    await pets.get('p1');
    expect(server.requests.map((r) => `${r.method} ${r.url.pathname}${r.url.search} ${r.body}`)).toEqual([
      'GET /pets/p1?withOwner=true ',
      'POST /pets?dryRun=true {"id":"p2","name":"Tom"}',
      'POST /pets?dryRun=false {"id":"p3","name":"Kit"}',
      'DELETE /pets/p1?reason=adopted ',
      'GET /pets/p1 ',
    ]);
  });
});

describe('methods named from operationIds', () => {
  it('an action is a method of its parent: POST to its own path with the body given, or none', async () => {
    server.handle((req, res) => (req.body ? json(res, 200, req.json) : json(res, 200, {})));
    const clinic = petClinic(runtime());
    const record = await clinic.pets.vaccinatePet('p/1', { vaccine: 'rabies', date: '2024-05-01' });
    expect(record).toEqual({ vaccine: 'rabies', date: '2024-05-01' });
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      json: { vaccine: 'rabies', date: '2024-05-01' },
    });
    expect(server.requests[0]!.url.pathname).toBe('/pets/p%2F1/vaccinate');

    server.handle((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    await clinic.pets.feedPet2('p1');
    await clinic.pets.list2();
    expect(server.requests.map((r) => `${r.method} ${r.url.pathname} ${JSON.stringify(r.body)}`)).toEqual([
      'POST /pets/p1/feedPet ""',
      'DELETE /pets ""',
    ]);
  });
});
