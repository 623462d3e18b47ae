// buildProblems: x-astra-problem-catalogue → named problem types.
import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../../../scripts/pipeline/load.ts';
import type { ProblemModel } from '../../../scripts/model/types.ts';
import { buildProblems } from '../../../scripts/model/build.ts';

const entry = (status: number | string, title: string, extensions: Json[] = []): JsonObject => ({
  status,
  title,
  description: `about ${title}`,
  extensions,
});

describe('buildProblems', () => {
  const tests: [string, { given: JsonObject; want: Partial<ProblemModel>[] }][] = [
    [
      'numbers in numeric order, names from titles, type URIs from numbers',
      {
        given: { '10': entry(409, 'Credential exists'), '2': entry(404, 'Collection not found', ['invalidParams']) },
        want: [
          {
            number: 2,
            name: 'collectionNotFound',
            status: 404,
            title: 'Collection not found',
            description: 'about Collection not found',
            uri: 'https://astra.netapp.io/problems/2',
            extensions: ['invalidParams'],
          },
          { number: 10, name: 'credentialExists', status: 409, uri: 'https://astra.netapp.io/problems/10' },
        ],
      },
    ],
    [
      'a title shared by several numbers gets the number on every one of them',
      {
        given: {
          '8': entry(400, 'Invalid JSON resource'),
          '9': entry(400, 'Invalid JSON resource'),
          '7': entry(400, 'Invalid JSON payload'),
        },
        want: [{ name: 'invalidJSONPayload' }, { name: 'invalidJSONResource8' }, { name: 'invalidJSONResource9' }],
      },
    ],
    [
      'titles that are not identifiers, or are reserved, or are __proto__',
      {
        given: {
          '1': entry(400, '__proto__'),
          '2': entry(400, 'constructor'),
          '3': entry(400, '../../x'),
          '4': entry(400, ''),
        },
        want: [{ name: 'proto' }, { name: 'constructor_' }, { name: 'x' }, { name: 'problem' }],
      },
    ],
    [
      'a status written as a string is a number',
      { given: { '5': entry('400', 'Bad') }, want: [{ number: 5, status: 400 }] },
    ],
    [
      'keys that are not numbers and entries that are not objects are skipped',
      { given: { x: entry(400, 'X'), '6': 'nope' as never, '7': entry(400, 'Seven') }, want: [{ number: 7 }] },
    ],
    [
      'non-string extensions are dropped',
      { given: { '1': entry(400, 'A', ['a', 1, null]) }, want: [{ extensions: ['a'] }] },
    ],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    const problems = buildProblems({ 'x-astra-problem-catalogue': given });
    expect(problems).toHaveLength(want.length);
    want.forEach((w, i) => expect(problems[i]).toMatchObject(w));
  });

  it('no catalogue, no problems', () => {
    expect(buildProblems({})).toEqual([]);
  });
});
