// Property: for specs with random names, descriptions and enum values of
// every length (so that lines land on both sides of printWidth), each module
// the renderer vouches for is what prettier prints for it, byte for byte,
// through the real pipeline (load, model, render).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as prettier from 'prettier';
import { load } from '../../../scripts/pipeline/load.ts';
import { buildModel } from '../../../scripts/model/build.ts';
import { loadTemplates } from '../../../scripts/render/engine.ts';
import { render } from '../../../scripts/render/render.ts';
import { repoRoot } from '../support/paths.ts';

const configFile = path.join(repoRoot, '.prettierrc.json');
const scratch = path.join(repoRoot, '.test-out/prettier-form-property');
const templates = loadTemplates(path.join(repoRoot, 'templates'), null);

const letters = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: min, maxLength: max });
/** Text with the characters that need escaping or decide quotes, and some that are not one column wide. */
const text = (max: number) =>
  fc.string({ unit: fc.constantFrom(...`abc XYZ'"\\\`*/-_.:é{}`.split(''), '\n', '界'), maxLength: max });

const propertyArb = fc.record({
  name: fc.oneof(
    letters(1, 40),
    text(30).filter((s) => s.length > 0),
  ),
  values: fc.uniqueArray(text(40), { minLength: 1, maxLength: 12 }),
  description: text(160),
  required: fc.boolean(),
});

const specArb = fc.record({
  resource: letters(3, 50),
  tag: text(40),
  summary: text(80),
  properties: fc.uniqueArray(propertyArb, { minLength: 1, maxLength: 6, selector: (p) => p.name }),
  queryValues: fc.uniqueArray(letters(1, 30), { minLength: 1, maxLength: 8 }),
});

type SpecShape = typeof specArb extends fc.Arbitrary<infer T> ? T : never;

/** One resource with a list (Astra's collection parameters and an enum filter), get, create, update and delete. */
function specOf(s: SpecShape): object {
  const Name = s.resource[0]!.toUpperCase() + s.resource.slice(1);
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const json = (schema: object) => ({ 'application/json': { schema } });
  const idParam = { name: `${s.resource}_id`, in: 'path', required: true, schema: { type: 'string' } };
  const properties = Object.fromEntries(
    s.properties.map((p) => [p.name, { type: 'string', enum: p.values, description: p.description }]),
  );
  const required = s.properties.filter((p) => p.required).map((p) => p.name);
  return {
    openapi: '3.1.0',
    info: { title: 'Property', version: '1.0.0' },
    tags: [{ name: s.tag || 'Things', description: s.summary }],
    paths: {
      [`/${s.resource}s`]: {
        get: {
          operationId: `list${Name}s`,
          summary: s.summary,
          tags: [s.tag || 'Things'],
          'x-astra-pagination': 'none',
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer' } },
            { name: 'include', in: 'query', schema: { type: 'string' } },
            { name: 'state', in: 'query', description: s.summary, schema: { type: 'string', enum: s.queryValues } },
          ],
          responses: {
            '200': {
              description: 'A page.',
              content: json({
                type: 'object',
                required: ['items', 'metadata'],
                properties: { items: { type: 'array', items: ref(Name) }, metadata: { type: 'object' } },
              }),
            },
          },
        },
        post: {
          operationId: `create${Name}`,
          summary: s.summary,
          tags: [s.tag || 'Things'],
          requestBody: { required: true, content: json(ref(Name)) },
          responses: { '201': { description: 'Created.', content: json(ref(Name)) } },
        },
      },
      [`/${s.resource}s/{${s.resource}_id}`]: {
        parameters: [idParam],
        get: {
          operationId: `get${Name}`,
          summary: s.summary,
          tags: [s.tag || 'Things'],
          responses: { '200': { description: 'It.', content: json(ref(Name)) } },
        },
        put: {
          operationId: `update${Name}`,
          summary: s.summary,
          tags: [s.tag || 'Things'],
          requestBody: { required: true, content: json(ref(Name)) },
          responses: { '204': { description: 'Replaced.' } },
        },
        delete: {
          operationId: `delete${Name}`,
          summary: s.summary,
          tags: [s.tag || 'Things'],
          responses: { '204': { description: 'Deleted.' } },
        },
      },
    },
    components: {
      schemas: {
        [Name]: { type: 'object', description: s.summary, ...(required.length ? { required } : {}), properties },
      },
    },
  };
}

describe("random specs through the pipeline render prettier's form", () => {
  it('every vouched module equals prettier’s output', async () => {
    mkdirSync(scratch, { recursive: true });
    const config = (await prettier.resolveConfig(configFile, { config: configFile })) ?? {};
    let run = 0;
    let vouchedModules = 0;
    await fc.assert(
      fc.asyncProperty(specArb, async (shape) => {
        const file = path.join(scratch, `spec-${run++}.json`);
        writeFileSync(file, JSON.stringify(specOf(shape)));
        const spec = await load(file);
        const model = buildModel(spec.bundled);
        const banner = { generator: 'property', specHash: model.specHash };
        const files = await render(model, spec.bundled, templates, banner, Promise.resolve(''), () => '../runtime.js');
        for (const name of files.prettierForm) {
          const text = files.get(name)!;
          const formatted = await prettier.format(text, { ...config, parser: 'babel-ts', filepath: 'x.ts' });
          expect(text, name).toBe(formatted);
          vouchedModules++;
        }
      }),
      { numRuns: 40, seed: 20261207 },
    );
    expect(vouchedModules).toBeGreaterThan(25);
  }, 120_000);
});
