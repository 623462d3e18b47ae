// schemaToType and its helpers: OpenAPI 3.0/3.1 Schema Objects → TypeNode.
import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../../../scripts/pipeline/load.ts';
import type { TypeNode } from '../../../scripts/model/types.ts';
import {
  docOf,
  schemaToType,
  secretFieldsOf,
  sortVersionsNewestFirst,
  versionsOf,
} from '../../../scripts/model/schemas.ts';
import { contextFor } from './support.ts';

const STRING: TypeNode = { kind: 'primitive', type: 'string' };
const NUMBER: TypeNode = { kind: 'primitive', type: 'number' };
const NULL: TypeNode = { kind: 'primitive', type: 'null' };
const UNKNOWN: TypeNode = { kind: 'primitive', type: 'unknown' };
const lit = (value: string | number | boolean): TypeNode => ({ kind: 'literal', value });
const ref = (name: string): TypeNode => ({ kind: 'ref', name });
const prop = (
  name: string,
  type: TypeNode,
  over: Partial<{
    required: boolean;
    readOnly: boolean;
    writeOnly: boolean;
    secret: boolean;
    description: string;
  }> = {},
) => ({
  name,
  required: over.required ?? false,
  readOnly: over.readOnly ?? false,
  writeOnly: over.writeOnly ?? false,
  secret: over.secret ?? false,
  type,
  doc: { constraints: [], deprecated: false, ...(over.description ? { description: over.description } : {}) },
});

const named: JsonObject = {
  Widget: { type: 'object', properties: { id: { type: 'string' } } },
  'a-b': { type: 'string' },
  Secret: { type: 'string', writeOnly: true, 'x-astra-secret': true },
  Holder: { type: 'object', properties: { inner: { type: 'object', properties: { x: { type: 'number' } } } } },
  Loop: {
    type: 'object',
    properties: { next: { $ref: '#/components/schemas/Loop/properties/next/properties/again' } },
  },
};
const ctx = contextFor(named);

const tests: [string, { given: Json; want: TypeNode }][] = [
  ['$ref to a named schema stays a name', { given: { $ref: '#/components/schemas/Widget' }, want: ref('Widget') }],
  [
    '$ref to a named schema whose key is not an identifier',
    { given: { $ref: '#/components/schemas/a-b' }, want: ref('AB') },
  ],
  [
    '$ref to a pointer inside a schema is inlined',
    {
      given: { $ref: '#/components/schemas/Holder/properties/inner' },
      want: { kind: 'object', properties: [prop('x', NUMBER)], additional: null },
    },
  ],
  [
    'a $ref cycle through unnamed pointers stops at unknown',
    { given: { $ref: '#/components/schemas/Loop/properties/next' }, want: UNKNOWN },
  ],
  [
    'enum of strings with quotes, backslashes and newlines keeps every value exactly',
    {
      given: { type: 'string', enum: ["it's", 'say "hi"', 'back\\slash', 'two\nlines', '*/'] },
      want: {
        kind: 'union',
        members: [lit("it's"), lit('say "hi"'), lit('back\\slash'), lit('two\nlines'), lit('*/')],
      },
    },
  ],
  [
    'enum values that differ only in case stay two values',
    { given: { enum: ['A', 'a'] }, want: { kind: 'union', members: [lit('A'), lit('a')] } },
  ],
  [
    'enum of one value is a literal',
    { given: { enum: ['application/astra-credential'] }, want: lit('application/astra-credential') },
  ],
  [
    'enum of numbers and booleans',
    { given: { enum: [1, 2.5, true] }, want: { kind: 'union', members: [lit(1), lit(2.5), lit(true)] } },
  ],
  ['enum with an object member has no literal type', { given: { enum: ['a', { b: 1 }] }, want: UNKNOWN }],
  [
    '3.0 nullable enum lists null once',
    {
      given: { type: 'string', nullable: true, enum: ['a', null] },
      want: { kind: 'union', members: [lit('a'), NULL] },
    },
  ],
  [
    '3.0 nullable string',
    { given: { type: 'string', nullable: true }, want: { kind: 'union', members: [STRING, NULL] } },
  ],
  [
    '3.0 nullable beside allOf [$ref]',
    {
      given: { nullable: true, allOf: [{ $ref: '#/components/schemas/Widget' }] },
      want: { kind: 'union', members: [ref('Widget'), NULL] },
    },
  ],
  [
    '3.1 type array with null',
    { given: { type: ['string', 'null'] }, want: { kind: 'union', members: [STRING, NULL] } },
  ],
  ['integer and number are both number, once', { given: { type: ['integer', 'number'] }, want: NUMBER }],
  ['unknown type name is unknown', { given: { type: 'file' }, want: UNKNOWN }],
  ['const string', { given: { const: 'x"y' }, want: lit('x"y') }],
  ['const null', { given: { const: null }, want: NULL }],
  ['true schema accepts anything', { given: true, want: UNKNOWN }],
  ['false schema accepts nothing', { given: false, want: { kind: 'primitive', type: 'never' } }],
  ['empty schema is unknown', { given: {}, want: UNKNOWN }],
  [
    'allOf of two refs is an intersection',
    {
      given: { allOf: [{ $ref: '#/components/schemas/Widget' }, { $ref: '#/components/schemas/a-b' }] },
      want: { kind: 'intersection', members: [ref('Widget'), ref('AB')] },
    },
  ],
  [
    'allOf of one ref is that ref',
    { given: { allOf: [{ $ref: '#/components/schemas/Widget' }] }, want: ref('Widget') },
  ],
  [
    'allOf drops members that say nothing',
    { given: { allOf: [{ description: 'x' }, { type: 'string' }] }, want: STRING },
  ],
  [
    'properties beside allOf are intersected with it',
    {
      given: {
        type: 'object',
        properties: { a: { type: 'string' } },
        allOf: [{ $ref: '#/components/schemas/Widget' }],
      },
      want: {
        kind: 'intersection',
        members: [{ kind: 'object', properties: [prop('a', STRING)], additional: null }, ref('Widget')],
      },
    },
  ],
  [
    'a closed empty object beside allOf is left out',
    {
      given: { type: 'object', additionalProperties: false, allOf: [{ $ref: '#/components/schemas/Widget' }] },
      want: ref('Widget'),
    },
  ],
  [
    'an open object beside allOf stays (any members)',
    {
      given: { type: 'object', allOf: [{ $ref: '#/components/schemas/Widget' }] },
      want: { kind: 'intersection', members: [{ kind: 'object', properties: [], additional: UNKNOWN }, ref('Widget')] },
    },
  ],
  [
    'anyOf is a union',
    {
      given: { anyOf: [{ type: 'string' }, { $ref: '#/components/schemas/Widget' }] },
      want: { kind: 'union', members: [STRING, ref('Widget')] },
    },
  ],
  [
    'oneOf is a union',
    { given: { oneOf: [{ type: 'number' }, { type: 'string' }] }, want: { kind: 'union', members: [NUMBER, STRING] } },
  ],
  [
    'an open enum (string literals beside string) keeps the literals: the string becomes openString',
    {
      given: { anyOf: [{ enum: ['aws', 'gcp'] }, { type: 'string' }] },
      want: {
        kind: 'union',
        members: [{ kind: 'literal', value: 'aws' }, { kind: 'literal', value: 'gcp' }, { kind: 'openString' }],
      },
    },
  ],
  [
    'string beside number literals stays string (nothing to autocomplete)',
    {
      given: { anyOf: [{ enum: [1, 2] }, { type: 'string' }] },
      want: { kind: 'union', members: [{ kind: 'literal', value: 1 }, { kind: 'literal', value: 2 }, STRING] },
    },
  ],
  ['a union with an unknown member is unknown', { given: { anyOf: [{ type: 'string' }, {}] }, want: UNKNOWN }],
  [
    'map of a named schema',
    {
      given: { type: 'object', additionalProperties: { $ref: '#/components/schemas/Widget' } },
      want: { kind: 'object', properties: [], additional: ref('Widget') },
    },
  ],
  [
    'object with no properties and no additionalProperties is a map of unknown',
    { given: { type: 'object' }, want: { kind: 'object', properties: [], additional: UNKNOWN } },
  ],
  [
    'additionalProperties: false and no properties is an empty object',
    {
      given: { type: 'object', additionalProperties: false },
      want: { kind: 'object', properties: [], additional: null },
    },
  ],
  [
    'properties without type are an object',
    {
      given: { properties: { n: { type: 'integer' } } },
      want: { kind: 'object', properties: [prop('n', NUMBER)], additional: null },
    },
  ],
  ['items without type are an array', { given: { items: { type: 'string' } }, want: { kind: 'array', items: STRING } }],
  ['array without items is an array of unknown', { given: { type: 'array' }, want: { kind: 'array', items: UNKNOWN } }],
  [
    'required, readOnly, writeOnly and x-astra-secret (own or by reference) become property flags',
    {
      given: {
        type: 'object',
        required: ['id', 'key'],
        properties: {
          id: { type: 'string', readOnly: true },
          key: { type: 'string', writeOnly: true, 'x-astra-secret': true },
          token: { $ref: '#/components/schemas/Secret' },
          note: { type: 'string', description: 'A note.' },
        },
      },
      want: {
        kind: 'object',
        properties: [
          prop('id', STRING, { required: true, readOnly: true }),
          prop('key', STRING, { required: true, writeOnly: true, secret: true }),
          prop('token', ref('Secret'), { writeOnly: true, secret: true }),
          prop('note', STRING, { description: 'A note.' }),
        ],
        additional: null,
      },
    },
  ],
  [
    'property names are kept exactly, in spec order',
    {
      given: {
        type: 'object',
        properties: {
          'a-b': { type: 'string' },
          __proto__x: { type: 'string' },
          class: { type: 'string' },
          'with space': { type: 'string' },
        },
      },
      want: {
        kind: 'object',
        properties: [
          prop('a-b', STRING),
          prop('__proto__x', STRING),
          prop('class', STRING),
          prop('with space', STRING),
        ],
        additional: null,
      },
    },
  ],
];

describe('schemaToType', () => {
  it.each(tests)('%s', (_, { given, want }) => {
    expect(schemaToType(given, ctx)).toEqual(want);
  });

  it('keeps a property literally named __proto__ as a property', () => {
    const given = JSON.parse(
      '{"type":"object","properties":{"__proto__":{"type":"string"},"constructor":{"type":"number"}}}',
    ) as Json;
    expect(schemaToType(given, ctx)).toEqual({
      kind: 'object',
      properties: [prop('__proto__', STRING), prop('constructor', NUMBER)],
      additional: null,
    });
  });
});

describe('docOf', () => {
  const docs: [string, { given: Json; want: object }][] = [
    [
      'title, description, format, pattern',
      {
        given: { title: 'T', description: 'D', format: 'uuid', pattern: '^a$' },
        want: { title: 'T', description: 'D', format: 'uuid', pattern: '^a$', constraints: [], deprecated: false },
      },
    ],
    [
      'default and example as JSON text',
      {
        given: { default: '1.1', example: { a: 'x' } },
        want: { default: '"1.1"', example: '{"a":"x"}', constraints: [], deprecated: false },
      },
    ],
    [
      'first of 3.1 examples',
      { given: { examples: [3, 4] }, want: { example: '3', constraints: [], deprecated: false } },
    ],
    [
      'bounds in a fixed order',
      {
        given: { maxLength: 9, minLength: 1, uniqueItems: true },
        want: { constraints: ['min length 1', 'max length 9', 'unique items'], deprecated: false },
      },
    ],
    [
      '3.0 boolean exclusiveMinimum makes the minimum exclusive',
      {
        given: { minimum: 0, exclusiveMinimum: true, maximum: 5 },
        want: { constraints: ['exclusive minimum 0', 'maximum 5'], deprecated: false },
      },
    ],
    [
      '3.1 numeric exclusive bounds',
      { given: { exclusiveMinimum: 0 }, want: { constraints: ['exclusive minimum 0'], deprecated: false } },
    ],
    ['deprecated', { given: { deprecated: true }, want: { constraints: [], deprecated: true } }],
  ];
  it.each(docs)('%s', (_, { given, want }) => {
    expect(docOf(given, ctx)).toEqual(want);
  });
});

describe('versionsOf and sortVersionsNewestFirst', () => {
  const sorts: [string, { given: string[]; want: string[] }][] = [
    [
      'by number, not text: 1.10 is newer than 1.2',
      { given: ['1.0', '1.2', '1.10', '1.1'], want: ['1.10', '1.2', '1.1', '1.0'] },
    ],
    ['duplicates once', { given: ['1.0', '1.0'], want: ['1.0'] }],
    ['more parts is newer', { given: ['2', '2.0.1', '2.0'], want: ['2.0.1', '2.0', '2'] }],
  ];
  it.each(sorts)('%s', (_, { given, want }) => {
    expect(sortVersionsNewestFirst(given)).toEqual(want);
  });

  it('reads the version enum through $refs and allOf', () => {
    const c = contextFor({
      V: { type: 'string', enum: ['1.0', '1.1'] },
      Body: { type: 'object', properties: { version: { allOf: [{ $ref: '#/components/schemas/V' }] } } },
    });
    expect(versionsOf({ $ref: '#/components/schemas/Body' }, c)).toEqual(['1.1', '1.0']);
    expect(versionsOf({ type: 'object', properties: { version: { const: '2.0' } } }, c)).toEqual(['2.0']);
    expect(versionsOf({ type: 'object' }, c)).toEqual([]);
  });
});

describe('secretFieldsOf', () => {
  it('lists top-level members marked x-astra-secret, directly or by reference, through a named body', () => {
    const c = contextFor({
      KeyStore: { type: 'object', additionalProperties: { type: 'string' }, 'x-astra-secret': true },
      Create: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          keyStore: { $ref: '#/components/schemas/KeyStore' },
          password: { type: 'string', writeOnly: true, 'x-astra-secret': true },
          hint: { type: 'string', writeOnly: true },
        },
        allOf: [{ $ref: '#/components/schemas/KeyStore' }],
      },
    });
    expect(secretFieldsOf({ $ref: '#/components/schemas/Create' }, c)).toEqual(['keyStore', 'password']);
    expect(secretFieldsOf({ type: 'string' }, c)).toEqual([]);
  });
});
