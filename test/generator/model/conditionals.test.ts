// discriminationOf: if/then rules that pin one property → one JSON schema per
// union variant (schemaToType turns them into the union), or null when the
// rules are not of that kind.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../scripts/pipeline/load.ts';
import { discriminationOf } from '../../../scripts/model/conditionals.ts';
import { nonEmptyMapsOf, schemaToType } from '../../../scripts/model/schemas.ts';
import { contextFor } from './support.ts';

const pin = (value: string | string[], required = true): JsonObject => ({
  ...(required ? { required: ['kind'] } : {}),
  properties: { kind: Array.isArray(value) ? { enum: value } : { const: value } },
});
const body = (extra: JsonObject): JsonObject => ({
  type: 'object',
  properties: {
    kind: { type: 'string', enum: ['a', 'b', 'c'] },
    map: { type: 'object', additionalProperties: { type: 'string' } },
  },
  ...extra,
});

describe('discriminationOf', () => {
  const tests: [
    string,
    { given: JsonObject; want: { property: string; variants: JsonObject[]; consumed: number[] } | null },
  ][] = [
    [
      'own if/then by const: the rule, then every other value, absent too (the rule requires the property)',
      {
        given: body({ if: pin('a'), then: { properties: { map: { required: ['x'] } } } }),
        want: {
          property: 'kind',
          variants: [
            {
              type: 'object',
              required: ['kind'],
              properties: {
                kind: { const: 'a' },
                map: { type: 'object', required: ['x'], properties: { x: { type: 'string' } } },
              },
            },
            { type: 'object', required: [], properties: { kind: { enum: ['b', 'c'] } } },
          ],
          consumed: [],
        },
      },
    ],
    [
      'rules in allOf by enum; a then member with its own value; the allOf member is consumed',
      {
        given: body({
          allOf: [
            { if: pin(['a', 'b']), then: { properties: { kind: {}, speed: { const: 'slow' } } } },
            { required: ['kind'] },
          ],
        }),
        want: {
          property: 'kind',
          variants: [
            {
              type: 'object',
              required: ['kind'],
              properties: { kind: { enum: ['a', 'b'] }, speed: { const: 'slow' } },
            },
            { type: 'object', required: [], properties: { kind: { enum: ['c'] } } },
          ],
          consumed: [0],
        },
      },
    ],
    [
      'a rule whose if does not require the property fires without it: the rest must name a value',
      {
        given: body({ if: pin('a', false), then: { required: ['map'] } }),
        want: {
          property: 'kind',
          variants: [
            { type: 'object', required: ['map'], properties: { kind: { const: 'a' } } },
            { type: 'object', required: ['kind'], properties: { kind: { enum: ['b', 'c'] } } },
          ],
          consumed: [],
        },
      },
    ],
    [
      'every value pinned: the last variant is a body without the property',
      {
        given: body({
          allOf: [
            {
              allOf: [
                { if: pin(['a', 'b']), then: {} },
                { if: pin('c'), then: {} },
              ],
            },
          ],
        }),
        want: {
          property: 'kind',
          variants: [
            { type: 'object', required: ['kind'], properties: { kind: { enum: ['a', 'b'] } } },
            { type: 'object', required: ['kind'], properties: { kind: { const: 'c' } } },
            { type: 'object', required: [], properties: { kind: false } },
          ],
          consumed: [0],
        },
      },
    ],
    [
      'an open property: the last variant cannot narrow it',
      {
        given: { type: 'object', properties: { kind: { type: 'string' } }, if: pin('a'), then: { required: ['x'] } },
        want: {
          property: 'kind',
          variants: [
            { type: 'object', required: ['kind', 'x'], properties: { kind: { const: 'a' } } },
            { type: 'object' },
          ],
          consumed: [],
        },
      },
    ],
    [
      'an if that pins nothing (not)',
      { given: body({ if: { not: { required: ['kind'] } }, then: { required: ['map'] } }), want: null },
    ],
    [
      'an if that pins two properties',
      { given: body({ if: { properties: { kind: { const: 'a' }, map: { const: {} } } }, then: {} }), want: null },
    ],
    ['an else', { given: body({ if: pin('a'), then: {}, else: { required: ['map'] } }), want: null }],
    [
      'rules on different properties',
      {
        given: body({
          allOf: [
            { if: pin('a'), then: {} },
            { if: { properties: { map: { const: {} } } }, then: {} },
          ],
        }),
        want: null,
      },
    ],
    [
      'values pinned twice',
      {
        given: body({
          allOf: [
            { if: pin(['a', 'b']), then: {} },
            { if: pin('b'), then: {} },
          ],
        }),
        want: null,
      },
    ],
    ['no rules', { given: body({}), want: null }],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    const got = discriminationOf(given, contextFor().document);
    expect(got && { property: got.property, variants: got.variants, consumed: [...got.consumedAllOf] }).toEqual(want);
  });

  it('follows $refs to a named rules-only schema', () => {
    const ctx = contextFor({
      Rules: { allOf: [{ if: pin('a'), then: { required: ['map'] } }] },
      Body: body({ allOf: [{ $ref: '#/components/schemas/Rules' }] }),
    });
    const got = discriminationOf((ctx.document.components as JsonObject).schemas!['Body' as never], ctx.document);
    expect(got?.variants[0]).toEqual({
      type: 'object',
      required: ['kind', 'map'],
      properties: { kind: { const: 'a' } },
    });
    expect([...got!.consumedAllOf]).toEqual([0]);
  });
});

describe('nonEmptyMapsOf', () => {
  const tests: [string, { given: JsonObject; want: { name: string; required: boolean }[] }][] = [
    [
      'a map with minProperties 1, required, through a $ref',
      {
        given: {
          type: 'object',
          required: ['keyStore'],
          properties: { keyStore: { $ref: '#/components/schemas/Store' } },
        },
        want: [{ name: 'keyStore', required: true }],
      },
    ],
    [
      'through allOf, optional',
      {
        given: { type: 'object', properties: { labels: { allOf: [{ type: 'object', minProperties: 2 }] } } },
        want: [{ name: 'labels', required: false }],
      },
    ],
    [
      'not a map: closed, named members, or minProperties 0',
      {
        given: {
          type: 'object',
          properties: {
            closed: { type: 'object', minProperties: 1, additionalProperties: false },
            named: { type: 'object', minProperties: 1, properties: { a: { type: 'string' } } },
            zero: { type: 'object', minProperties: 0 },
          },
        },
        want: [],
      },
    ],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    const ctx = contextFor({ Store: { type: 'object', minProperties: 1, additionalProperties: { type: 'string' } } });
    expect(nonEmptyMapsOf(given, ctx)).toEqual(want);
  });
});

describe('rules a named schema holds for several bodies', () => {
  const rules = { allOf: [{ if: pin('a'), then: { required: ['map'] } }] };
  const applying = (kinds: string[]) => ({
    type: 'object',
    properties: { kind: { type: 'string', enum: kinds } },
    allOf: [{ $ref: '#/components/schemas/Rules' }],
  });

  it('are that schema’s union, referenced by each body, when every body gets the same variants', () => {
    const ctx = contextFor({ Rules: rules, Create: applying(['a', 'b']), Update: applying(['a', 'b']) });
    const schemas = (ctx.document.components as JsonObject).schemas as JsonObject;
    expect(schemaToType(schemas.Create, ctx)).toMatchObject({
      kind: 'intersection',
      members: [{}, { kind: 'ref', name: 'Rules' }],
    });
    expect(schemaToType(schemas.Rules, ctx)).toMatchObject({
      kind: 'union',
      members: [{ kind: 'object' }, { kind: 'object' }],
    });
  });

  it('are inlined in each body when the bodies get different variants (another set of values)', () => {
    const ctx = contextFor({ Rules: rules, Create: applying(['a', 'b']), Update: applying(['a', 'c']) });
    const schemas = (ctx.document.components as JsonObject).schemas as JsonObject;
    const create = schemaToType(schemas.Create, ctx);
    expect(create).toMatchObject({ kind: 'intersection', members: [{}, { kind: 'union' }] });
    expect(JSON.stringify(create)).not.toContain('"ref"');
  });
});
