// The HTTP behaviour Astra documents, observed on the wire: error paths with
// their problem bodies, ETags and each conditional header, and content
// negotiation of responses and request bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaErrors, startTestSimulator, type TestSimulator } from './support.ts';

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());

const VENDOR = 'application/astra-credential+json';
const body = (name: string) => ({
  type: 'application/astra-credential',
  version: '1.1',
  name,
  keyType: 's3',
  keyStore: { accessKey: 'YQ==', accessSecret: 'Yg==' },
});

async function createCredential(name: string) {
  const res = await sim.http('POST', '/core/v1/credentials', { body: body(name), headers: { 'content-type': VENDOR } });
  expect(res.status, res.text).toBe(201);
  return { id: res.json.id as string, etag: res.headers.get('etag')!, path: `/core/v1/credentials/${res.json.id}` };
}

function expectProblem(res: { status: number; headers: Headers; json: any }, status: number, number: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(res.json).toMatchObject({ type: `https://astra.netapp.io/problems/${number}`, status: String(status) });
  expect(res.json.correlationID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(schemaErrors('#/components/schemas/Problem', res.json)).toBe('');
}

describe('error paths', () => {
  it('answers a missing bearer token with 401 problem 3 and a wrong one with problem 4', async () => {
    expectProblem(await sim.http('GET', '/core/v1/credentials', { token: null }), 401, 3);
    expectProblem(await sim.http('GET', '/core/v1/credentials', { token: 'not-the-token' }), 401, 4);
  });

  it('answers invalid JSON with 400 problem 7', async () => {
    expectProblem(
      await sim.http('POST', '/core/v1/credentials', { body: '{"name": ', headers: { 'content-type': VENDOR } }),
      400,
      7,
    );
  });

  it('answers a body that breaks the schema with 400 problem 9 naming each field, without echoing values', async () => {
    const secret = 'c2VjcmV0LXZhbHVl';
    const res = await sim.http('POST', '/core/v1/credentials', {
      body: {
        type: 'application/astra-credential',
        version: '9.9',
        name: 7,
        keyType: 'apikey',
        keyStore: { other: secret },
        extra: true,
      },
      headers: { 'content-type': VENDOR },
    });
    expectProblem(res, 400, 9);
    const names = res.json.invalidFields.map((f: { name: string }) => f.name);
    expect(names).toEqual(expect.arrayContaining(['version', 'name', 'extra', 'keyStore.apikey']));
    expect(res.text).not.toContain(secret);
  });

  it('answers an unknown id with 404 problem 1, an unknown parent with 404 problem 2', async () => {
    expectProblem(await sim.http('GET', '/core/v1/credentials/5a3e1c2b-0d4f-4a6b-8c9d-0e1f2a3b4c5d'), 404, 1);
    expectProblem(await sim.http('GET', '/k8s/v1/apps/5a3e1c2b-0d4f-4a6b-8c9d-0e1f2a3b4c5d/appSnaps'), 404, 2);
    expectProblem(await sim.http('GET', '/accounts/5a3e1c2b-0d4f-4a6b-8c9d-0e1f2a3b4c5d/core/v1/credentials'), 404, 2);
  });

  it('answers a name clash on create with 409 problem 10 naming the field', async () => {
    await createCredential('clash');
    const res = await sim.http('POST', '/core/v1/credentials', {
      body: body('clash'),
      headers: { 'content-type': VENDOR },
    });
    expectProblem(res, 409, 10);
    expect(res.json.invalidFields).toEqual([{ name: 'name', reason: expect.any(String) }]);
  });

  it('answers an undeclared query parameter with 400 problem 6 and a bad one with problem 5', async () => {
    const unsupported = await sim.http('GET', '/core/v1/credentials?skip=2');
    expectProblem(unsupported, 400, 6);
    expect(unsupported.json.invalidParams).toEqual([{ name: 'skip', reason: expect.any(String) }]);
    const bad = await sim.http('GET', '/core/v1/credentials?limit=0');
    expectProblem(bad, 400, 5);
    expect(bad.json.invalidParams[0].name).toBe('limit');
  });

  it('answers a method the path does not have with 405 and Allow', async () => {
    const res = await sim.http('PATCH', '/core/v1/credentials');
    expectProblem(res, 405, 69);
    expect(res.headers.get('allow')).toBe('GET, POST');
  });

  it('never returns write-only members', async () => {
    const { path } = await createCredential('write-only');
    const res = await sim.http('GET', path);
    expect(res.json).not.toHaveProperty('keyStore');
    const list = await sim.http('GET', '/core/v1/credentials');
    expect(list.text).not.toContain('keyStore');
  });
});

describe('ETag and conditional requests', () => {
  it('carries an ETag on every read, changed by an update', async () => {
    const { path, etag } = await createCredential('etag-read');
    const read = await sim.http('GET', path);
    expect(read.headers.get('etag')).toBe(etag);
    await sim.http('PUT', path, { body: body('etag-read'), headers: { 'content-type': VENDOR } });
    expect((await sim.http('GET', path)).headers.get('etag')).not.toBe(etag);
  });

  it('If-Match: the current ETag updates, a stale one gets 412 problem 38 and changes nothing', async () => {
    const { path, etag } = await createCredential('if-match');
    expect(
      (await sim.http('PUT', path, { body: body('if-match'), headers: { 'content-type': VENDOR, 'if-match': etag } }))
        .status,
    ).toBe(204);
    const current = (await sim.http('GET', path)).headers.get('etag')!;
    expectProblem(
      await sim.http('PUT', path, {
        body: { ...body('if-match'), valid: 'false' },
        headers: { 'content-type': VENDOR, 'if-match': etag },
      }),
      412,
      38,
    );
    expect((await sim.http('GET', path)).json.valid).toBe('true');
    expectProblem(await sim.http('DELETE', path, { headers: { 'if-match': etag } }), 412, 38);
    expect(
      (
        await sim.http('PUT', path, {
          body: body('if-match'),
          headers: { 'content-type': VENDOR, 'if-match': `"other", ${current}` },
        })
      ).status,
    ).toBe(204);
    expect((await sim.http('DELETE', path, { headers: { 'if-match': '*' } })).status).toBe(204);
  });

  it('If-None-Match: 304 on a GET that matches, 412 on a PUT or DELETE that matches', async () => {
    const { path, etag } = await createCredential('if-none-match');
    const notModified = await sim.http('GET', path, { headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe(etag);
    expect((await sim.http('GET', path, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
    expectProblem(
      await sim.http('PUT', path, {
        body: body('if-none-match'),
        headers: { 'content-type': VENDOR, 'if-none-match': '*' },
      }),
      412,
      38,
    );
    expectProblem(await sim.http('DELETE', path, { headers: { 'if-none-match': `W/${etag}` } }), 412, 38);
    expect((await sim.http('DELETE', path, { headers: { 'if-none-match': '"other"' } })).status).toBe(204);
  });

  it('If-Modified-Since and If-Unmodified-Since compare with the last modification, to the second', async () => {
    let clock = Date.parse('2026-01-01T10:00:00Z');
    const timed = await startTestSimulator({ now: () => clock });
    try {
      const created = await timed.http('POST', '/core/v1/credentials', {
        body: body('dated'),
        headers: { 'content-type': VENDOR },
      });
      const path = `/core/v1/credentials/${created.json.id}`;
      expect((await timed.http('GET', path)).headers.get('last-modified')).toBe('Thu, 01 Jan 2026 10:00:00 GMT');
      const before = 'Thu, 01 Jan 2026 09:59:59 GMT';
      const same = 'Thu, 01 Jan 2026 10:00:00 GMT';
      expect((await timed.http('GET', path, { headers: { 'if-modified-since': same } })).status).toBe(304);
      expect((await timed.http('GET', path, { headers: { 'if-modified-since': before } })).status).toBe(200);
      expectProblem(
        await timed.http('PUT', path, {
          body: body('dated'),
          headers: { 'content-type': VENDOR, 'if-modified-since': same },
        }),
        412,
        38,
      );
      expectProblem(
        await timed.http('PUT', path, {
          body: body('dated'),
          headers: { 'content-type': VENDOR, 'if-unmodified-since': before },
        }),
        412,
        38,
      );
      clock += 5_000;
      expect(
        (
          await timed.http('PUT', path, {
            body: body('dated'),
            headers: { 'content-type': VENDOR, 'if-unmodified-since': same },
          })
        ).status,
      ).toBe(204);
      expect(
        (
          await timed.http('PUT', path, {
            body: body('dated'),
            headers: { 'content-type': VENDOR, 'if-modified-since': same },
          })
        ).status,
      ).toBe(204);
      const malformed = await timed.http('DELETE', path, { headers: { 'if-unmodified-since': 'yesterday' } });
      expectProblem(malformed, 400, 12);
      expect(malformed.json.invalidParams).toEqual([{ name: 'If-Unmodified-Since', reason: expect.any(String) }]);
    } finally {
      await timed.close();
    }
  });
});

describe('content negotiation', () => {
  it('sends the vendor type when asked, application/json for */* or no Accept, 406 problem 32 otherwise', async () => {
    const { path } = await createCredential('negotiated');
    expect((await sim.http('GET', path, { headers: { accept: VENDOR } })).headers.get('content-type')).toBe(VENDOR);
    expect((await sim.http('GET', path, { headers: { accept: '*/*' } })).headers.get('content-type')).toBe(
      'application/json',
    );
    expect((await sim.http('GET', path)).headers.get('content-type')).toBe('application/json');
    expect(
      (await sim.http('GET', path, { headers: { accept: `application/json;q=0.5, ${VENDOR}` } })).headers.get(
        'content-type',
      ),
    ).toBe(VENDOR);
    expect(
      (await sim.http('GET', path, { headers: { accept: `${VENDOR};q=0.2, application/json` } })).headers.get(
        'content-type',
      ),
    ).toBe('application/json');
    expectProblem(await sim.http('GET', path, { headers: { accept: 'text/html' } }), 406, 32);
    expectProblem(await sim.http('GET', path, { headers: { accept: `${VENDOR};q=0` } }), 406, 32);
  });

  it('answers lists in application/json only', async () => {
    expect(
      (await sim.http('GET', '/core/v1/credentials', { headers: { accept: '*/*' } })).headers.get('content-type'),
    ).toBe('application/json');
    expectProblem(await sim.http('GET', '/core/v1/credentials', { headers: { accept: VENDOR } }), 406, 32);
  });

  it('accepts request bodies as the vendor type or application/json, refuses others with 415', async () => {
    expect(
      (
        await sim.http('POST', '/core/v1/credentials', {
          body: body('as-json'),
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await sim.http('POST', '/core/v1/credentials', {
          body: body('as-vendor'),
          headers: { 'content-type': `${VENDOR}; charset=utf-8` },
        })
      ).status,
    ).toBe(201);
    const refused = await sim.http('POST', '/core/v1/credentials', {
      body: body('as-text'),
      headers: { 'content-type': 'text/plain' },
    });
    expect(refused.status).toBe(415);
    expect(refused.json.type).toBe('https://astra.netapp.io/problems/32');
    expect(
      (await sim.http('GET', '/core/v1/credentials?filter=' + encodeURIComponent("name eq 'as-text'"))).json.items,
    ).toEqual([]);
  });
});
