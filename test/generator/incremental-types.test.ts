// openapi-typescript's output recomputed only for what changed
// (pipeline/incremental-types.mjs) must be the full print, byte for byte:
// after changes to every schema and path item of spec/ and of the fixtures'
// specs, in several ways each; and it must print in full whenever it cannot
// prove the change local (a schema added, removed or renamed, a discriminator
// changed, an operationId changed) or its cache entry is not its own.
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { load } from '../../scripts/pipeline/load.ts';
import type { JsonObject } from '../../scripts/pipeline/load.ts';
import { prepareRawTypesCache, printRawTypes, settleRawTypesCache } from '../../scripts/pipeline/heavy-steps.mjs';
import { rawTypesCacheFile } from '../../scripts/pipeline/incremental-types.mjs';
import { printedMembers } from '../../scripts/pipeline/printed-members.mjs';
import { fixturesDir, repoRoot } from './support/paths.ts';

type Json = JsonObject;
type How = 'full' | 'incremental';

const scratch = path.join(repoRoot, '.test-out/incremental-types');

/** A cache file of its own for one test. */
function freshCache(name: string): string {
  const file = path.join(scratch, `${name}.json`);
  rmSync(file, { force: true });
  return file;
}

/** The cached print of `document` (the cache holding whatever the last print left), and which way it was made. */
async function cachedPrint(document: Json, cacheFile: string): Promise<{ text: string; how: How }> {
  let how: How | undefined;
  const text = await printRawTypes(structuredClone(document), { cacheFile, report: (h) => (how = h) });
  await settleRawTypesCache(); // the entry is written after the text is handed over
  return { text, how: how! };
}

const fullPrint = (document: Json) => printRawTypes(structuredClone(document));

/** Prints `before` into a fresh cache, then `after` from it: the bytes must be the full print's; returns the way. */
async function printAfterChange(name: string, before: Json, after: Json): Promise<How> {
  const cacheFile = freshCache(name);
  await cachedPrint(before, cacheFile);
  const { text, how } = await cachedPrint(after, cacheFile);
  expect(text, name).toBe(await fullPrint(after));
  return how;
}

// ---- changes, each to one fragment (a path item or a components entry) ----

type Fragment = { section: 'paths' | string; name: string };
type Change = { kind: string; apply: (value: Json) => boolean };

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The first object inside `node` (itself included) that `test` accepts, depth first. */
function findObject(node: unknown, test: (o: Json) => boolean): Json | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const hit = findObject(item, test);
      if (hit) return hit;
    }
    return undefined;
  }
  if (!isObject(node)) return undefined;
  if (test(node)) return node;
  for (const value of Object.values(node)) {
    const hit = findObject(value, test);
    if (hit) return hit;
  }
  return undefined;
}

const hasProperties = (o: Json) => isObject(o.properties) && Object.keys(o.properties).length > 0;

/** Each returns false when it does not apply to the value (nothing changed). */
const SCHEMA_CHANGES: Change[] = [
  {
    kind: 'description',
    apply: (s) => {
      s.description = `${typeof s.description === 'string' ? s.description : 'A schema'} (changed)`;
      return true;
    },
  },
  {
    kind: 'property added',
    apply: (s) => {
      const target = findObject(s, hasProperties);
      if (!target) return false;
      (target.properties as Json).zzAdded = { type: 'string', description: 'added' };
      return true;
    },
  },
  {
    kind: 'property type changed',
    apply: (s) => {
      const target = findObject(s, hasProperties);
      if (!target) return false;
      const properties = target.properties as Json;
      const [name] = Object.keys(properties).sort();
      const was = properties[name!];
      properties[name!] = isObject(was) && was.type === 'integer' ? { type: 'string' } : { type: 'integer' };
      return true;
    },
  },
  {
    kind: 'required changed',
    apply: (s) => {
      const target = findObject(s, hasProperties);
      if (!target) return false;
      const [name] = Object.keys(target.properties as Json).sort();
      const required = Array.isArray(target.required) ? (target.required as string[]) : [];
      target.required = required.includes(name!) ? required.filter((r) => r !== name) : [...required, name!];
      return true;
    },
  },
  {
    kind: 'enum value added',
    apply: (s) => {
      const target = findObject(s, (o) => Array.isArray(o.enum) && o.enum.every((v) => typeof v === 'string'));
      if (!target) return false;
      (target.enum as string[]).push('zz-added');
      return true;
    },
  },
];

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const firstOperation = (item: Json) =>
  METHODS.map((m) => item[m]).find((o): o is Json => isObject(o) && !('$ref' in o));

const PATH_CHANGES: Change[] = [
  {
    kind: 'operation description',
    apply: (item) => {
      const operation = firstOperation(item);
      if (!operation) return false;
      operation.description = `${typeof operation.description === 'string' ? operation.description : 'An operation'} (changed)`;
      return true;
    },
  },
  {
    kind: 'query parameter added',
    apply: (item) => {
      const operation = firstOperation(item);
      if (!operation) return false;
      const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
      operation.parameters = [...parameters, { name: 'zzAdded', in: 'query', schema: { type: 'string' } }];
      return true;
    },
  },
  {
    kind: 'response added',
    apply: (item) => {
      const operation = firstOperation(item);
      if (!operation || !isObject(operation.responses)) return false;
      operation.responses['418'] = {
        description: 'added',
        content: { 'application/json': { schema: { type: 'object', properties: { a: { type: 'string' } } } } },
      };
      return true;
    },
  },
  {
    kind: 'inline schema type changed',
    apply: (item) => {
      const target = findObject(item, (o) => isObject(o.schema) && typeof o.schema.type === 'string');
      if (!target) return false;
      const schema = target.schema as Json;
      target.schema = { ...schema, type: schema.type === 'integer' ? 'string' : 'integer' };
      delete (target.schema as Json).format;
      delete (target.schema as Json).enum;
      return true;
    },
  },
  ...SCHEMA_CHANGES.slice(1).map(({ kind, apply }) => ({ kind: `inline ${kind}`, apply })),
];

function fragmentsOf(document: Json): Fragment[] {
  const out: Fragment[] = Object.keys((document.paths as Json) ?? {}).map((name) => ({ section: 'paths', name }));
  const components = (document.components as Json) ?? {};
  for (const section of ['schemas', 'responses', 'parameters', 'requestBodies', 'headers'])
    for (const name of Object.keys((components[section] as Json) ?? {}))
      out.push({ section: `components.${section}`, name });
  return out;
}

function valueOf(document: Json, { section, name }: Fragment): Json {
  const container =
    section === 'paths' ? (document.paths as Json) : ((document.components as Json)[section.split('.')[1]!] as Json);
  return container[name] as Json;
}

/**
 * Every applicable (fragment, change) pair, dealt into rounds of at most
 * `perRound`, no fragment twice in a round: each round is one regeneration.
 */
function roundsOf(document: Json, perRound: number): { fragment: Fragment; change: Change }[][] {
  const pairs: { fragment: Fragment; change: Change }[][] = [];
  for (const fragment of fragmentsOf(document)) {
    const changes = fragment.section === 'paths' ? PATH_CHANGES : SCHEMA_CHANGES;
    changes.forEach((change, i) => (pairs[i] ??= []).push({ fragment, change }));
  }
  // Change kind by change kind; each kind's pairs cut into rounds.
  const rounds: { fragment: Fragment; change: Change }[][] = [];
  for (const kind of pairs) for (let i = 0; i < kind.length; i += perRound) rounds.push(kind.slice(i, i + perRound));
  return rounds;
}

/**
 * Regenerates through every round in turn (the cache carried from round to
 * round, as in a working session), each round's text held to the full print.
 */
async function runRounds(name: string, base: Json, perRound: number) {
  const cacheFile = freshCache(name);
  let document = structuredClone(base);
  await cachedPrint(document, cacheFile);
  const tally = { rounds: 0, incremental: 0, changes: 0 };
  for (const round of roundsOf(base, perRound)) {
    const next = structuredClone(document);
    let applied = 0;
    for (const { fragment, change } of round) if (change.apply(valueOf(next, fragment))) applied++;
    if (applied === 0) continue;
    document = next;
    const { text, how } = await cachedPrint(document, cacheFile);
    expect(text, `${name}: ${round[0]!.change.kind} (${applied} fragments)`).toBe(await fullPrint(document));
    tally.rounds++;
    tally.changes += applied;
    if (how === 'incremental') tally.incremental++;
  }
  return tally;
}

/** The fragments of a document changed one at a time, each way, every print held to the full one; the first full print. */
async function printFullThenRounds(name: string, document: Json): Promise<string> {
  const first = await fullPrint(document);
  const tally = await runRounds(`${name}-rounds`, document, 1);
  expect(tally.incremental, name).toBeGreaterThan(0);
  return first;
}

async function bundled(spec: string): Promise<Json> {
  return (await load(spec, { cacheDir: null })).bundled;
}

/**
 * Discriminators both ways openapi-typescript handles them (a oneOf with a
 * mapping, which patches its members; a base schema that members extend with
 * allOf), and an allOf that requires a referenced schema's properties
 * (printed with the injected WithRequired helper).
 */
const discriminated: Json = {
  openapi: '3.1.0',
  info: { title: 'Discriminated', version: '1.0.0' },
  paths: {
    '/pets': {
      get: {
        operationId: 'listPets',
        responses: {
          200: {
            description: 'pets',
            content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } } },
          },
        },
      },
      post: {
        operationId: 'createPet',
        requestBody: { $ref: '#/components/requestBodies/NewPet' },
        responses: {
          201: {
            description: 'created',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
          },
        },
      },
    },
    '/pets/{id}': {
      parameters: [{ $ref: '#/components/parameters/Id' }],
      get: {
        operationId: 'getPet',
        responses: {
          200: {
            description: 'a pet',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Animal' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Pet: {
        oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
        discriminator: {
          propertyName: 'kind',
          mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' },
        },
      },
      Cat: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, lives: { type: 'integer' } } },
      Dog: {
        type: 'object',
        properties: { kind: { type: 'string' }, barks: { type: 'boolean', enum: [true, false] } },
      },
      Animal: {
        type: 'object',
        required: ['family'],
        properties: { family: { type: 'string' }, name: { type: 'string' } },
        discriminator: { propertyName: 'family', mapping: { bird: '#/components/schemas/Bird' } },
      },
      Bird: {
        allOf: [
          { $ref: '#/components/schemas/Animal' },
          { type: 'object', properties: { wings: { type: 'integer' } } },
        ],
      },
      Named: {
        allOf: [
          { $ref: '#/components/schemas/Base' },
          { type: 'object', properties: { tag: { type: 'string', enum: ['a', 'b'] } } },
        ],
        required: ['label'],
      },
      Base: { type: 'object', properties: { id: { type: 'string' }, label: { type: 'string' } } },
    },
    parameters: { Id: { name: 'id', in: 'path', required: true, schema: { type: 'string' } } },
    requestBodies: {
      NewPet: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
    },
  },
};

const fixtureSpecs = readdirSync(fixturesDir)
  .filter((name) => !['rejected', 'diff', 'hostile-too-deep', 'hostile-recursion-rejected'].includes(name))
  .map((name) => path.join(fixturesDir, name, 'spec/openapi.yaml'));

describe('incremental openapi-typescript output', () => {
  let astra: Json;
  beforeAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    astra = await bundled(path.join(repoRoot, 'spec/openapi.yaml'));
  }, 60_000);

  it('is the full print after every schema and path item of spec/ changed, in several ways', async () => {
    const tally = await runRounds('astra', astra, 150);
    // Every fragment changed at least once; most rounds spliced.
    expect(tally.changes).toBeGreaterThan(fragmentsOf(astra).length * 2);
    expect(tally.incremental).toBeGreaterThan(tally.rounds / 2);
  }, 600_000);

  it('reprints a one-resource change (a Credential description) incrementally', async () => {
    const after = structuredClone(astra);
    const credential = valueOf(after, { section: 'components.schemas', name: 'Credential' });
    credential.description = `${credential.description as string} A new line.`;
    expect(await printAfterChange('credential', astra, after)).toBe('incremental');
  }, 120_000);

  it('is the full print after changes to every fragment of the fixtures’ specs (recursive schemas, discriminators…)', async () => {
    let loaded = 0;
    for (const spec of fixtureSpecs) {
      let document: Json;
      try {
        document = await bundled(spec);
      } catch {
        continue; // a spec the load stage rejects never reaches openapi-typescript
      }
      loaded++;
      await runRounds(path.basename(path.dirname(path.dirname(spec))), document, 1);
    }
    expect(loaded).toBeGreaterThan(20);
  }, 600_000);

  it('reprints through recursive schemas and discriminators', async () => {
    expect(await printFullThenRounds('discriminated', discriminated)).toMatch(/WithRequired</);
    for (const fixture of ['recursive-schema', 'hostile-recursion', 'hostile-prototype-keys'])
      await printFullThenRounds(fixture, await bundled(path.join(fixturesDir, fixture, 'spec/openapi.yaml')));
  }, 300_000);

  describe('prints in full when the change is not provably local', () => {
    const schemas = (d: Json) => (d.components as Json).schemas as Json;
    const cases: [string, (d: Json) => void][] = [
      ['a schema added', (d) => void (schemas(d).ZzAdded = { type: 'string' })],
      ['a schema removed', (d) => void delete schemas(d).CredentialList],
      [
        'a schema renamed',
        (d) => {
          const all = schemas(d);
          const renamed = Object.fromEntries(
            Object.entries(all).map(([k, v]) => [k === 'AccountName' ? 'AccountLabel' : k, v]),
          );
          (d.components as Json).schemas = renamed;
          for (const v of Object.values(renamed)) {
            const text = JSON.stringify(v).replaceAll(
              '"#/components/schemas/AccountName"',
              '"#/components/schemas/AccountLabel"',
            );
            Object.assign(v as Json, JSON.parse(text));
          }
        },
      ],
      [
        'a path added',
        (d) => void ((d.paths as Json)['/zz-added'] = { get: { responses: { 204: { description: 'none' } } } }),
      ],
      [
        'an operationId changed',
        (d) => {
          const item = (d.paths as Json)['/accounts/{account_id}/core/v1/credentials'] as Json;
          (item.get as Json).operationId = 'listCredentialsRenamed';
        },
      ],
      ['the info changed', (d) => void ((d.info as Json).title = 'Another title')],
    ];
    it.each(cases)(
      '%s',
      async (name, change) => {
        const after = structuredClone(astra);
        change(after);
        expect(await printAfterChange(name.replaceAll(' ', '-'), astra, after)).toBe('full');
      },
      120_000,
    );

    const discriminatorCases: [string, (d: Json) => void][] = [
      [
        'a discriminator’s mapping changed',
        (d) => void (((schemas(d).Pet as Json).discriminator as Json).mapping = { kitty: '#/components/schemas/Cat' }),
      ],
      [
        'a discriminator’s property renamed',
        (d) => void ((schemas(d).Animal as Json).discriminator = { propertyName: 'name' }),
      ],
      ['a discriminator removed', (d) => void delete (schemas(d).Pet as Json).discriminator],
    ];
    it.each(discriminatorCases)(
      '%s',
      async (name, change) => {
        const after = structuredClone(discriminated);
        change(after);
        expect(await printAfterChange(name.replaceAll(' ', '-'), discriminated, after)).toBe('full');
      },
      120_000,
    );
  });

  describe('ignores a cache entry that is not its own', () => {
    const changed = () => {
      const after = structuredClone(astra);
      (valueOf(after, { section: 'components.schemas', name: 'Credential' }) as Json).description = 'Changed.';
      return after;
    };
    const tamper: [string, (file: string) => void][] = [
      ['not JSON', (file) => writeFileSync(file, '{"format": "astra-raw-')],
      ['another format', (file) => writeFileSync(file, JSON.stringify({ format: 'something-else', text: 'x' }))],
      [
        'its text edited',
        (file) => {
          const entry = JSON.parse(readFileSync(file, 'utf8'));
          entry.text = entry.text.replace('export interface paths', 'export interface pathz');
          writeFileSync(file, JSON.stringify(entry));
        },
      ],
      [
        'another spec’s entry',
        (file) => {
          const other = path.join(scratch, 'other-spec.json');
          writeFileSync(file, readFileSync(other));
        },
      ],
    ];
    beforeAll(async () => {
      const other = await bundled(path.join(fixturesDir, 'minimal-crud/spec/openapi.yaml'));
      await cachedPrint(other, freshCache('other-spec'));
    }, 60_000);
    it.each(tamper)(
      '%s',
      async (name, spoil) => {
        const cacheFile = freshCache(`spoiled-${name.replaceAll(' ', '-')}`);
        await cachedPrint(astra, cacheFile);
        spoil(cacheFile);
        const after = changed();
        const { text, how } = await cachedPrint(after, cacheFile);
        expect(how).toBe('full');
        expect(text).toBe(await fullPrint(after));
        // …and replaced by a good one.
        expect((await cachedPrint(after, cacheFile)).how).toBe('incremental');
      },
      120_000,
    );
  });

  it('starts from an entry read ahead, and reads its own when the one read ahead is another spec’s', async () => {
    const cacheFile = freshCache('read-ahead');
    await cachedPrint(astra, cacheFile);
    const once = structuredClone(astra);
    (valueOf(once, { section: 'components.schemas', name: 'Credential' }) as Json).description = 'Once.';
    await prepareRawTypesCache(cacheFile);
    const first = await cachedPrint(once, cacheFile);
    expect(first.how).toBe('incremental');
    expect(first.text).toBe(await fullPrint(once));

    const twice = structuredClone(once);
    (valueOf(twice, { section: 'components.schemas', name: 'Credential' }) as Json).description = 'Twice.';
    await prepareRawTypesCache(path.join(scratch, 'other-spec.json'));
    const second = await cachedPrint(twice, cacheFile);
    expect(second.how).toBe('incremental');
    expect(second.text).toBe(await fullPrint(twice));
  }, 120_000);

  it('keeps one entry per spec root, under the cache folder, and only the most recent ones', async () => {
    const a = rawTypesCacheFile('/cache', '/specs/a/openapi.yaml');
    expect(path.dirname(path.dirname(a))).toBe('/cache');
    expect(rawTypesCacheFile('/cache', '/specs/a/openapi.yaml')).toBe(a);
    expect(rawTypesCacheFile('/cache', '/specs/b/openapi.yaml')).not.toBe(a);

    const cacheDir = path.join(scratch, 'many-specs');
    rmSync(cacheDir, { recursive: true, force: true });
    const document = await bundled(path.join(fixturesDir, 'minimal-crud/spec/openapi.yaml'));
    const roots = Array.from({ length: 40 }, (_, i) => `/specs/${i}/openapi.yaml`);
    for (const root of roots) await cachedPrint(document, rawTypesCacheFile(cacheDir, root));
    const kept = readdirSync(path.dirname(rawTypesCacheFile(cacheDir, roots[0]!)));
    expect(kept.length).toBe(32);
    expect(kept).toContain(path.basename(rawTypesCacheFile(cacheDir, roots[39]!)));
    expect((await cachedPrint(document, rawTypesCacheFile(cacheDir, roots[39]!))).how).toBe('incremental');
  }, 120_000);
});

describe('printed members', () => {
  it('finds every member of the printed types at its place', async () => {
    const text = readFileSync(path.join(repoRoot, 'generated/openapi-types.ts'), 'utf8');
    const raw = text.slice(text.indexOf('\n\n') + 2);
    const members = printedMembers(raw)!;
    expect(members.extras).toEqual(['WithRequired']);
    const astra = await bundled(path.join(repoRoot, 'spec/openapi.yaml'));
    const schemas = members.sections.get('components.schemas')!;
    expect(schemas.size).toBe(Object.keys((astra.components as Json).schemas as Json).length);
    const credential = schemas.get('Credential')!;
    expect(raw.slice(credential.start, credential.end)).toMatch(
      /^( {8}\/\*\*[^]*?\*\/\n)? {8}Credential: \{\n[^]*\n {8}\};\n$/,
    );
    expect(members.sections.get('paths')!.has('"/accounts/{account_id}/core/v1/credentials"')).toBe(true);
  }, 60_000);

  it('refuses text it cannot lay out, or with a key twice', () => {
    expect(printedMembers('export interface paths {\n    "/a": {\n')).toBeNull();
    expect(printedMembers('export interface operations {\n    a: string;\n    a: number;\n}\n')).toBeNull();
    expect(printedMembers('const x = 1;\nfoo\n')).toBeNull();
  });
});
