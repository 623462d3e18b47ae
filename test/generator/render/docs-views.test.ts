// The docs view's field cell, case by case: the description a member has (or
// its type's), allowed values, constraints, default and access, escaped for
// a table cell.
import { describe, expect, it } from 'vitest';
import type { PropertyModel, SchemaModel, TypeNode } from '../../../scripts/model/types.ts';
import { fieldDescription } from '../../../scripts/render/docs-views.ts';

const doc = (extra: Partial<PropertyModel['doc']> = {}): PropertyModel['doc'] => ({
  constraints: [],
  deprecated: false,
  ...extra,
});
const prop = (type: TypeNode, extra: Partial<PropertyModel> = {}): PropertyModel => ({
  name: 'x',
  required: false,
  readOnly: false,
  writeOnly: false,
  secret: false,
  type,
  doc: doc(),
  ...extra,
});
const schema = (name: string, type: TypeNode, extra: Partial<SchemaModel['doc']> = {}): SchemaModel => ({
  name,
  specName: name,
  module: 'm',
  type,
  doc: doc(extra),
  versions: [],
});
const str = (value: string): TypeNode => ({ kind: 'literal', value });
const schemas = new Map(
  [
    schema('Kind', { kind: 'union', members: [str('a'), str('b')] }, { description: 'The kind, `a` or `b`.' }),
    schema('Open', { kind: 'union', members: [str('a'), { kind: 'openString' }] }),
    schema('Stamp', { kind: 'primitive', type: 'string' }, { format: 'date-time', description: 'A time.' }),
    schema('StampAlias', { kind: 'ref', name: 'Stamp' }, { default: '"now"' }),
  ].map((s) => [s.name, s]),
);

describe('fieldDescription', () => {
  const tests: [string, { given: PropertyModel; want: string }][] = [
    [
      'own words, escaped for a cell',
      {
        given: prop({ kind: 'primitive', type: 'string' }, { doc: doc({ description: 'a | b <i>' }) }),
        want: 'a \\| b &lt;i&gt;',
      },
    ],
    [
      'a referenced enum: its words and its values',
      { given: prop({ kind: 'ref', name: 'Kind' }), want: 'The kind, `a` or `b`. One of `"a"`, `"b"`.' },
    ],
    [
      'an open enum says other strings are accepted',
      { given: prop({ kind: 'ref', name: 'Open' }), want: 'Known values: `"a"`, or another string.' },
    ],
    ['a constant', { given: prop(str('fixed')), want: 'Always `"fixed"`.' }],
    [
      'format from the type, default from the alias, words from the nearest',
      {
        given: prop({ kind: 'ref', name: 'StampAlias' }),
        want: 'A time. Constraints: format `date-time`. Default `"now"`.',
      },
    ],
    [
      'constraints and a pattern with a pipe (escaped in the cell)',
      {
        given: prop(
          { kind: 'primitive', type: 'string' },
          { doc: doc({ constraints: ['min length 1'], pattern: '^(a|b)$' }) },
        ),
        want: 'Constraints: min length 1, pattern `^(a\\|b)$`.',
      },
    ],
    [
      'read-only',
      {
        given: prop({ kind: 'primitive', type: 'string' }, { readOnly: true }),
        want: '**Read-only**: set by the service.',
      },
    ],
    [
      'a secret is write-only and redacted',
      {
        given: prop({ kind: 'primitive', type: 'string' }, { writeOnly: true, secret: true }),
        want: '**Write-only, secret**: never returned, and redacted from errors and hooks.',
      },
    ],
    ['nothing to say', { given: prop({ kind: 'primitive', type: 'string' }), want: '' }],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    expect(fieldDescription(given, { schemas })).toBe(want);
  });
});
