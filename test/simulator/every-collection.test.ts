// Every collection of the spec answers its operations at every root where the
// spec places it: each create operation is driven with its schema's own
// example (parents created first, shallowest paths first), and every answer is
// checked against the spec's schema for that response.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  escapePointer,
  responseSchemaPointer,
  schemaErrors,
  spec,
  startTestSimulator,
  type TestSimulator,
} from './support.ts';

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());

const depth = (path: string) => (path.match(/\{/g) ?? []).length;
const paths = Object.keys(spec.paths) as string[];
const createPaths = paths.filter((p) => spec.paths[p].post).sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : 1));
/** Collection path → id created there. */
const created = new Map<string, string>();
/** Id parameter (`app_id`) → the last id created in a collection whose instances it names. */
const createdByParam = new Map<string, string>();

function concrete(template: string): string {
  const segments = template.split('/');
  let prefix = '';
  return segments
    .map((s, i) => {
      prefix = segments.slice(0, i).join('/');
      if (s === '{account_id}') return sim.accountId;
      if (s.startsWith('{')) {
        const id = created.get(prefix) ?? createdByParam.get(s.slice(1, -1));
        if (!id) throw new Error(`no parent created at ${prefix}`);
        return id;
      }
      return s;
    })
    .join('/');
}

function exampleOf(schemaRef: { $ref?: string }): Record<string, unknown> {
  const name = schemaRef.$ref!.split('/').pop()!;
  return structuredClone(spec.components.schemas[name].example);
}

describe('every create, read, update and delete the spec declares', () => {
  it.each(createPaths)('POST %s, then GET, PUT, list and DELETE', async (path) => {
    const post = spec.paths[path].post;
    const [mediaType, media] = Object.entries(post.requestBody.content)[0] as [string, { schema: { $ref: string } }];
    const body = exampleOf(media.schema);
    const res = await sim.http('POST', concrete(path), {
      body,
      headers: { 'content-type': mediaType, accept: mediaType },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.headers.get('content-type')).toBe(mediaType);
    expect(schemaErrors(responseSchemaPointer(path, 'post', '201', mediaType), res.json)).toBe('');
    const location = new URL(res.headers.get('location')!);
    expect(location.pathname).toBe(`${concrete(path)}/${res.json.id}`);
    expect(res.headers.get('etag')).toMatch(/^"[^"]+"$/);
    expect(res.json.metadata).toMatchObject({
      creationTimestamp: expect.any(String),
      modificationTimestamp: expect.any(String),
      createdBy: expect.any(String),
      labels: expect.any(Array),
    });
    created.set(path, res.json.id);
    const instance = paths.find((p) => p.startsWith(`${path}/{`) && p.split('/').length === path.split('/').length + 1);
    if (!instance) return;
    createdByParam.set(instance.split('/').pop()!.slice(1, -1), res.json.id);
    const got = await sim.http('GET', location.pathname, { headers: { accept: mediaType } });
    expect(got.status).toBe(200);
    // Long-running resources move on between the two reads; everything else reads back as created.
    if ('state' in res.json && res.json.state === 'pending')
      expect(got.json).toMatchObject({
        id: res.json.id,
        metadata: { creationTimestamp: res.json.metadata.creationTimestamp },
      });
    else expect(res.json).toMatchObject(got.json); // a 201 may add members shown once (a new token)

    const put = spec.paths[instance].put;
    if (put) {
      const [putType, putMedia] = Object.entries(put.requestBody.content)[0] as [string, { schema: { $ref: string } }];
      const update = exampleOf(putMedia.schema);
      const replaced = await sim.http('PUT', location.pathname, { body: update, headers: { 'content-type': putType } });
      expect(replaced.status, replaced.text).toBe(204);
      const after = await sim.http('GET', location.pathname, { headers: { accept: mediaType } });
      expect(after.json.id).toBe(res.json.id);
      expect(after.json.metadata.creationTimestamp).toBe(res.json.metadata.creationTimestamp);
      expect(after.headers.get('etag')).not.toBe(res.headers.get('etag'));
      expect(schemaErrors(responseSchemaPointer(instance, 'get', '200', mediaType), after.json)).toBe('');
    }

    if (spec.paths[path].get) {
      const list = await sim.http('GET', concrete(path));
      expect(list.status).toBe(200);
      expect(list.json.items.map((i: { id: string }) => i.id)).toContain(res.json.id);
      expect(schemaErrors(responseSchemaPointer(path, 'get', '200', 'application/json'), list.json)).toBe('');
    }

    if (spec.paths[instance].delete && !/\/accounts$/.test(path)) {
      // Delete a second one, so the first stays as the parent of nested collections.
      const second = await sim.http('POST', concrete(path), {
        body: 'name' in body ? { ...body, name: `${String(body.name)}-2` } : body,
        headers: { 'content-type': mediaType },
      });
      if ('id' in body) return; // adopting an existing object: one per id
      expect(second.status, second.text).toBe(201);
      const gone = await sim.http('DELETE', `${concrete(path)}/${second.json.id}`);
      expect(gone.status).toBe(204);
      expect((await sim.http('GET', `${concrete(path)}/${second.json.id}`)).status).toBe(404);
    }
  });

  it('answers every list operation of the spec, at every root, with its list schema', async () => {
    let checked = 0;
    for (const path of paths.filter((p) =>
      /List$/.test(spec.paths[p].get?.responses['200'].content?.['application/json']?.schema?.$ref ?? ''),
    )) {
      let url: string;
      try {
        url = concrete(path);
      } catch {
        // A parent that no create produces (read-only collections such as clusters' nodes): the
        // parent check answers 404 with problem 2, which the spec's 404 declares.
        continue;
      }
      const list = await sim.http('GET', url);
      expect(list.status, `${path}: ${list.text}`).toBe(200);
      expect(schemaErrors(responseSchemaPointer(path, 'get', '200', 'application/json'), list.json), path).toBe('');
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('shows a backup created under an app at the flat topology root too', async () => {
    const appId = created.get('/accounts/{account_id}/k8s/v2/apps')!;
    const flat = await sim.http('GET', '/topology/v1/appBackups');
    const nested = await sim.http('GET', `/k8s/v1/apps/${appId}/appBackups`);
    expect(nested.json.items.length).toBeGreaterThan(0);
    expect(flat.json.items.map((b: { id: string }) => b.id)).toEqual(
      expect.arrayContaining(nested.json.items.map((b: { id: string }) => b.id)),
    );
    void escapePointer;
  });
});
