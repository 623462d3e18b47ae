// Clients generated from the http-methods, form-bodies, array-bodies and
// raw-bodies fixtures (their golden trees, which the golden test keeps equal to the
// generator's output and tsc --strict type-checks), called against a real
// HTTP server on 127.0.0.1: the method, headers, body bytes and encoding the
// server receives, and what each call resolves to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/internal/runtime.js';
import { AstraConfigError, ServiceUnavailableError } from '../../src/errors.js';
import { createResourceTree as petRegistry } from '../fixtures/http-methods/expected/index.js';
import { createResourceTree as petForms } from '../fixtures/form-bodies/expected/index.js';
import { createResourceTree as petBatches } from '../fixtures/array-bodies/expected/index.js';
import { createResourceTree as fileStore } from '../fixtures/raw-bodies/expected/index.js';
import type { RawBody } from '../../src/operation.js';
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

describe('bodies in other media types, sent as given (raw-bodies)', () => {
  // Bytes that are not UTF-8 (0xff, a lone 0x80) and would not survive a text or JSON round trip.
  const bytes = Uint8Array.of(0x00, 0xff, 0x80, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a);
  const stored = (_req: unknown, res: Parameters<Parameters<TestServer['handle']>[0]>[1]) =>
    json(res, 201, { id: 'f1', size: 9 });

  it.each<[string, () => RawBody]>([
    ['a Uint8Array', () => bytes],
    ['an ArrayBuffer', () => bytes.slice().buffer],
    ['a Blob (its own type does not replace the declared one)', () => new Blob([bytes], { type: 'image/png' })],
    ['a Buffer', () => Buffer.from(bytes)],
  ])('an octet-stream upload of %s sends exactly its bytes', async (_name, body) => {
    server.handle(stored);
    await expect(fileStore(runtime()).files.create(body())).resolves.toEqual({ id: 'f1', size: 9 });
    const req = server.requests[0]!;
    expect(`${req.method} ${req.url.pathname} ${req.headers['content-type']}`).toBe(
      'POST /files application/octet-stream',
    );
    expect([...req.bytes]).toEqual([...bytes]);
  });

  it('plain text and XML are sent as the caller wrote them (not JSON strings), with the declared Content-Type', async () => {
    server.handle((req, res) => (req.method === 'PATCH' ? json(res, 200, { id: 'f1', size: 9 }) : noContent(res)));
    const files = fileStore(runtime()).files;
    const note = 'Größe: "9 bytes"\n\tnext line';
    const xml = '<?xml version="1.0"?>\n<metadata owner="rex &amp; co"><tag>x</tag></metadata>';
    await expect(files.putNote('f1', note)).resolves.toBeUndefined();
    await expect(files.patchMetadata('f1', xml)).resolves.toEqual({ id: 'f1', size: 9 });
    expect(server.requests.map((r) => `${r.method} ${r.url.pathname} ${r.headers['content-type']}`)).toEqual([
      'PUT /files/f1/note text/plain; charset=utf-8',
      'PATCH /files/f1/metadata application/xml',
    ]);
    expect(server.requests[0]!.bytes.equals(Buffer.from(note, 'utf8'))).toBe(true);
    expect(server.requests[1]!.bytes.equals(Buffer.from(xml, 'utf8'))).toBe(true);
  });

  it('a body declared as JSON and as XML is sent as JSON', async () => {
    server.handle((_req, res) => noContent(res));
    await fileStore(runtime()).files.update('f1', { id: 'f1', size: 9 });
    const req = server.requests[0]!;
    expect(`${req.headers['content-type']} ${req.body}`).toBe('application/json {"id":"f1","size":9}');
  });

  it('a raw POST is never retried; a raw PUT is, with the same bytes each time', async () => {
    let calls = 0;
    server.handle((_req, res) => (calls++ === 0 ? (res.writeHead(503), res.end()) : noContent(res)));
    const files = fileStore(runtime(2)).files;
    await expect(files.create(bytes)).rejects.toBeInstanceOf(ServiceUnavailableError);
    calls = 0;
    await expect(files.putNote('f1', new Blob(['twice']))).resolves.toBeUndefined();
    expect(server.requests.map((r) => `${r.method} ${r.url.pathname} ${r.body}`)).toEqual([
      'POST /files \x00\ufffd\ufffd\ufffdPNG\r\n',
      'PUT /files/f1/note twice',
      'PUT /files/f1/note twice',
    ]);
  });

  it('a failed binary upload shows its body by size in the error, not byte by byte', async () => {
    server.handle((_req, res) => (res.writeHead(400), res.end()));
    const files = fileStore(runtime()).files;
    for (const [body, size] of [
      [new Uint8Array(100_000), 100_000],
      [new ArrayBuffer(7), 7],
      [new Blob(['twelve bytes']), 12],
    ] as const) {
      const error = (await files.create(body).catch((e: unknown) => e)) as { request?: { body?: unknown } };
      expect(error.request?.body).toBe(`[${size} bytes]`);
    }
  });

  it('a value fetch would not send as it is (an object) is a config error, and nothing is sent', async () => {
    server.handle(stored);
    const notRaw = { size: 9 } as unknown as RawBody;
    const call = fileStore(runtime()).files.create(notRaw);
    await expect(call).rejects.toBeInstanceOf(AstraConfigError);
    await expect(call).rejects.toThrow(
      'expected a string, Blob, ArrayBuffer or Uint8Array to send as application/octet-stream',
    );
    expect(server.requests).toEqual([]);
  });

  it('the TRACE operation is left out of the client; the GET beside it is there', () => {
    expect(Object.keys(fileStore(runtime()).files).sort()).toEqual([
      'create',
      'get',
      'patchMetadata',
      'putNote',
      'update',
    ]);
  });
});
