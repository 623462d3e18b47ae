// The Credential API exactly as seed 003 (NetApp's Credential reference) and
// section 3 of the facts reference fix it, one fact at a time: fields, types,
// required flags, constraints, enums, keyType rules, query parameters, status
// codes, problem types, media types and the problem body.
import type { ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAjv } from '../support/spec-checks.ts';
import { loadSpec, type Node } from './spec-fixture.ts';

const COLLECTION = '/accounts/{account_id}/core/v1/credentials';
const INSTANCE = `${COLLECTION}/{credential_id}`;
const MT = 'application/astra-credential+json';

let doc: Node;
let schemas: Record<string, Node>;
const ajv = makeAjv();
const compiled = new Map<object, ValidateFunction>();

beforeAll(async () => {
  ({ dereferenced: doc } = await loadSpec());
  schemas = doc.components.schemas;
});

function accepts(schema: Node, value: unknown): boolean {
  let validate = compiled.get(schema);
  if (!validate) {
    const { example: _e, ...rest } = schema;
    validate = ajv.compile(rest);
    compiled.set(schema, validate);
  }
  return validate(value) as boolean;
}

const op = (method: string, p: string) => doc.paths[p][method] as Node;
const OPS = {
  create: () => op('post', COLLECTION),
  list: () => op('get', COLLECTION),
  get: () => op('get', INSTANCE),
  update: () => op('put', INSTANCE),
  delete: () => op('delete', INSTANCE),
};
type OpName = keyof typeof OPS;

/** The JSON type a property schema declares, directly or through allOf. */
function typeOf(schema: Node): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  for (const part of (schema.allOf ?? []) as Node[]) {
    const t = typeOf(part);
    if (t) return t;
  }
  return undefined;
}

/** A keyword's value on a schema or the first allOf member that has it. */
function keyword(schema: Node, name: string): unknown {
  if (name in schema) return schema[name];
  for (const part of (schema.allOf ?? []) as Node[]) {
    const v = keyword(part, name);
    if (v !== undefined) return v;
  }
  return undefined;
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

const base = { type: 'application/astra-credential', version: '1.1', name: 'myCert' };
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('fields: CredentialCreate (POST body)', () => {
  it('has exactly the seed fields with their types', () => {
    const s = schemas.CredentialCreate!;
    const types = Object.fromEntries(Object.entries<Node>(s.properties).map(([k, v]) => [k, typeOf(v)]));
    expect(types).toEqual({
      type: 'string',
      version: 'string',
      name: 'string',
      keyType: 'string',
      keyStore: 'object',
      valid: 'string',
      validFromTimestamp: 'string',
      validUntilTimestamp: 'string',
      metadata: 'object',
    });
  });

  it('requires type, version, name and keyStore, and nothing else', () => {
    expect(sorted(schemas.CredentialCreate!.required)).toEqual(['keyStore', 'name', 'type', 'version']);
  });

  it('does not accept an id (server-assigned) or any unknown member: additionalProperties is false', () => {
    const s = schemas.CredentialCreate!;
    expect(s.additionalProperties).toBe(false);
    const body = { ...base, keyStore: { a: 'SGkh' } };
    expect(accepts(s, body)).toBe(true);
    expect(accepts(s, { ...body, id: '58e26f6a-a631-5122-8e0e-7afe306675c0' })).toBe(false);
    expect(accepts(s, { ...body, color: 'blue' })).toBe(false);
  });

  it('rejects a body missing any required member', () => {
    const s = schemas.CredentialCreate!;
    const body: Record<string, unknown> = { ...base, keyStore: { a: 'SGkh' } };
    for (const member of ['type', 'version', 'name', 'keyStore']) {
      const { [member]: _gone, ...rest } = body;
      expect(accepts(s, rest), `without ${member}`).toBe(false);
    }
  });
});

describe('fields: CredentialUpdate (PUT body)', () => {
  it('has the seed fields plus an optional id, with their types', () => {
    const s = schemas.CredentialUpdate!;
    const types = Object.fromEntries(Object.entries<Node>(s.properties).map(([k, v]) => [k, typeOf(v)]));
    expect(types).toEqual({
      type: 'string',
      version: 'string',
      id: 'string',
      name: 'string',
      keyType: 'string',
      keyStore: 'object',
      valid: 'string',
      validFromTimestamp: 'string',
      validUntilTimestamp: 'string',
      metadata: 'object',
    });
  });

  it('requires type, version, name and keyStore (since 23.04), and nothing else', () => {
    expect(sorted(schemas.CredentialUpdate!.required)).toEqual(['keyStore', 'name', 'type', 'version']);
  });

  it('is closed: additionalProperties is false', () => {
    const s = schemas.CredentialUpdate!;
    expect(s.additionalProperties).toBe(false);
    const body = { ...base, keyStore: { a: 'SGkh' } };
    expect(accepts(s, body)).toBe(true);
    expect(accepts(s, { ...body, id: '58e26f6a-a631-5122-8e0e-7afe306675c0' })).toBe(true);
    expect(accepts(s, { ...body, color: 'blue' })).toBe(false);
  });
});

describe('fields: Credential (201 and GET response)', () => {
  it('has exactly the seed response fields with their types, and no keyStore', () => {
    const s = schemas.Credential!;
    const types = Object.fromEntries(Object.entries<Node>(s.properties).map(([k, v]) => [k, typeOf(v)]));
    expect(types).toEqual({
      type: 'string',
      version: 'string',
      id: 'string',
      name: 'string',
      keyType: 'string',
      valid: 'string',
      validFromTimestamp: 'string',
      validUntilTimestamp: 'string',
      metadata: 'object',
    });
    expect(s.properties).not.toHaveProperty('keyStore');
  });

  it('requires type, version, id, name, valid and metadata', () => {
    expect(sorted(schemas.Credential!.required)).toEqual(['id', 'metadata', 'name', 'type', 'valid', 'version']);
  });

  it('marks id read-only', () => {
    expect(keyword(schemas.Credential!.properties.id, 'readOnly')).toBe(true);
  });

  it('response metadata requires none of its members (seed: type_astra_metadata_update); labels are {name, value}', () => {
    const m = schemas.Credential!.properties.metadata as Node;
    expect(m.required ?? []).toEqual([]);
    expect(sorted(Object.keys(m.properties))).toEqual(
      sorted(['labels', 'creationTimestamp', 'modificationTimestamp', 'createdBy', 'modifiedBy']),
    );
    const label = m.properties.labels.items as Node;
    expect(sorted(label.required)).toEqual(['name', 'value']);
    expect(accepts(m, {})).toBe(true);
    expect(accepts(m, { labels: [{ name: 'a' }] })).toBe(false);
  });
});

describe('keyStore: write-only, secret, base64 values', () => {
  it.each(['CredentialCreate', 'CredentialUpdate'])('%s.keyStore is writeOnly and x-astra-secret', (name) => {
    const ks = schemas[name]!.properties.keyStore as Node;
    expect(ks.writeOnly).toBe(true);
    expect(ks['x-astra-secret']).toBe(true);
  });

  it('accepts base64 values (padded or not needing padding) of any length', () => {
    const s = schemas.CredentialCreate!;
    for (const v of ['SGkh', 'VGhpcyBpcyBhbiBleGFtcGxlLg==', 'SGk=', '', b64('x'.repeat(10_000))])
      expect(accepts(s, { ...base, keyStore: { part: v } }), JSON.stringify(v.slice(0, 20))).toBe(true);
  });

  it('rejects values that are not base64', () => {
    const s = schemas.CredentialCreate!;
    for (const v of ['not base64!', 'SGk', 'SGkh=', 'SG==kh', 'é', 'SGkh\n'])
      expect(accepts(s, { ...base, keyStore: { part: v } }), JSON.stringify(v)).toBe(false);
    expect(accepts(s, { ...base, keyStore: { part: 42 } })).toBe(false);
  });

  it('holds strings only (a map of part name to value) and at least one part', () => {
    const s = schemas.CredentialCreate!;
    expect(accepts(s, { ...base, keyStore: { part: { nested: 'SGkh' } } })).toBe(false);
    expect(accepts(s, { ...base, keyStore: {} })).toBe(false);
    expect(accepts(s, { ...base, keyStore: 'SGkh' })).toBe(false);
  });
});

describe('name, id, timestamps, valid, version, type, keyType', () => {
  it.each(['CredentialCreate', 'CredentialUpdate', 'Credential'])('%s.name is 1 to 127 characters', (name) => {
    const n = schemas[name]!.properties.name as Node;
    expect(keyword(n, 'minLength')).toBe(1);
    expect(keyword(n, 'maxLength')).toBe(127);
    expect(accepts(n, '')).toBe(false);
    expect(accepts(n, 'a')).toBe(true);
    expect(accepts(n, 'a'.repeat(127))).toBe(true);
    expect(accepts(n, 'a'.repeat(128))).toBe(false);
  });

  it('id is a lowercase UUID: v4, v5 and the nil UUID are accepted, everything else rejected', () => {
    const id = schemas.Credential!.properties.id as Node;
    for (const ok of [
      'f97f3441-075e-4f9b-9d1e-47f9f62a3fc4', // v4
      '58e26f6a-a631-5122-8e0e-7afe306675c0', // v5 (the seed's own example)
      '00000000-0000-0000-0000-000000000000', // nil
    ])
      expect(accepts(id, ok), ok).toBe(true);
    for (const bad of [
      'c232ab00-9414-11ec-b3c8-9e6bdeced846', // v1
      '6fa459ea-ee8a-3ca4-894e-db77e160355e', // v3
      'F97F3441-075E-4F9B-9D1E-47F9F62A3FC4', // uppercase
      'f97f3441-075e-4f9b-cd1e-47f9f62a3fc4', // wrong variant
      'f97f3441075e4f9b9d1e47f9f62a3fc4', // no hyphens
      'system',
      '',
    ])
      expect(accepts(id, bad), bad).toBe(false);
  });

  it.each(['validFromTimestamp', 'validUntilTimestamp'])(
    '%s is an ISO-8601 UTC date-time (pattern and format)',
    (field) => {
      for (const name of ['CredentialCreate', 'CredentialUpdate', 'Credential']) {
        const t = schemas[name]!.properties[field] as Node;
        expect(keyword(t, 'format'), name).toBe('date-time');
        expect(typeof keyword(t, 'pattern'), name).toBe('string');
        for (const ok of ['2022-10-06T20:58:16.305662Z', '2022-10-06T20:58:16Z', '2023-01-01T00:00:00.123456789Z'])
          expect(accepts(t, ok), ok).toBe(true);
        for (const bad of [
          '2022-10-06',
          '2022-10-06T20:58:16',
          '2022-10-06T20:58:16+02:00',
          '2022-10-06 20:58:16Z',
          '2022-10-06T20:58:16.1234567890Z',
          'yesterday',
        ])
          expect(accepts(t, bad), bad).toBe(false);
      }
    },
  );

  it('valid is the string "true" or "false", default "true"', () => {
    for (const name of ['CredentialCreate', 'CredentialUpdate', 'Credential']) {
      const v = schemas[name]!.properties.valid as Node;
      expect(keyword(v, 'default'), name).toBe('true');
      expect(accepts(v, 'true')).toBe(true);
      expect(accepts(v, 'false')).toBe(true);
      for (const bad of [true, false, 'True', 'yes', '1', 1]) expect(accepts(v, bad), String(bad)).toBe(false);
    }
  });

  it('version is "1.0" or "1.1", default the newest', () => {
    for (const name of ['CredentialCreate', 'CredentialUpdate', 'Credential']) {
      const v = schemas[name]!.properties.version as Node;
      expect(sorted(keyword(v, 'enum') as string[]), name).toEqual(['1.0', '1.1']);
      expect(keyword(v, 'default'), name).toBe('1.1');
      expect(accepts(v, '1.2')).toBe(false);
      expect(accepts(v, 1.1)).toBe(false);
    }
  });

  it('type is only "application/astra-credential"', () => {
    for (const name of ['CredentialCreate', 'CredentialUpdate', 'Credential']) {
      const t = schemas[name]!.properties.type as Node;
      expect(keyword(t, 'enum'), name).toEqual(['application/astra-credential']);
      expect(accepts(t, 'application/astra-credentials')).toBe(false);
    }
  });

  it('keyType is one of generic, passwordHash, apikey, kubeconfig, certificate, privkey, s3', () => {
    for (const name of ['CredentialCreate', 'CredentialUpdate', 'Credential']) {
      const k = schemas[name]!.properties.keyType as Node;
      expect(sorted(keyword(k, 'enum') as string[]), name).toEqual(
        sorted(['generic', 'passwordHash', 'apikey', 'kubeconfig', 'certificate', 'privkey', 's3']),
      );
      expect(accepts(k, 'service-account')).toBe(false);
      expect(accepts(k, 'PasswordHash')).toBe(false);
    }
  });

  it('metadata in request bodies is the update form: all members optional, closed', () => {
    for (const name of ['CredentialCreate', 'CredentialUpdate']) {
      const m = schemas[name]!.properties.metadata as Node;
      expect(m.required ?? [], name).toEqual([]);
      expect(accepts(m, { labels: [{ name: 'a', value: 'b' }] })).toBe(true);
      expect(accepts(m, { owner: 'me' })).toBe(false);
    }
  });
});

describe('keyType extended validation (ajv against real bodies)', () => {
  const x = b64('x');
  // keyType -> [complete keyStore, keyStores each missing or breaking one rule]
  const RULES: [string, Record<string, string>, Record<string, string>[]][] = [
    [
      'passwordHash',
      { cleartext: b64('S3cret!pass'), change: b64('true') },
      [{ cleartext: x }, { change: b64('false') }],
    ],
    ['apikey', { apikey: x }, [{ apiKey: x }, { other: x }]],
    ['kubeconfig', { base64: b64('{"apiVersion":"v1"}') }, [{ kubeconfig: x }, { base64: x, extra: x }]],
    ['certificate', { certificate: b64('-----BEGIN CERTIFICATE-----') }, [{ cert: x }, { privkey: x }]],
    ['privkey', { privkey: b64('-----BEGIN PRIVATE KEY-----') }, [{ privKey: x }, { certificate: x }]],
    ['s3', { accessKey: x, accessSecret: x }, [{ accessKey: x }, { accessSecret: x }, { secretKey: x }]],
  ];

  describe.each(['CredentialCreate', 'CredentialUpdate'])('%s', (name) => {
    it.each(RULES.map(([k, ok]) => [k, ok] as const))('keyType %s: a complete keyStore passes', (keyType, keyStore) => {
      expect(accepts(schemas[name]!, { ...base, keyType, keyStore })).toBe(true);
    });

    it.each(RULES.map(([k, , bad]) => [k, bad] as const))(
      'keyType %s: a keyStore missing a required member fails',
      (keyType, bads) => {
        for (const keyStore of bads)
          expect(accepts(schemas[name]!, { ...base, keyType, keyStore }), JSON.stringify(keyStore)).toBe(false);
      },
    );

    it('keyType generic, or no keyType, accepts any base64 parts (the seed example uses privKey/pubKey)', () => {
      const keyStore = { privKey: 'SGkh', pubKey: 'VGhpcyBpcyBhbiBleGFtcGxlLg==' };
      expect(accepts(schemas[name]!, { ...base, keyStore })).toBe(true);
      expect(accepts(schemas[name]!, { ...base, keyType: 'generic', keyStore })).toBe(true);
    });

    it('keyType passwordHash: change must be base64 of "true" or "false"', () => {
      const keyStore = (change: string) => ({ cleartext: b64('S3cret!pass'), change });
      expect(accepts(schemas[name]!, { ...base, keyType: 'passwordHash', keyStore: keyStore(b64('false')) })).toBe(
        true,
      );
      expect(accepts(schemas[name]!, { ...base, keyType: 'passwordHash', keyStore: keyStore(b64('maybe')) })).toBe(
        false,
      );
      expect(accepts(schemas[name]!, { ...base, keyType: 'passwordHash', keyStore: keyStore(b64('TRUE')) })).toBe(
        false,
      );
    });

    it('the rules still demand base64: a complete s3 keyStore with a non-base64 value fails', () => {
      expect(accepts(schemas[name]!, { ...base, keyType: 's3', keyStore: { accessKey: 'AK!', accessSecret: x } })).toBe(
        false,
      );
    });
  });
});

describe('list query parameters', () => {
  const params = () => (OPS.list().parameters ?? []) as Node[];
  const param = (n: string) => params().find((p) => p.name === n && p.in === 'query') as Node;

  it('are exactly continue, filter, include, limit, orderBy: optional, in the query; no skip or count', () => {
    const query = params().filter((p) => p.in === 'query');
    expect(sorted(query.map((p) => p.name))).toEqual(['continue', 'filter', 'include', 'limit', 'orderBy']);
    expect(query.every((p) => p.required !== true)).toBe(true);
    expect(params().map((p) => p.name)).not.toContain('skip');
    expect(params().map((p) => p.name)).not.toContain('count');
  });

  it('include accepts "id,name" and "id" and rejects spaces, dots and empty names', () => {
    const s = param('include').schema;
    expect(typeof s.pattern).toBe('string');
    for (const ok of ['id,name', 'id', 'name,id,valid']) expect(accepts(s, ok), ok).toBe(true);
    for (const bad of ['id, name', 'metadata.labels', '', 'id,', ',id', 'id;name'])
      expect(accepts(s, bad), bad).toBe(false);
  });

  it('limit accepts "2" and rejects 0, negatives, leading zeros and words', () => {
    const s = param('limit').schema;
    expect(typeof s.pattern).toBe('string');
    for (const ok of ['2', '1', '250']) expect(accepts(s, ok), ok).toBe(true);
    for (const bad of ['0', '-1', '02', 'two', '', '2.5']) expect(accepts(s, bad), bad).toBe(false);
  });

  it('orderBy accepts "name desc" and "name" and rejects other suffixes and several fields', () => {
    const s = param('orderBy').schema;
    expect(typeof s.pattern).toBe('string');
    for (const ok of ['name desc', 'name', 'name%20desc']) expect(accepts(s, ok), ok).toBe(true);
    for (const bad of ['name asc', 'name,id', 'name  desc', 'desc name', '']) expect(accepts(s, bad), bad).toBe(false);
  });

  it("filter is repeatable (form, exploded, an array of strings) of the form <field> <op> '<value>' with the operators eq, lt, gt, lte, gte", () => {
    const f = param('filter');
    expect(f.schema.type).toBe('array');
    expect(f.schema.items.type).toBe('string');
    expect(f.style).toBe('form');
    expect(f.explode).toBe(true);
    expect(accepts(f.schema, ["field eq 'value'"])).toBe(true);
    expect(accepts(f.schema, ["keyType eq 's3'", "valid eq 'true'"])).toBe(true);
    expect(accepts(f.schema, "field eq 'value'")).toBe(false);
    const text = `${f.description ?? ''}`;
    for (const operator of ['eq', 'lt', 'gt', 'lte', 'gte']) expect(text).toMatch(new RegExp(`\\b${operator}\\b`));
    expect(text).toMatch(/single quotes|'/);
  });

  it('continue takes the opaque base64 token from metadata.continue', () => {
    const s = param('continue').schema;
    expect(accepts(s, 'eyJvZmZzZXQiOjEwfQ==')).toBe(true);
    expect(accepts(s, 'not a token!')).toBe(false);
  });

  it('no other credential operation takes query parameters', () => {
    for (const name of ['create', 'get', 'update', 'delete'] as OpName[]) {
      const own = (OPS[name]().parameters ?? []) as Node[];
      const item = (doc.paths[name === 'create' ? COLLECTION : INSTANCE].parameters ?? []) as Node[];
      expect(
        [...own, ...item].filter((p) => p.in === 'query'),
        name,
      ).toEqual([]);
    }
  });

  it('the path parameters are account_id (and credential_id on the instance), required UUIDs', () => {
    const names = (p: string) =>
      ((doc.paths[p].parameters ?? []) as Node[]).filter((q) => q.in === 'path').map((q) => q.name);
    expect(names(COLLECTION)).toEqual(['account_id']);
    expect(names(INSTANCE)).toEqual(['account_id', 'credential_id']);
    for (const q of (doc.paths[INSTANCE].parameters as Node[]).filter((x) => x.in === 'path')) {
      expect(q.required).toBe(true);
      expect(accepts(q.schema, '58e26f6a-a631-5122-8e0e-7afe306675c0')).toBe(true);
    }
  });
});

// Section 3.1 of the facts reference and the seed: statuses, problem types
// per status (the published document's lists), and the seed's example body
// for each error response; plus what issue 14 adds to every operation of the
// API: 401 and 404 on the update (the service answers them, the seed leaves
// them out), 406 where a body is returned, 304 on the read and 412 on the
// update and delete with the conditional headers.
const STATUS: Record<
  OpName,
  { codes: string[]; problems: Record<string, number[]>; examples: Record<string, number> }
> = {
  create: {
    codes: ['201', '400', '401', '403', '404', '406', '409'],
    problems: { '400': [5, 6, 7, 8, 9], '401': [3, 4], '403': [11], '404': [2], '406': [32], '409': [10] },
    examples: { '401': 3, '400': 5, '409': 10, '403': 11, '404': 2, '406': 32 },
  },
  list: {
    codes: ['200', '400', '401', '404', '406'],
    problems: { '400': [5, 6], '401': [3, 4, 166], '404': [2], '406': [32] },
    examples: { '401': 3, '400': 5, '404': 2, '406': 32 },
  },
  get: {
    codes: ['200', '304', '400', '401', '403', '404', '406'],
    problems: { '400': [5, 6], '401': [3, 4], '403': [11], '404': [2], '406': [32] },
    examples: { '401': 3, '400': 5, '403': 11, '404': 2, '406': 32 },
  },
  update: {
    codes: ['204', '400', '401', '403', '404', '406', '409', '412', '500', '502', '503'],
    problems: {
      '400': [7, 8, 9, 12],
      '401': [3, 4],
      '403': [11],
      '404': [1],
      '406': [32],
      '409': [39],
      '412': [38],
      '500': [34],
      '502': [40],
      '503': [41],
    },
    examples: {
      '401': 3,
      '403': 11,
      '404': 1,
      '406': 32,
      '500': 34,
      '412': 38,
      '409': 39,
      '502': 40,
      '503': 41,
      '400': 7,
    },
  },
  delete: {
    codes: ['204', '400', '401', '403', '404', '412'],
    problems: { '400': [5, 6], '401': [3, 4], '403': [11], '404': [1], '412': [38] },
    examples: { '401': 3, '400': 5, '403': 11, '404': 1, '412': 38 },
  },
};

describe('status codes and problem types per operation', () => {
  const names = Object.keys(STATUS) as OpName[];

  it.each(names)('%s answers exactly the seed status codes plus the shared additions', (name) => {
    expect(sorted(Object.keys(OPS[name]().responses))).toEqual(sorted(STATUS[name].codes));
  });

  it("the list declares no 403 (as in the seed); the update's 401 and 404, which the seed leaves out, are explained", () => {
    expect(OPS.list().responses).not.toHaveProperty('403');
    expect(OPS.update().responses).toHaveProperty('401');
    expect(OPS.update().responses).toHaveProperty('404');
    expect(OPS.update()['x-astra-note']).toMatch(/Seed 003 lists neither 401 nor 404/);
  });

  it.each(names)('%s lists exactly the published problem types per status in x-astra-problems', (name) => {
    const declared = OPS[name]()['x-astra-problems'] as Record<string, number[]>;
    const normalised = Object.fromEntries(
      Object.entries(declared).map(([s, ns]) => [s, [...ns].sort((a, b) => a - b)]),
    );
    expect(normalised).toEqual(STATUS[name].problems);
  });

  it.each(names)("%s shows the seed's example problem for each error status", (name) => {
    const responses = OPS[name]().responses as Record<string, Node>;
    for (const [status, n] of Object.entries(STATUS[name].examples)) {
      const examples = Object.values<Node>(responses[status]?.content?.['application/problem+json']?.examples ?? {});
      const types = examples.map((e) => e.value?.type);
      expect(types, `${name} ${status}`).toContain(`https://astra.netapp.io/problems/${n}`);
    }
  });

  it('create answers 201 with a Location header holding a URI', () => {
    const location = OPS.create().responses['201'].headers?.Location as Node;
    expect(location).toBeDefined();
    expect(location.schema).toMatchObject({ type: 'string', format: 'uri' });
  });

  it('update and delete answer 204 with no body', () => {
    expect(OPS.update().responses['204'].content).toBeUndefined();
    expect(OPS.delete().responses['204'].content).toBeUndefined();
  });

  it.each(['update', 'delete'] as OpName[])(
    '%s accepts the RFC 7232 conditional headers that 412 (problem 38) is about',
    (name) => {
      const headers = ((OPS[name]().parameters ?? []) as Node[]).filter((p) => p.in === 'header').map((p) => p.name);
      expect(sorted(headers)).toEqual(['If-Match', 'If-Modified-Since', 'If-None-Match', 'If-Unmodified-Since']);
    },
  );

  it('get accepts If-None-Match and If-Modified-Since, answers 304 without a body, and sends an ETag', () => {
    const headers = ((OPS.get().parameters ?? []) as Node[]).filter((p) => p.in === 'header').map((p) => p.name);
    expect(sorted(headers)).toEqual(['If-Modified-Since', 'If-None-Match']);
    expect(OPS.get().responses['304'].content).toBeUndefined();
    expect(OPS.get().responses['200'].headers.ETag.schema.type).toBe('string');
  });
});

describe('media types', () => {
  it('request bodies are required, application/astra-credential+json or application/json, same schema', () => {
    for (const name of ['create', 'update'] as OpName[]) {
      const body = OPS[name]().requestBody as Node;
      expect(body.required, name).toBe(true);
      expect(Object.keys(body.content), name).toEqual([MT, 'application/json']);
    }
    for (const mt of [MT, 'application/json']) {
      expect(OPS.create().requestBody.content[mt].schema).toBe(schemas.CredentialCreate);
      expect(OPS.update().requestBody.content[mt].schema).toBe(schemas.CredentialUpdate);
    }
  });

  it('single-resource responses are application/astra-credential+json or application/json, with the Credential schema', () => {
    for (const [name, status] of [
      ['create', '201'],
      ['get', '200'],
    ] as [OpName, string][]) {
      const content = OPS[name]().responses[status].content as Node;
      expect(Object.keys(content), name).toEqual([MT, 'application/json']);
      expect(content[MT].schema).toBe(schemas.Credential);
      expect(content['application/json'].schema).toBe(schemas.Credential);
    }
  });

  it('the list response is application/json with the CredentialList envelope (items of Credential or projected arrays)', () => {
    const content = OPS.list().responses['200'].content as Node;
    expect(Object.keys(content)).toEqual(['application/json']);
    const list = content['application/json'].schema as Node;
    expect(list).toBe(schemas.CredentialList);
    expect(sorted(list.required)).toEqual(['items', 'metadata']);
    expect(list.properties.items.items.anyOf).toContain(schemas.Credential);
    expect(accepts(list, { items: [['58e26f6a-a631-5122-8e0e-7afe306675c0', 'myCert']], metadata: {} })).toBe(true);
    expect(accepts(list, { items: [], metadata: { continue: 'eyJ9', count: 0 } })).toBe(true);
    expect(accepts(list, { items: [] })).toBe(false);
  });

  it('every error response is application/problem+json with the Problem schema', () => {
    for (const name of Object.keys(OPS) as OpName[])
      for (const [status, r] of Object.entries<Node>(OPS[name]().responses)) {
        if (!/^[45]/.test(status)) continue;
        expect(Object.keys(r.content ?? {}), `${name} ${status}`).toEqual(['application/problem+json']);
        expect(r.content['application/problem+json'].schema, `${name} ${status}`).toBe(schemas.Problem);
      }
  });
});

describe('the problem body', () => {
  const problem = () => schemas.Problem!;
  const ok = {
    type: 'https://astra.netapp.io/problems/5',
    title: 'Invalid query parameters',
    detail: 'x',
    status: '400',
  };

  it('requires type, title, detail and status', () => {
    expect(sorted(problem().required)).toEqual(['detail', 'status', 'title', 'type']);
    for (const member of ['type', 'title', 'detail', 'status']) {
      const { [member as keyof typeof ok]: _gone, ...rest } = ok;
      expect(accepts(problem(), rest), `without ${member}`).toBe(false);
    }
  });

  it('status is a string, not a number', () => {
    expect(problem().properties.status.type).toBe('string');
    expect(accepts(problem(), ok)).toBe(true);
    expect(accepts(problem(), { ...ok, status: 400 })).toBe(false);
  });

  it('type is an https://astra.netapp.io/problems/<N> URI', () => {
    expect(accepts(problem(), { ...ok, type: 'about:blank' })).toBe(false);
    expect(accepts(problem(), { ...ok, type: 'https://astra.netapp.io/problems/x' })).toBe(false);
  });

  it('correlationID is optional and an identifier', () => {
    expect(problem().properties).toHaveProperty('correlationID');
    expect(accepts(problem(), { ...ok, correlationID: '58e26f6a-a631-5122-8e0e-7afe306675c0' })).toBe(true);
    expect(accepts(problem(), { ...ok, correlationID: 'nope' })).toBe(false);
  });

  it.each(['invalidFields', 'invalidParams'])(
    '%s is an optional array of {name, reason}, both required strings',
    (member) => {
      const items = problem().properties[member].items as Node;
      expect(problem().properties[member].type).toBe('array');
      expect(sorted(items.required)).toEqual(['name', 'reason']);
      expect(items.properties.name.type).toBe('string');
      expect(items.properties.reason.type).toBe('string');
      expect(accepts(problem(), { ...ok, [member]: [{ name: 'limit', reason: 'must be at least 1' }] })).toBe(true);
      expect(accepts(problem(), { ...ok, [member]: [{ name: 'limit' }] })).toBe(false);
      expect(accepts(problem(), { ...ok, [member]: [{ reason: 'x' }] })).toBe(false);
    },
  );
});

// The example problem bodies seed 003 shows, in the order it shows them.
const SEED_PROBLEMS = [
  {
    type: 'https://astra.netapp.io/problems/3',
    title: 'Missing bearer token',
    detail: 'The request is missing the required bearer token.',
    status: '401',
  },
  {
    type: 'https://astra.netapp.io/problems/5',
    title: 'Invalid query parameters',
    detail: 'The supplied query parameters are invalid.',
    status: '400',
  },
  {
    type: 'https://astra.netapp.io/problems/10',
    title: 'JSON resource conflict',
    detail: 'The request body JSON contains a field that conflicts with an idempotent value.',
    status: '409',
  },
  {
    type: 'https://astra.netapp.io/problems/11',
    title: 'Operation not permitted',
    detail: "The requested operation isn't permitted.",
    status: '403',
  },
  {
    type: 'https://astra.netapp.io/problems/2',
    title: 'Collection not found',
    detail: "The collection specified in the request URI wasn't found.",
    status: '404',
  },
  {
    type: 'https://astra.netapp.io/problems/1',
    title: 'Resource not found',
    detail: "The resource specified in the request URI wasn't found.",
    status: '404',
  },
  {
    type: 'https://astra.netapp.io/problems/32',
    title: 'Unsupported content type',
    detail: "The response can't be returned in the requested format.",
    status: '406',
  },
  {
    type: 'https://astra.netapp.io/problems/34',
    title: 'Internal server error',
    detail: 'The server was unable to process this request.',
    status: '500',
  },
  {
    type: 'https://astra.netapp.io/problems/38',
    title: 'Precondition not met',
    detail: "The conditional headers aren't satisfied.",
    status: '412',
  },
  {
    type: 'https://astra.netapp.io/problems/39',
    title: 'Credential exists',
    detail: 'A credential of this type already exists.',
    status: '409',
  },
  {
    type: 'https://astra.netapp.io/problems/40',
    title: 'Communication failed',
    detail: "Communication wasn't made with downstream services.",
    status: '502',
  },
  {
    type: 'https://astra.netapp.io/problems/41',
    title: 'Service not ready',
    detail: "Currently, the service can't respond to this request.",
    status: '503',
  },
  {
    type: 'https://astra.netapp.io/problems/7',
    title: 'Invalid JSON payload',
    detail: 'The request body is not valid JSON.',
    status: '400',
  },
];

describe("the seed's example problems", () => {
  const numberOf = (type: string) => type.split('/').pop()!;

  it.each(SEED_PROBLEMS.map((p) => [numberOf(p.type), p] as const))(
    'problem %s validates against Problem',
    (_n, body) => {
      expect(accepts(schemas.Problem!, body)).toBe(true);
    },
  );

  it.each(SEED_PROBLEMS.map((p) => [numberOf(p.type), p] as const))(
    'problem %s matches the catalogue title and status',
    (n, body) => {
      const entry = (doc['x-astra-problem-catalogue'] as Record<string, Node>)[n];
      expect(entry).toBeDefined();
      expect(entry!.title).toBe(body.title);
      expect(String(entry!.status)).toBe(body.status);
    },
  );

  it('the spec shows the same bodies as its examples, word for word', () => {
    const shown = new Map<string, Node>();
    for (const name of Object.keys(OPS) as OpName[])
      for (const r of Object.values<Node>(OPS[name]().responses))
        for (const e of Object.values<Node>(r.content?.['application/problem+json']?.examples ?? {}))
          shown.set(e.value.type, e.value);
    for (const p of SEED_PROBLEMS) expect(shown.get(p.type), p.type).toEqual(p);
  });
});
