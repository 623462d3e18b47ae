// The OpenAPI schema check compiled once (pipeline/schema-validator.mjs) must
// be swagger-parser's own check: the same verdict and the same ajv errors on
// valid and invalid documents, 3.1 and 3.0. And checkWithSwaggerParser with a
// cache folder (the compiled check, swagger-parser's other steps around it)
// must give exactly the verdict it gives without one.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../../scripts/pipeline/load.ts';
import { checkWithSwaggerParser } from '../../scripts/pipeline/heavy-steps.mjs';
import { PARSED_VERSIONS, schemaValidator } from '../../scripts/pipeline/schema-validator.mjs';
import { dereferenceInternalRefs } from '../../scripts/pipeline/internal-dereference.mjs';
import type { JsonObject } from '../../scripts/util/json.ts';
import { fixturesDir, repoRoot } from './support/paths.ts';

const require = createRequire(import.meta.url);
/** swagger-parser's own schema check (it throws a SyntaxError with the ajv errors as `details`). */
const swaggerParserSchemaCheck = require('@apidevtools/swagger-parser/lib/validators/schema') as (api: unknown) => void;

const cache = path.join(repoRoot, '.test-out/schema-validator');
rmSync(cache, { recursive: true, force: true });

const loaded = new Map<string, JsonObject>();
async function bundled(spec: string): Promise<JsonObject> {
  if (!loaded.has(spec)) loaded.set(spec, (await load(spec, { cacheDir: null })).bundled);
  return loaded.get(spec)!;
}

type Edit = (doc: JsonObject) => void;
const operation = (doc: JsonObject) =>
  Object.values(Object.values(doc.paths as JsonObject)[0] as JsonObject)[0] as JsonObject;

/**
 * Documents that break the schema in different ways, and two that break only
 * rules swagger-parser's spec validator checks for Swagger 2.0 (it skips them
 * for OpenAPI 3, which these cases pin).
 */
const invalid: [string, Edit][] = [
  ['no info', (doc) => void delete doc.info],
  ['a path not starting with /', (doc) => void ((doc.paths as JsonObject).things = {})],
  ['responses that are a string', (doc) => void (operation(doc).responses = 'none')],
  ['a parameter in the body', (doc) => void (operation(doc).parameters = [{ name: 'b', in: 'body' }])],
  ['an unknown top-level key', (doc) => void (doc.extra = true)],
  [
    'a parameter that is a $ref to a schema (invalid only once dereferenced)',
    (doc) => {
      const schemas = (doc.components as JsonObject).schemas as JsonObject;
      schemas.NotAParameter = { type: 'object', properties: { in: { type: 'integer' } } };
      operation(doc).parameters = [{ $ref: '#/components/schemas/NotAParameter' }];
    },
  ],
  [
    'an OpenAPI version swagger-parser does not know',
    (doc) => void (doc.openapi = `${String(doc.openapi).slice(0, 4)}9`),
  ],
  ['a number for info.version', (doc) => void ((doc.info as JsonObject).version = 2)],
  ['no paths', (doc) => void delete doc.paths],
  ['a swagger key', (doc) => void (doc.swagger = '2.0')],
  ['a server without a url', (doc) => void (doc.servers = [{ description: 'no url' }])],
  [
    'a duplicate operationId',
    (doc) => {
      const [first, second] = Object.values(doc.paths as JsonObject).flatMap((item) =>
        Object.values(item as JsonObject),
      ) as JsonObject[];
      second!.operationId = first!.operationId!;
    },
  ],
  [
    'an undeclared path parameter',
    (doc) =>
      void ((doc.paths as JsonObject)['/undeclared/{id}'] = { get: { responses: { '200': { description: 'ok' } } } }),
  ],
];

const sources = {
  'spec/': path.join(repoRoot, 'spec/openapi.yaml'),
  'openapi-3.0 fixture': path.join(fixturesDir, 'openapi-3.0/spec/openapi.yaml'),
  'recursive-schema fixture': path.join(fixturesDir, 'recursive-schema/spec/openapi.yaml'),
  'multi-file-refs fixture': path.join(fixturesDir, 'multi-file-refs/spec/openapi.yaml'),
};

const cases = Object.entries(sources).flatMap(([name, spec]) => [
  { name: `${name} as it is`, spec, edit: undefined as Edit | undefined },
  ...invalid.map(([what, edit]) => ({ name: `${name} with ${what}`, spec, edit })),
]);

async function document(spec: string, edit?: Edit): Promise<JsonObject> {
  const doc = structuredClone(await bundled(spec));
  edit?.(doc);
  return doc;
}

describe('the compiled OpenAPI schema check', () => {
  it.each(cases)('gives swagger-parser’s verdict and errors: $name', async ({ spec, edit }) => {
    const doc = await document(spec, edit);
    let expected: unknown[] | null = null;
    try {
      swaggerParserSchemaCheck(structuredClone(doc));
    } catch (e) {
      expected = (e as { details: unknown[] }).details;
    }
    const validate = schemaValidator(cache, doc);
    if (validate === null) {
      expect(doc.swagger).toBeDefined(); // swagger-parser checks it with the Swagger 2.0 schema
      return;
    }
    const valid = validate(structuredClone(doc));
    expect(valid).toBe(expected === null);
    expect(valid ? null : validate.errors).toEqual(expected);
  });

  it('is compiled once into the cache folder, and compiled again when the file there is not what it wrote', async () => {
    const doc = await document(sources['spec/']);
    schemaValidator(cache, doc);
    const files = readdirSync(cache).filter((f) => f.startsWith('openapi-schema-v31-'));
    expect(files).toHaveLength(1);
    const file = path.join(cache, files[0]!);
    const written = readFileSync(file, 'utf8');
    writeFileSync(file, `${written}\nmodule.exports = () => true;\n`);
    const validate = schemaValidator(cache, doc)!;
    expect(readFileSync(file, 'utf8')).toBe(written);
    expect(validate({ openapi: '3.1.0' })).toBe(false);
  });

  it('has nothing for versions swagger-parser does not check with a 3.x schema', () => {
    expect(schemaValidator(cache, { swagger: '2.0' })).toBeNull();
    expect(schemaValidator(cache, { openapi: '3.1.0', swagger: '2.0' })).toBeNull();
    expect(schemaValidator(cache, { openapi: 3.1 })).toBeNull();
    expect(schemaValidator(cache, {})).toBeNull();
  });
});

describe('the versions swagger-parser parses', () => {
  const SwaggerParser = require('@apidevtools/swagger-parser') as { parse(doc: unknown): Promise<unknown> };
  const parses = (openapi: string) =>
    SwaggerParser.parse({ openapi, info: { title: 'T', version: '1' }, paths: {} }).then(
      () => true,
      () => false,
    );

  it('are the ones listed beside the compiled check', async () => {
    const candidates = ['3.0', '3.1'].flatMap((minor) => [...Array(10).keys()].map((patch) => `${minor}.${patch}`));
    const parsed: string[] = [];
    for (const version of candidates) if (await parses(version)) parsed.push(version);
    expect(parsed.sort()).toEqual([...PARSED_VERSIONS].sort());
  });
});

describe('the dereference the compiled check runs on', () => {
  const ParserOptions = require('@apidevtools/swagger-parser/lib/options') as new (o: object) => {
    dereference: { circular: unknown };
  };
  const SwaggerParser = require('@apidevtools/swagger-parser') as new () => {
    dereference(doc: unknown, options: unknown): Promise<unknown>;
    api: unknown;
  };
  /** What swagger-parser's validate() dereferences a document to before its schema check. */
  async function swaggerParserDereference(doc: JsonObject): Promise<unknown> {
    const options = new ParserOptions({ resolve: { external: false, http: false } });
    options.dereference.circular = 'ignore';
    const parser = new SwaggerParser();
    await parser.dereference(structuredClone(doc), options);
    return parser.api;
  }

  const fixtures = readdirSync(fixturesDir)
    .map((name) => path.join(fixturesDir, name, 'spec/openapi.yaml'))
    .filter((file) => existsSync(file) && !file.includes('hostile-too-deep') && !file.includes('rejected'));

  it.each([sources['spec/'], ...fixtures].map((file) => ({ name: path.relative(repoRoot, file), file })))(
    'is swagger-parser’s, or left to swagger-parser: $name',
    async ({ file }) => {
      const doc = await bundled(file);
      const ours = dereferenceInternalRefs(doc);
      if (ours === null) return;
      expect(JSON.stringify(ours)).toBe(JSON.stringify(await swaggerParserDereference(doc)));
    },
  );

  it('covers spec/, and leaves cycles, $ref siblings and pointers through $refs to swagger-parser', async () => {
    expect(dereferenceInternalRefs(await bundled(sources['spec/']))).not.toBeNull();
    const base = { openapi: '3.1.0', info: { title: 'T', version: '1' }, paths: {} };
    const withSchemas = (schemas: JsonObject) => ({ ...base, components: { schemas } });
    expect(dereferenceInternalRefs(withSchemas({ A: { items: { $ref: '#/components/schemas/A' } } }))).toBeNull();
    expect(
      dereferenceInternalRefs(withSchemas({ A: { $ref: '#/components/schemas/B', description: 'd' }, B: {} })),
    ).toBeNull();
    expect(
      dereferenceInternalRefs(
        withSchemas({ A: { $ref: '#/components/schemas/B/x' }, B: { $ref: '#/components/schemas/C' }, C: { x: {} } }),
      ),
    ).toBeNull();
    expect(
      dereferenceInternalRefs(withSchemas({ A: { $ref: '#/components/schemas/B' }, B: { type: 'string' } })),
    ).toEqual(withSchemas({ A: { type: 'string' }, B: { type: 'string' } }));
  });
});

describe('checkWithSwaggerParser with a cache folder', () => {
  it.each(cases)('gives the verdict it gives without one: $name', async ({ spec, edit }) => {
    const doc = await document(spec, edit);
    const expected = await checkWithSwaggerParser(doc);
    expect(await checkWithSwaggerParser(doc, { cacheDir: cache })).toEqual(expected);
    if (edit === undefined) expect(expected).toBeNull();
  });
});
