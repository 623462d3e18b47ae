// Clients generated from the http-methods, form-bodies and array-bodies
// fixtures (their golden trees, which the golden test keeps equal to the
// generator's output and tsc --strict type-checks), called against a real
// HTTP server on 127.0.0.1: the method, headers, body bytes and encoding the
// server receives, and what each call resolves to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/internal/runtime.js';
import { ServiceUnavailableError } from '../../src/errors.js';
import { createResourceTree as petRegistry } from '../fixtures/http-methods/expected/index.js';
import { createResourceTree as petForms } from '../fixtures/form-bodies/expected/index.js';
import { createResourceTree as petBatches } from '../fixtures/array-bodies/expected/index.js';
import { json, startServer, type TestServer } from '../runtime/support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const runtime = (maxRetries = 0) =>
  createRuntime({
    baseUrl: server.baseUrl,
    accountId: 'unused',
    token: 'tok',
    maxRetries,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
  });
const noContent = (res: Parameters<Parameters<TestServer['handle']>[0]>[1]) => {
  res.writeHead(204);
  res.end();
};

describe('PATCH, HEAD and OPTIONS (http-methods)', () => {
  it('patch(id, body, { ifMatch }) sends a merge patch and resolves to the patched pet', async () => {
    server.handle((req, res) => json(res, 200, { id: 'p1', name: 'Rex', ...(req.json as object) }));
    const pet = await petRegistry(runtime()).pets.patch('p1', { tag: null, name: 'Max' }, { ifMatch: '"v3"' });
    expect(pet).toEqual({ id: 'p1', name: 'Max', tag: null });
    const req = server.requests[0]!;
    expect(`${req.method} ${req.url.pathname}`).toBe('PATCH /pets/p1');
    expect(req.headers['content-type']).toBe('application/merge-patch+json');
    expect(req.headers['if-match']).toBe('"v3"');
    expect(req.body).toBe('{"tag":null,"name":"Max"}');
  });

  it('a PATCH on the collection is named from its operationId and resolves to undefined on 204', async () => {
    server.handle((_req, res) => noContent(res));
    await expect(petRegistry(runtime()).pets.renameAllPets({ tag: 'x' })).resolves.toBeUndefined();
    expect(server.requests.map((r) => `${r.method} ${r.url.pathname} ${r.body}`)).toEqual(['PATCH /pets {"tag":"x"}']);
  });

  it('a PATCH is never retried, even when the client retries others', async () => {
    server.handle((_req, res) => (res.writeHead(503), res.end()));
    await expect(petRegistry(runtime(3)).pets.patch('p1', { name: 'Max' })).rejects.toBeInstanceOf(
      ServiceUnavailableError,
    );
    expect(server.requests.map((r) => r.method)).toEqual(['PATCH']);
  });

  it('head(id) and countPets() resolve to the response headers; a HEAD is retried like a GET', async () => {
    let calls = 0;
    server.handle((req, res) => {
      if (req.url.pathname === '/pets' && calls++ === 0) return (res.writeHead(503), res.end());
      res.writeHead(200, { etag: '"v3"', 'x-total-count': '12', 'content-type': 'application/json' });
      res.end();
    });
    const pets = petRegistry(runtime(2)).pets;
    expect((await pets.head('p1')).get('etag')).toBe('"v3"');
    expect((await pets.countPets()).get('x-total-count')).toBe('12');
    expect(server.requests.map((r) => `${r.method} ${r.url.pathname} ${JSON.stringify(r.body)}`)).toEqual([
      'HEAD /pets/p1 ""',
      'HEAD /pets ""',
      'HEAD /pets ""',
    ]);
  });

  it('OPTIONS methods send OPTIONS and resolve to the declared answer, or undefined', async () => {
    server.handle((req, res) =>
      req.url.pathname === '/pets' ? json(res, 200, { methods: ['GET', 'HEAD', 'PATCH'] }) : noContent(res),
    );
    const pets = petRegistry(runtime()).pets;
    await expect(pets.petsCapabilities()).resolves.toEqual({ methods: ['GET', 'HEAD', 'PATCH'] });
    await expect(pets.petCapabilities('p1')).resolves.toBeUndefined();
    expect(server.requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual(['OPTIONS /pets', 'OPTIONS /pets/p1']);
  });
});

describe('form and multipart bodies (form-bodies)', () => {
  it('a form body is sent URL-encoded, with the Content-Type fetch sets', async () => {
    server.handle((_req, res) => json(res, 201, { id: 'p9', name: 'Rex & Co' }));
    const pet = await petForms(runtime()).pets.create({ name: 'Rex & Co', age: 3, tags: ['good', 'very good'] });
    expect(pet).toEqual({ id: 'p9', name: 'Rex & Co' });
    const req = server.requests[0]!;
    expect(`${req.method} ${req.url.pathname}`).toBe('POST /pets');
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(req.body).toBe('name=Rex+%26+Co&age=3&tags=good&tags=very+good');
  });

  it('a multipart body is sent as form data: a file part for each Blob, a field for each value', async () => {
    server.handle((_req, res) => noContent(res));
    await petForms(runtime()).pets.uploadPhoto('p1', {
      photo: new File(['\x89PNG…'], 'rex.png', { type: 'image/png' }),
      caption: 'Rex, asleep',
      labels: ['dog', 'sleep'],
    });
    const req = server.requests[0]!;
    expect(`${req.method} ${req.url.pathname}`).toBe('POST /pets/p1/photo');
    const boundary = /^multipart\/form-data; boundary=(\S+)$/.exec(req.headers['content-type'] ?? '')?.[1];
    expect(boundary, req.headers['content-type']).toBeDefined();
    expect(req.body).toBe(
      [
        `--${boundary}`,
        'Content-Disposition: form-data; name="photo"; filename="rex.png"',
        'Content-Type: image/png',
        '',
        '\x89PNG…',
        `--${boundary}`,
        'Content-Disposition: form-data; name="caption"',
        '',
        'Rex, asleep',
        `--${boundary}`,
        'Content-Disposition: form-data; name="labels"',
        '',
        'dog',
        `--${boundary}`,
        'Content-Disposition: form-data; name="labels"',
        '',
        'sleep',
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    );
  });

  it('a body declared as JSON and as a form is sent as JSON', async () => {
    server.handle((_req, res) => noContent(res));
    await petForms(runtime()).pets.update('p1', { id: 'p1', name: 'Rex' });
    const req = server.requests[0]!;
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.body).toBe('{"id":"p1","name":"Rex"}');
  });
});

describe('bodies and answers that are not objects (array-bodies)', () => {
  it('a batch create sends the array and resolves to the array answered', async () => {
    const pets = [
      { id: 'a', name: 'Rex' },
      { id: 'b', name: 'Tom' },
    ];
    server.handle((req, res) => json(res, 200, req.json));
    await expect(petBatches(runtime()).pets.batch.create(pets)).resolves.toEqual(pets);
    const req = server.requests[0]!;
    expect(`${req.method} ${req.url.pathname} ${req.headers['content-type']}`).toBe(
      'POST /pets/batch application/json',
    );
    expect(req.body).toBe(JSON.stringify(pets));
  });

  it('an action taking an array resolves to the number answered; one taking a string sends a JSON string', async () => {
    server.handle((req, res) => (req.url.pathname.endsWith('/tags') ? json(res, 200, 3) : noContent(res)));
    const pets = petBatches(runtime()).pets;
    await expect(pets.tagPet('p1', ['calm', 'old'])).resolves.toBe(3);
    await expect(pets.renamePet('p1', 'Max "the dog"')).resolves.toBeUndefined();
    expect(server.requests.map((r) => `${r.method} ${r.url.pathname} ${r.body}`)).toEqual([
      'POST /pets/p1/tags ["calm","old"]',
      'POST /pets/p1/rename "Max \\"the dog\\""',
    ]);
  });
});
