// What every operation says about the wire (issue 14), as tables over all
// operations: the ETag on every successful read, the RFC 7232 conditional
// headers with their 304 and 412 answers, 401 on every operation (all take
// the bearer token), 404 on every operation addressed by an id, 406 where a
// body is returned, and `filter` as it is really sent (repeated, ANDed).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpec, ops, type Node, type Op } from './spec-fixture.ts';

let doc: Node;
let all: Op[];

beforeAll(async () => {
  ({ dereferenced: doc } = await loadSpec());
  all = ops(doc);
});

const CONDITIONAL_WRITE = ['If-Match', 'If-Modified-Since', 'If-None-Match', 'If-Unmodified-Since'];
const CONDITIONAL_READ = ['If-Modified-Since', 'If-None-Match'];

/** A GET of one resource: its path ends in an id (the metrics endpoint is a document, not a resource). */
const isInstanceGet = (o: Op) => o.method === 'get' && /_id\}$/.test(o.path);
const headerParams = (o: Op) =>
  [...((doc.paths[o.path].parameters ?? []) as Node[]), ...((o.operation.parameters ?? []) as Node[])]
    .filter((p) => p.in === 'header')
    .map((p) => p.name as string);
const problems = (o: Op, status: string) => (o.operation['x-astra-problems']?.[status] ?? []) as number[];

/** Each rule: which operations it applies to, and what is wrong with one (empty when right). */
const RULES: [string, (o: Op) => boolean, (o: Op) => string[]][] = [
  [
    'every successful read (GET 200) sends an ETag header',
    (o) => o.method === 'get',
    (o) => {
      const etag = o.operation.responses['200']?.headers?.ETag as Node | undefined;
      return etag?.schema?.type === 'string' ? [] : ['no ETag string header on 200'];
    },
  ],
  [
    'every read of one resource takes If-None-Match and If-Modified-Since and answers 304 without a body, with the ETag',
    isInstanceGet,
    (o) => {
      const out: string[] = [];
      const headers = headerParams(o);
      for (const h of CONDITIONAL_READ) if (!headers.includes(h)) out.push(`no ${h}`);
      const notModified = o.operation.responses['304'] as Node | undefined;
      if (!notModified) out.push('no 304');
      else {
        if (notModified.content) out.push('304 has a body');
        if (notModified.headers?.ETag?.schema?.type !== 'string') out.push('304 without ETag');
      }
      return out;
    },
  ],
  [
    'no list, create, update or delete answers 304 (only a conditional read can)',
    (o) => !isInstanceGet(o),
    (o) => ('304' in o.operation.responses ? ['declares 304'] : []),
  ],
  [
    'every update and delete takes If-Match, If-None-Match, If-Modified-Since and If-Unmodified-Since, and answers 412 with problem 38',
    (o) => o.method === 'put' || o.method === 'delete',
    (o) => {
      const out: string[] = [];
      const headers = headerParams(o);
      for (const h of CONDITIONAL_WRITE) if (!headers.includes(h)) out.push(`no ${h}`);
      const failed = o.operation.responses['412'] as Node | undefined;
      if (!failed?.content?.['application/problem+json']) out.push('no 412 problem response');
      if (!problems(o, '412').includes(38)) out.push('412 does not list problem 38');
      return out;
    },
  ],
  [
    'conditional headers are optional strings wherever they are taken',
    (o) => headerParams(o).some((h) => h.startsWith('If-')),
    (o) =>
      [...((o.operation.parameters ?? []) as Node[])]
        .filter((p) => p.in === 'header' && String(p.name).startsWith('If-'))
        .filter((p) => p.required === true || p.schema?.type !== 'string')
        .map((p) => `${p.name} is required or not a string`),
  ],
  [
    'every operation answers 401 with problems 3 and 4 (all take the bearer token)',
    () => true,
    (o) => {
      const out: string[] = [];
      if (!o.operation.responses['401']?.content?.['application/problem+json']) out.push('no 401 problem response');
      for (const n of [3, 4]) if (!problems(o, '401').includes(n)) out.push(`401 does not list problem ${n}`);
      return out;
    },
  ],
  [
    'every operation addressed by an id (any path parameter, the account included) answers 404',
    (o) => o.path.includes('{'),
    (o) => {
      const out: string[] = [];
      if (!o.operation.responses['404']?.content?.['application/problem+json']) out.push('no 404 problem response');
      if (!problems(o, '404').length) out.push('404 lists no problem type');
      return out;
    },
  ],
  [
    'every operation that returns a body (GET, POST) answers 406 with problem 32',
    (o) => o.method === 'get' || o.method === 'post',
    (o) => {
      const out: string[] = [];
      if (!o.operation.responses['406']?.content?.['application/problem+json']) out.push('no 406 problem response');
      if (!problems(o, '406').includes(32)) out.push('406 does not list problem 32');
      return out;
    },
  ],
  [
    'filter, where accepted, is repeatable: form style, exploded, an array of strings',
    (o) => ((o.operation.parameters ?? []) as Node[]).some((p) => p.in === 'query' && p.name === 'filter'),
    (o) => {
      const f = ((o.operation.parameters ?? []) as Node[]).find((p) => p.in === 'query' && p.name === 'filter')!;
      const out: string[] = [];
      if (f.style !== 'form') out.push(`style ${f.style}`);
      if (f.explode !== true) out.push(`explode ${f.explode}`);
      if (f.schema?.type !== 'array' || f.schema?.items?.type !== 'string') out.push('not an array of strings');
      if (f.required === true) out.push('required');
      if (!/AND/.test(`${f.description}`)) out.push('does not say conditions combine with AND');
      return out;
    },
  ],
];

describe('wire rules over every operation', () => {
  it.each(RULES.map(([name, applies, check]) => [name, applies, check] as const))('%s', (_name, applies, check) => {
    const matching = all.filter(applies);
    expect(matching.length).toBeGreaterThan(0);
    const bad = matching.flatMap((o) => check(o).map((p) => `${o.key}: ${p}`));
    expect(bad).toEqual([]);
  });

  it('applies to the expected number of operations', () => {
    const count = (f: (o: Op) => boolean) => all.filter(f).length;
    expect(all.length).toBe(247);
    expect(count((o) => o.method === 'put' || o.method === 'delete')).toBe(72);
    expect(count(isInstanceGet)).toBeGreaterThanOrEqual(60);
    expect(
      count((o) => ((o.operation.parameters ?? []) as Node[]).some((p) => p.name === 'filter')),
    ).toBeGreaterThanOrEqual(44);
  });

  it('the shared conditional headers and the ETag are components (one description for all operations)', () => {
    for (const name of ['IfMatch', 'IfNoneMatch', 'IfModifiedSince', 'IfUnmodifiedSince'])
      expect(doc.components.parameters[name]?.in, name).toBe('header');
    expect(doc.components.headers.ETag.schema.type).toBe('string');
    expect(doc.components.responses.NotModified.content).toBeUndefined();
  });
});
