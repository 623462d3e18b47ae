// printType and descriptorNames: the model's types and operations as
// TypeScript text.
import { describe, expect, it } from 'vitest';
import type { OperationModel, TypeNode } from '../../../scripts/model/types.ts';
import { printType } from '../../../scripts/render/typescript.ts';
import { descriptorNames, recursiveSchemas } from '../../../scripts/render/views.ts';

const STRING: TypeNode = { kind: 'primitive', type: 'string' };
const prop = (name: string, type: TypeNode, required = true, readOnly = false) => ({
  name,
  required,
  readOnly,
  writeOnly: false,
  secret: false,
  type,
  doc: { constraints: [], deprecated: false },
});

describe('printType', () => {
  const tests: [string, { given: TypeNode; want: string; recursive?: string[] }][] = [
    ['string literal, escaped', { given: { kind: 'literal', value: 'it\'s "x"\n' }, want: '"it\'s \\"x\\"\\n"' }],
    ['null literal type', { given: { kind: 'primitive', type: 'null' }, want: 'null' }],
    ['array of a name', { given: { kind: 'array', items: { kind: 'ref', name: 'App' } }, want: 'App[]' }],
    [
      'array of a union',
      {
        given: { kind: 'array', items: { kind: 'union', members: [STRING, { kind: 'ref', name: 'App' }] } },
        want: 'Array<string | App>',
      },
    ],
    [
      'union inside an intersection is parenthesised',
      {
        given: {
          kind: 'intersection',
          members: [
            { kind: 'ref', name: 'A' },
            { kind: 'union', members: [STRING, { kind: 'primitive', type: 'null' }] },
          ],
        },
        want: 'A & (string | null)',
      },
    ],
    [
      'map',
      {
        given: { kind: 'object', properties: [], additional: { kind: 'ref', name: 'Base64Data' } },
        want: 'Record<string, Base64Data>',
      },
    ],
    [
      'map whose values reach a recursive type: index signature',
      {
        given: { kind: 'object', properties: [], additional: { kind: 'ref', name: 'Json' } },
        want: '{ [key: string]: Json }',
        recursive: ['Json'],
      },
    ],
    [
      'open enum: the open string is parenthesised beside the literals',
      {
        given: {
          kind: 'union',
          members: [{ kind: 'literal', value: 'aws' }, { kind: 'literal', value: 'gcp' }, { kind: 'openString' }],
        },
        want: '"aws" | "gcp" | (string & {})',
      },
    ],
    [
      'closed empty object',
      { given: { kind: 'object', properties: [], additional: null }, want: 'Record<string, never>' },
    ],
    [
      'property names: plain ones bare, others quoted exactly; optional and readonly',
      {
        given: {
          kind: 'object',
          properties: [
            prop('id', STRING, true, true),
            prop('a-b', STRING, false),
            prop('__proto__', STRING),
            prop('"q', STRING),
          ],
          additional: null,
        },
        want: '{\n  readonly id: string;\n  "a-b"?: string;\n  __proto__: string;\n  "\\"q": string;\n}',
      },
    ],
  ];
  it.each(tests)('%s', (_, { given, want, recursive }) => {
    expect(printType(given, recursive ? { recursive: new Set(recursive) } : {})).toBe(want);
  });
});

describe('recursiveSchemas', () => {
  it('names the schemas that reach themselves, directly or through others', () => {
    const schema = (name: string, refs: string[]) => ({
      name,
      specName: name,
      module: 'm',
      doc: { constraints: [], deprecated: false },
      versions: [],
      type: {
        kind: 'object',
        properties: refs.map((r) => prop(r, { kind: 'ref', name: r })),
        additional: null,
      } as TypeNode,
    });
    const got = recursiveSchemas([schema('A', ['B']), schema('B', ['A']), schema('C', ['C']), schema('D', ['A'])]);
    expect([...got].sort()).toEqual(['A', 'B', 'C']);
  });
});

describe('descriptorNames', () => {
  const op = (id: string) => ({ id }) as OperationModel;
  const tests: [string, { given: string[]; want: string[] }][] = [
    [
      'identifier operationIds keep their spelling',
      {
        given: ['listCredentials', 'get_app_v2', '__proto__'],
        want: ['listCredentialsOperation', 'get_app_v2Operation', '__proto__Operation'],
      },
    ],
    [
      'operationIds that are not identifiers are made identifiers',
      { given: ['../../etc/passwd', 'a/b', '1x'], want: ['etcPasswdOperation', 'aBOperation', '_1xOperation'] },
    ],
    [
      'names that coincide get numbers',
      { given: ['a/b', 'a-b', 'aB'], want: ['aBOperation', 'aBOperation2', 'aBOperation3'] },
    ],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    const ops = given.map(op);
    const names = descriptorNames(ops);
    expect(ops.map((o) => names.get(o))).toEqual(want);
  });
});
