// Every example validates against its schema (ajv, draft 2020-12), every
// resource schema has one, the project's conventions hold, and the Credential
// examples of seed 003 are accepted by the schemas that describe them.
import { beforeAll, describe, expect, it } from 'vitest';
import { conventionViolations, invalidSchemaExamples, makeAjv } from '../support/spec-checks.ts';
import { loadSpec, ops, type Node } from './spec-fixture.ts';

let doc: Node;
const ajv = makeAjv();

beforeAll(async () => {
  ({ dereferenced: doc } = await loadSpec());
});

function validator(schema: Node) {
  const { example: _example, ...rest } = schema;
  return ajv.compile(rest);
}

function errorsOf(schema: Node, value: unknown): string[] {
  const validate = validator(schema);
  return validate(value) ? [] : [ajv.errorsText(validate.errors)];
}

const isJson = (mediaType: string) =>
  mediaType === 'application/json' || /^application\/[\w.-]+\+json$/.test(mediaType);

describe('schema examples', () => {
  it('every example on a schema validates against that schema', () => {
    expect(invalidSchemaExamples(doc)).toEqual([]);
  });

  it('every example on a request body or response validates against its media type schema', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const { key, operation } of ops(doc)) {
      const contents: [string, Node][] = [];
      for (const [mt, c] of Object.entries<Node>(operation.requestBody?.content ?? {}))
        contents.push([`request ${mt}`, c]);
      for (const [status, r] of Object.entries<Node>(operation.responses ?? {}))
        for (const [mt, c] of Object.entries<Node>(r.content ?? {})) contents.push([`${status} ${mt}`, c]);
      for (const [where, c] of contents) {
        if (!c.schema) continue;
        const samples: [string, unknown][] = [];
        if ('example' in c) samples.push(['example', c.example]);
        for (const [name, ex] of Object.entries<Node>(c.examples ?? {}))
          if ('value' in ex) samples.push([name, ex.value]);
        for (const [name, value] of samples) {
          checked++;
          for (const e of errorsOf(c.schema, value)) failures.push(`${key} ${where} ${name}: ${e}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // The credential operations alone show 22 example problem bodies.
    expect(checked).toBeGreaterThanOrEqual(22);
  });

  it('every resource schema that an operation sends or returns as JSON is named in components/schemas and has an example', () => {
    const names = new Map<object, string>();
    for (const [name, schema] of Object.entries<Node>(doc.components.schemas))
      if (!names.has(schema)) names.set(schema, name);
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const { key, operation } of ops(doc)) {
      const schemas: [string, Node][] = [];
      for (const [mt, c] of Object.entries<Node>(operation.requestBody?.content ?? {}))
        if (isJson(mt)) schemas.push([`request ${mt}`, c.schema]);
      for (const [status, r] of Object.entries<Node>(operation.responses ?? {}))
        if (/^2/.test(status))
          for (const [mt, c] of Object.entries<Node>(r.content ?? {}))
            if (isJson(mt)) schemas.push([`${status} ${mt}`, c.schema]);
      for (const [where, schema] of schemas) {
        const name = names.get(schema);
        if (!name) problems.push(`${key} ${where}: schema is not a named component`);
        else {
          seen.add(name);
          if (!('example' in schema)) problems.push(`${key} ${where}: ${name} has no example`);
        }
      }
    }
    expect(problems).toEqual([]);
    // Sanity: the walk did reach the resource schemas.
    expect(seen).toContain('Credential');
    expect(seen).toContain('CredentialCreate');
    expect(seen).toContain('CredentialUpdate');
    expect(seen).toContain('CredentialList');
    expect(seen.size).toBeGreaterThan(100);
  });

  it('every <Res>, <Res>Create, <Res>Update and <Res>List in components/schemas has an example', () => {
    const schemas = doc.components.schemas as Record<string, Node>;
    const resources = Object.keys(schemas).filter((n) => schemas[`${n}List`] !== undefined);
    expect(resources.length).toBeGreaterThan(35);
    const missing: string[] = [];
    for (const res of resources)
      for (const name of [res, `${res}Create`, `${res}Update`, `${res}List`])
        if (schemas[name] && !('example' in schemas[name]!)) missing.push(name);
    expect(missing).toEqual([]);
  });
});

describe('project conventions', () => {
  it('hold for every operation (conventionViolations is empty)', () => {
    expect(conventionViolations(doc)).toEqual([]);
  });
});

// Seed 003 (NetApp's Credential reference) examples, restated as data.
const SEED_CREATE_REQUEST = {
  type: 'application/astra-credential',
  version: '1.1',
  name: 'myCert',
  keyStore: { privKey: 'SGkh', pubKey: 'VGhpcyBpcyBhbiBleGFtcGxlLg==' },
};
const SEED_CREDENTIAL_RESPONSE = {
  type: 'application/astra-credential',
  version: '1.1',
  id: '58e26f6a-a631-5122-8e0e-7afe306675c0',
  name: 'myCert',
  valid: 'true',
  metadata: {
    labels: [],
    creationTimestamp: '2022-10-06T20:58:16.305662Z',
    modificationTimestamp: '2022-10-06T20:58:16.305662Z',
    createdBy: '8f84cf09-8036-51e4-b579-bd30cb07b269',
  },
};
const SEED_UPDATE_REQUEST = { ...SEED_CREATE_REQUEST, name: 'oldCert' };
const SEED_LIST_RESPONSE = {
  type: 'application/astra-credentials',
  version: '1.1',
  items: [
    ['f97f3441-075e-4f9b-9d1e-47f9f62a3fc4', 'myCert'],
    ['5e365b4d-034f-4f13-95ef-d3a7fbc0df3d', 'kubeconfig'],
    ['11ceb350-1999-4b79-80a6-46a980a27856', 'password'],
  ],
  metadata: {
    labels: [],
    creationTimestamp: '2022-10-06T20:58:16.305662Z',
    modificationTimestamp: '2022-10-06T20:58:16.305662Z',
    createdBy: '8f84cf09-8036-51e4-b579-bd30cb07b269',
  },
};

describe('seed 003 Credential examples', () => {
  const COLLECTION = '/accounts/{account_id}/core/v1/credentials';
  const INSTANCE = `${COLLECTION}/{credential_id}`;
  const MT = 'application/astra-credential+json';
  const schema = (name: string) => doc.components.schemas[name] as Node;

  it('the POST example request validates against CredentialCreate, the POST request body schema', () => {
    const body = doc.paths[COLLECTION].post.requestBody.content[MT].schema;
    expect(body).toBe(schema('CredentialCreate'));
    expect(errorsOf(body, SEED_CREATE_REQUEST)).toEqual([]);
  });

  it('the 201 example response validates against Credential, the 201 response schema', () => {
    const created = doc.paths[COLLECTION].post.responses['201'].content[MT].schema;
    expect(created).toBe(schema('Credential'));
    expect(errorsOf(created, SEED_CREDENTIAL_RESPONSE)).toEqual([]);
  });

  it('the GET example response validates against Credential, the 200 response schema', () => {
    const got = doc.paths[INSTANCE].get.responses['200'].content[MT].schema;
    expect(got).toBe(schema('Credential'));
    expect(errorsOf(got, SEED_CREDENTIAL_RESPONSE)).toEqual([]);
  });

  it('the PUT example request validates against CredentialUpdate, the PUT request body schema', () => {
    const body = doc.paths[INSTANCE].put.requestBody.content[MT].schema;
    expect(body).toBe(schema('CredentialUpdate'));
    expect(errorsOf(body, SEED_UPDATE_REQUEST)).toEqual([]);
  });

  it('the list example response (projected with include=id,name) validates against CredentialList', () => {
    const list = doc.paths[COLLECTION].get.responses['200'].content['application/json'].schema;
    expect(list).toBe(schema('CredentialList'));
    expect(errorsOf(list, SEED_LIST_RESPONSE)).toEqual([]);
  });

  it('the schemas are not vacuous: a response carrying no id, or a create without keyStore, is rejected', () => {
    const { id: _id, ...noId } = SEED_CREDENTIAL_RESPONSE;
    expect(errorsOf(schema('Credential'), noId)).not.toEqual([]);
    const { keyStore: _ks, ...noKeyStore } = SEED_CREATE_REQUEST;
    expect(errorsOf(schema('CredentialCreate'), noKeyStore)).not.toEqual([]);
  });
});
