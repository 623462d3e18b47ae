// Every operation's request and response media types and versions agree with
// the table kept from the facts reference (media-types.table.ts), and the
// problem catalogue is complete (issue 3).
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ASUP_DOWNLOAD,
  MEDIA_TYPES,
  SPECIAL_ENDPOINTS,
  mediaTypeFor,
  newest,
  type MediaTypeKey,
} from './media-types.table.ts';
import { isList, loadSpec, ops, type Node, type Op } from './spec-fixture.ts';

const JSON_TYPE = 'application/json';

let doc: Node;
let all: Op[];

beforeAll(async () => {
  ({ dereferenced: doc } = await loadSpec());
  all = ops(doc);
});

const sortedVersions = (vs: readonly string[]) => [...vs].sort();
const keysOf = (content: Node | undefined) => Object.keys(content ?? {}).sort();

/** What is wrong with the `type`/`version` envelope of a schema, per the table row. */
function envelopeProblems(
  where: string,
  schema: Node | undefined,
  name: string,
  versions: readonly string[],
): string[] {
  const out: string[] = [];
  const props = schema?.properties as Node | undefined;
  if (!props) return [`${where}: schema has no properties`];
  const typeEnum = props.type?.enum;
  if (JSON.stringify(typeEnum) !== JSON.stringify([`application/astra-${name}`]))
    out.push(`${where}: type enum ${JSON.stringify(typeEnum)}, expected ["application/astra-${name}"]`);
  const versionEnum = props.version?.enum as string[] | undefined;
  if (!versionEnum || JSON.stringify(sortedVersions(versionEnum)) !== JSON.stringify(sortedVersions(versions)))
    out.push(`${where}: version enum ${JSON.stringify(versionEnum)}, expected ${JSON.stringify(versions)}`);
  if (props.version?.default !== newest(versions))
    out.push(`${where}: version default ${JSON.stringify(props.version?.default)}, expected ${newest(versions)}`);
  return out;
}

describe('the media-type table', () => {
  it('covers every operation: each path maps to a row or is a documented special endpoint', () => {
    const unmapped = all.filter((o) => !SPECIAL_ENDPOINTS[o.path] && !mediaTypeFor(o.path)).map((o) => o.key);
    expect(unmapped).toEqual([]);
  });

  it('has no stale rows: every row is used by at least one operation', () => {
    const used = new Set(all.map((o) => mediaTypeFor(o.path)).filter(Boolean));
    const unused = (Object.keys(MEDIA_TYPES) as MediaTypeKey[]).filter((k) => !used.has(MEDIA_TYPES[k]));
    expect(unused).toEqual([]);
  });
});

// Issue 14: every request body and single-resource response is described both
// as the vendor type and as application/json (what Astra answers to `*/*` or
// no Accept, and what NetApp's operator and Ansible roles send), same schema.
describe('request bodies and single-resource responses, per collection', () => {
  it.each(Object.keys(MEDIA_TYPES) as MediaTypeKey[])('%s', (key) => {
    const entry = MEDIA_TYPES[key];
    const vendor = `application/astra-${entry.name}+json`;
    const mine = all.filter((o) => mediaTypeFor(o.path) === entry);
    expect(mine.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const { key: where, method, path, operation } of mine) {
      const body = operation.requestBody as Node | undefined;
      if (body) {
        const mts = keysOf(body.content);
        const expected = [vendor, JSON_TYPE].sort();
        if (JSON.stringify(mts) !== JSON.stringify(expected))
          problems.push(`${where} request: ${mts}, expected ${expected}`);
        else if (body.content[JSON_TYPE].schema !== body.content[vendor].schema)
          problems.push(`${where} request: application/json and ${vendor} have different schemas`);
        else
          problems.push(
            ...envelopeProblems(`${where} request`, body.content[vendor].schema, entry.name, entry.versions),
          );
      } else if (method === 'post' || method === 'put') problems.push(`${where}: no request body`);
      const single = method === 'post' ? '201' : method === 'get' && !isList(method, path) ? '200' : undefined;
      if (!single) continue;
      const content = operation.responses?.[single]?.content as Node | undefined;
      const expected = [vendor, JSON_TYPE, ...(path === ASUP_DOWNLOAD.path ? [ASUP_DOWNLOAD.mediaType] : [])].sort();
      if (JSON.stringify(keysOf(content)) !== JSON.stringify(expected))
        problems.push(`${where} ${single}: ${keysOf(content)}, expected ${expected}`);
      else if (content![JSON_TYPE].schema !== content![vendor].schema)
        problems.push(`${where} ${single}: application/json and ${vendor} have different schemas`);
      else
        problems.push(...envelopeProblems(`${where} ${single}`, content![vendor].schema, entry.name, entry.versions));
    }
    expect(problems).toEqual([]);
  });
});

describe('other responses', () => {
  it('list responses (200 of a GET on a collection) are application/json only', () => {
    const bad = all
      .filter((o) => isList(o.method, o.path) && !SPECIAL_ENDPOINTS[o.path])
      .filter((o) => JSON.stringify(keysOf(o.operation.responses['200']?.content)) !== '["application/json"]')
      .map((o) => `${o.key}: ${keysOf(o.operation.responses['200']?.content)}`);
    expect(bad).toEqual([]);
  });

  it('the ASUP download answers application/astra-asup+json, application/json and application/gzip', () => {
    const o = doc.paths[ASUP_DOWNLOAD.path].get as Node;
    expect(keysOf(o.responses['200'].content)).toEqual([
      'application/astra-asup+json',
      'application/gzip',
      'application/json',
    ]);
  });

  it.each(Object.entries(SPECIAL_ENDPOINTS))('GET %s answers 200 as %s only', (path, mediaType) => {
    const o = doc.paths[path]?.get as Node | undefined;
    expect(o).toBeDefined();
    expect(keysOf(o!.responses['200']?.content)).toEqual([mediaType]);
    expect(o!.requestBody).toBeUndefined();
  });

  it('every 4xx/5xx response is application/problem+json only', () => {
    const bad: string[] = [];
    for (const { key, operation } of all)
      for (const [status, r] of Object.entries<Node>(operation.responses ?? {}))
        if (/^[45]/.test(status) && JSON.stringify(keysOf(r.content)) !== '["application/problem+json"]')
          bad.push(`${key} ${status}: ${keysOf(r.content)}`);
    expect(bad).toEqual([]);
  });

  it('success statuses: GET 200, POST 201 with a Location URI, PUT and DELETE 204 with no body', () => {
    const bad: string[] = [];
    for (const { key, method, operation } of all) {
      // 304 is the conditional read's answer, not a success (headers.test.ts checks it).
      const success = Object.keys(operation.responses ?? {}).filter((s) => /^[123]/.test(s) && s !== '304');
      const expected = { get: '200', post: '201', put: '204', delete: '204' }[method];
      if (JSON.stringify(success) !== JSON.stringify([expected]))
        bad.push(`${key}: success ${success}, expected ${expected}`);
      const r = operation.responses?.[expected ?? ''] as Node | undefined;
      if (expected === '204' && r?.content) bad.push(`${key}: 204 has a body`);
      if (expected === '201') {
        const location = r?.headers?.Location as Node | undefined;
        if (location?.schema?.type !== 'string' || location?.schema?.format !== 'uri')
          bad.push(`${key}: 201 without a Location URI`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('the problem catalogue (x-astra-problem-catalogue)', () => {
  const catalogue = () => doc['x-astra-problem-catalogue'] as Record<string, Node>;

  it('has 177 entries, numbered 1 to 177', () => {
    const numbers = Object.keys(catalogue())
      .map(Number)
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 177 }, (_, i) => i + 1));
  });

  it('gives every entry a numeric 4xx/5xx status, a title and an extensions list', () => {
    const bad: string[] = [];
    for (const [n, e] of Object.entries(catalogue())) {
      if (!/^[1-9][0-9]*$/.test(n)) bad.push(`${n}: key is not a problem number`);
      if (typeof e.status !== 'number' || !Number.isInteger(e.status) || e.status < 400 || e.status > 599)
        bad.push(`${n}: status ${JSON.stringify(e.status)}`);
      if (typeof e.title !== 'string' || !e.title.trim()) bad.push(`${n}: no title`);
      if (!Array.isArray(e.extensions) || e.extensions.some((x: unknown) => typeof x !== 'string'))
        bad.push(`${n}: extensions ${JSON.stringify(e.extensions)}`);
    }
    expect(bad).toEqual([]);
  });

  it('names the extension members the facts reference lists (1.9), and no others', () => {
    const expected: Record<string, string[]> = {};
    const add = (member: string, ns: number[]) => ns.forEach((n) => (expected[n] = [member]));
    add('invalidParams', [5, 6, 12, 30, 31]);
    add('invalidFields', [9, 10, 20, 22, 23, 36, 42]);
    add('schemaValidationFailure', [8, 135]);
    add('problemDetails', [68, 113]);
    const actual = Object.fromEntries(
      Object.entries(catalogue())
        .filter(([, e]) => (e.extensions as string[]).length > 0)
        .map(([n, e]) => [n, e.extensions as string[]]),
    );
    expect(actual).toEqual(expected);
  });

  it('the Problem schema declares every extension member the catalogue names', () => {
    const members = new Set(Object.values(catalogue()).flatMap((e) => e.extensions as string[]));
    const declared = Object.keys(doc.components.schemas.Problem.properties);
    expect([...members].filter((m) => !declared.includes(m))).toEqual([]);
  });
});
