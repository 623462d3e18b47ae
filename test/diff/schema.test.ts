// The schema diff alone, given/want tables: spellings that mean the same
// type compare equal; each kind of change is reported where it happens.
import { describe, expect, it } from 'vitest';
import type { Direction } from '../../scripts/diff/changes.ts';
import type { Json, JsonObject } from '../../scripts/pipeline/load.ts';
import { SchemaDiff } from '../../scripts/diff/structural/schema.ts';

const doc = (schemas: JsonObject = {}): JsonObject => ({ openapi: '3.1.0', components: { schemas } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function deltas(
  before: Json,
  after: Json,
  direction: Direction = 'response',
  baseSchemas: JsonObject = {},
  revisionSchemas: JsonObject = baseSchemas,
) {
  return new SchemaDiff(doc(baseSchemas), doc(revisionSchemas))
    .diff(before, after, direction)
    .map((d) => [d.kind, d.tokens.join('/'), d.path.join('.')]);
}

const tag = { type: 'object', properties: { name: { type: 'string' } } };

describe('schema diff: equal meanings report nothing', () => {
  it.each<[string, { before: Json; after: Json; schemas?: JsonObject }]>([
    [
      'nullable: true and type [x, null]',
      { before: { type: 'string', nullable: true }, after: { type: ['string', 'null'] } },
    ],
    [
      'type [x, null] and anyOf [x, {type: null}]',
      { before: { type: ['string', 'null'] }, after: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
    ],
    ['const and a one-value enum', { before: { type: 'string', const: 'a' }, after: { type: 'string', enum: ['a'] } }],
    ['an inline schema and the same behind a $ref', { before: tag, after: ref('Tag'), schemas: { Tag: tag } }],
    [
      'an inline anyOf member moved behind a $ref',
      {
        before: { anyOf: [{ type: 'string' }, tag] },
        after: { anyOf: [ref('Tag'), { type: 'string' }] },
        schemas: { Tag: tag },
      },
    ],
    [
      'allOf members and the merged object',
      {
        before: {
          allOf: [
            { type: 'object', properties: { a: { type: 'string' } } },
            { properties: { b: { type: 'integer' } }, required: ['b'] },
          ],
        },
        after: { type: 'object', required: ['b'], properties: { b: { type: 'integer' }, a: { type: 'string' } } },
      },
    ],
    [
      'enum values in another order',
      { before: { type: 'string', enum: ['a', 'b'] }, after: { type: 'string', enum: ['b', 'a'] } },
    ],
    [
      'additionalProperties absent and true',
      { before: { type: 'object' }, after: { type: 'object', additionalProperties: true } },
    ],
  ])('%s', (_name, { before, after, schemas }) => {
    expect(deltas(before, after, 'response', schemas ?? {})).toEqual([]);
  });
});

describe('schema diff: changes', () => {
  it.each<[string, { before: Json; after: Json; direction?: Direction; want: string[][] }]>([
    [
      'a nested property removed',
      {
        before: { type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'string' } } } } },
        after: { type: 'object', properties: { a: { type: 'object', properties: {} } } },
        want: [['property-removed', 'properties/a/properties/b', 'a.b']],
      },
    ],
    [
      'array items change type',
      {
        before: { type: 'array', items: { type: 'string' } },
        after: { type: 'array', items: { type: 'integer' } },
        want: [['type-changed', 'items', '[]']],
      },
    ],
    [
      'a oneOf variant added',
      {
        before: { oneOf: [ref('A')], type: 'object' },
        after: { oneOf: [ref('A'), ref('B')], type: 'object' },
        want: [['variant-added', 'oneOf/1', '']],
      },
    ],
    [
      'a oneOf variant removed',
      {
        before: { oneOf: [ref('A'), ref('B')], type: 'object' },
        after: { oneOf: [ref('B')], type: 'object' },
        want: [['variant-removed', 'oneOf/0', '']],
      },
    ],
    [
      'readOnly property added: not part of a request',
      {
        before: { type: 'object', properties: {} },
        after: { type: 'object', properties: { id: { type: 'string', readOnly: true } } },
        direction: 'request',
        want: [],
      },
    ],
    [
      'readOnly property added: part of a response',
      {
        before: { type: 'object', properties: {} },
        after: { type: 'object', properties: { id: { type: 'string', readOnly: true } } },
        want: [['property-added', 'properties/id', 'id']],
      },
    ],
    [
      'a property becomes readOnly: gone from requests',
      {
        before: { type: 'object', properties: { id: { type: 'string' } } },
        after: { type: 'object', properties: { id: { type: 'string', readOnly: true } } },
        direction: 'request',
        want: [['property-removed', 'properties/id', 'id']],
      },
    ],
    [
      'an upper bound removed relaxes, a lower bound added tightens',
      {
        before: { type: 'string', maxLength: 5 },
        after: { type: 'string', minLength: 1 },
        want: [
          ['constraint-tightened', '', ''],
          ['constraint-relaxed', '', ''],
        ],
      },
    ],
    [
      'nullable through anyOf added',
      { before: ref('A'), after: { anyOf: [ref('A'), { type: 'null' }] }, want: [['nullable-added', '', '']] },
    ],
    [
      'additional members refused',
      {
        before: { type: 'object' },
        after: { type: 'object', additionalProperties: false },
        want: [['additional-properties-refused', '', '']],
      },
    ],
    [
      'an extension keyword changed',
      {
        before: { type: 'string', 'x-astra-secret': false },
        after: { type: 'string', 'x-astra-secret': true },
        want: [['schema-keyword-changed', '', '']],
      },
    ],
  ])('%s', (_name, { before, after, direction, want }) => {
    const schemas = {
      A: { type: 'object', properties: { a: { type: 'string' } } },
      B: { type: 'object', properties: { b: { type: 'string' } } },
    };
    const got = deltas(before, after, direction ?? 'response', schemas);
    expect(got.map((d) => d.slice(0, 2)).sort()).toEqual(want.map((d) => d.slice(0, 2)).sort());
    for (const w of want) expect(got).toContainEqual(w);
  });

  it('places changes inside a nullable wrapper (anyOf [X, null]) at the wrapped schema', () => {
    const before: Json = { anyOf: [{ type: 'null' }, { type: 'object', properties: { a: { type: 'string' } } }] };
    const after: Json = {
      anyOf: [{ type: 'null' }, { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } }],
    };
    expect(deltas(before, after)).toEqual([['property-added', 'anyOf/1/properties/b', 'b']]);
  });

  it('terminates on recursive schemas and reports a change inside the cycle once', () => {
    const node = (extra: JsonObject = {}): JsonObject => ({
      type: 'object',
      properties: { children: { type: 'array', items: ref('Node') }, ...extra },
    });
    const got = deltas(
      ref('Node'),
      ref('Node'),
      'response',
      { Node: node() },
      { Node: node({ label: { type: 'string' } }) },
    );
    expect(got).toEqual([['property-added', 'properties/label', 'label']]);
  });

  it('diffs a shared schema once per direction and places the result at each use', () => {
    const differ = new SchemaDiff(
      doc({ T: tag }),
      doc({ T: { ...tag, properties: { ...tag.properties, extra: { type: 'string' } } } }),
    );
    const first = differ.diff(ref('T'), ref('T'), 'response');
    const second = differ.diff(ref('T'), ref('T'), 'response');
    expect(second).toBe(first);
    expect(differ.diff(ref('T'), ref('T'), 'request')).not.toBe(first);
  });
});
