// JSON spec files are read with JSON.parse plus a duplicate-key scan; the
// scan must find repeats at any depth, tell keys apart through escapes, and
// never confuse string contents or array members with keys.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { duplicateKeys, parseJsonText } from '../../scripts/pipeline/json-text.ts';

const cases: [string, { given: string; want: string[] }][] = [
  ['no duplicates', { given: '{"a":1,"b":{"a":2}}', want: [] }],
  ['top level', { given: '{"a":1,"a":2}', want: ['a'] }],
  ['nested object', { given: '{"x":{"k":1,"y":[1,2],"k":3}}', want: ['k'] }],
  ['array members are not keys', { given: '{"a":["a","a"],"b":[{"a":1},{"a":1}]}', want: [] }],
  ['values that look like keys', { given: '{"a":"b","b":"a"}', want: [] }],
  ['escaped quotes and backslashes', { given: '{"q\\"":1,"q\\\\":2,"q\\"":3}', want: ['q"'] }],
  ['unicode escapes name the same key', { given: '{"\\u0061":1,"a":2}', want: ['a'] }],
  ['braces inside strings', { given: '{"a":"{\\"a\\":1}","b":"}"}', want: [] }],
];

describe('duplicateKeys', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(duplicateKeys(given).map((d) => d.key)).toEqual(want);
  });

  it('agrees with JSON.parse on generated objects (no false positives)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(duplicateKeys(JSON.stringify(value))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseJsonText', () => {
  it('names the file and line:column of a duplicate key', () => {
    expect(() => parseJsonText('{\n  "paths": {},\n  "paths": {}\n}', 'spec.json')).toThrow(
      'spec.json:3:3: duplicate key "paths" in one object',
    );
  });

  it('reports invalid JSON with the file name', () => {
    expect(() => parseJsonText('{"a": }', 'broken.json')).toThrow(/^broken\.json.*invalid JSON/);
  });
});
