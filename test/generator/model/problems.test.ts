// buildProblems: x-astra-problem-catalogue → named problem types, each with
// the SDK calls that can return it; problemConstantName and its collisions.
import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../../../scripts/pipeline/load.ts';
import type { ProblemModel } from '../../../scripts/model/types.ts';
import { buildModel } from '../../../scripts/model/build.ts';
import {
  buildProblems,
  problemConstantName,
  problemNameCollisions,
  type ProblemNameSource,
} from '../../../scripts/model/problems.ts';
import { documentWith } from './support.ts';

const entry = (status: number | string, title: string, extensions: Json[] = [], qualifier?: string): JsonObject => ({
  status,
  title,
  ...(qualifier === undefined ? {} : { qualifier }),
  description: `about ${title}`,
  extensions,
});

describe('problemConstantName', () => {
  const tests: [string, { given: ProblemNameSource; want: string }][] = [
    ['plain title', { given: { number: 39, title: 'Credential exists' }, want: 'credentialExists' }],
    ['acronym first', { given: { number: 10, title: 'JSON resource conflict' }, want: 'jsonResourceConflict' }],
    [
      'acronym first, SMTP',
      { given: { number: 24, title: 'SMTP setting not configured' }, want: 'smtpSettingNotConfigured' },
    ],
    [
      'acronym first, API',
      { given: { number: 25, title: 'API specification not loaded' }, want: 'apiSpecificationNotLoaded' },
    ],
    [
      'acronym first, ONTAP',
      { given: { number: 133, title: 'ONTAP discovery unsuccessful' }, want: 'ontapDiscoveryUnsuccessful' },
    ],
    ['acronym last', { given: { number: 35, title: 'Invalid resource ID' }, want: 'invalidResourceId' }],
    [
      'acronym in the middle',
      { given: { number: 118, title: 'Valid CSI driver not found' }, want: 'validCsiDriverNotFound' },
    ],
    ['digits', { given: { number: 1, title: 'S3 bucket v2 unreachable' }, want: 's3BucketV2Unreachable' }],
    [
      'punctuation',
      {
        given: { number: 30, title: 'Action blocked: Namespace limit reached' },
        want: 'actionBlockedNamespaceLimitReached',
      },
    ],
    [
      'qualifier appended',
      {
        given: { number: 9, title: 'Invalid JSON resource', qualifier: 'extended checks' },
        want: 'invalidJsonResourceExtendedChecks',
      },
    ],
    [
      'qualifier with an acronym',
      {
        given: { number: 36, title: 'Invalid resource ID', qualifier: 'license host' },
        want: 'invalidResourceIdLicenseHost',
      },
    ],
    ['reserved word', { given: { number: 2, title: 'constructor' }, want: 'constructor_' }],
    ['leading digit', { given: { number: 3, title: '3 nodes down' }, want: '_3NodesDown' }],
    ['no title: the number', { given: { number: 4, title: '' }, want: 'problem4' }],
    ['nothing alphanumeric', { given: { number: 5, title: '../' }, want: 'problem' }],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    expect(problemConstantName(given)).toBe(want);
  });
});

describe('problemNameCollisions', () => {
  const tests: [string, { given: ProblemNameSource[]; want: { name: string; numbers: number[] }[] }][] = [
    [
      'distinct titles',
      {
        given: [
          { number: 1, title: 'A b' },
          { number: 2, title: 'A c' },
        ],
        want: [],
      },
    ],
    [
      'a shared title without qualifiers',
      {
        given: [
          { number: 9, title: 'Invalid JSON resource' },
          { number: 8, title: 'Invalid JSON resource' },
        ],
        want: [{ name: 'invalidJsonResource', numbers: [8, 9] }],
      },
    ],
    [
      'one of a group unqualified: the general case keeps the plain name',
      {
        given: [
          { number: 35, title: 'Invalid resource ID' },
          { number: 36, title: 'Invalid resource ID', qualifier: 'license host' },
        ],
        want: [],
      },
    ],
    [
      'titles that differ only in case and punctuation collide',
      {
        given: [
          { number: 1, title: 'Bucket/host mismatch' },
          { number: 2, title: 'bucket host Mismatch' },
        ],
        want: [{ name: 'bucketHostMismatch', numbers: [1, 2] }],
      },
    ],
    [
      'a qualified name that equals another title',
      {
        given: [
          { number: 130, title: 'Snapshot not supported', qualifier: 'cluster' },
          { number: 7, title: 'Snapshot not supported cluster' },
        ],
        want: [{ name: 'snapshotNotSupportedCluster', numbers: [7, 130] }],
      },
    ],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    expect(problemNameCollisions(given)).toEqual(want);
  });
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
      'a title shared by several numbers: qualified names, never numbers',
      {
        given: {
          '8': entry(400, 'Invalid JSON resource', [], 'schema'),
          '9': entry(400, 'Invalid JSON resource', [], 'extended checks'),
          '7': entry(400, 'Invalid JSON payload'),
        },
        want: [
          { name: 'invalidJsonPayload' },
          { name: 'invalidJsonResourceSchema' },
          { name: 'invalidJsonResourceExtendedChecks' },
        ],
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
        want: [{ name: 'proto' }, { name: 'constructor_' }, { name: 'x' }, { name: 'problem4' }],
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

  it('refuses names that collide, naming the numbers', () => {
    const given = { '8': entry(400, 'Invalid JSON resource'), '9': entry(400, 'Invalid JSON resource') };
    expect(() => buildProblems({ 'x-astra-problem-catalogue': given })).toThrow(
      /problems 8, 9 would all be named invalidJsonResource; give them a qualifier/,
    );
  });

  it('names the SDK calls whose operations list each problem, sorted; none for a problem no operation lists', () => {
    const op = (operationId: string, problems: Record<string, number[]>) => ({
      operationId,
      'x-astra-problems': problems,
      responses: { '200': { description: 'OK.' }, '400': { description: 'Bad.' }, '409': { description: 'Taken.' } },
    });
    const doc = documentWith(
      {
        '/accounts/{account_id}/core/v1/widgets': {
          get: op('listWidgets', { '400': [5] }),
          post: op('createWidget', { '400': [5], '409': [10] }),
        },
        '/accounts/{account_id}/core/v1/widgets/{widget_id}/parts': { get: op('listWidgetParts', { '400': [5] }) },
      },
      {},
      {
        'x-astra-problem-catalogue': {
          '5': entry(400, 'Invalid query parameters'),
          '10': entry(409, 'JSON resource conflict'),
          '11': entry(403, 'Operation not permitted'),
        },
      },
    );
    const problems = buildModel(doc).problems;
    expect(problems.map((p) => [p.name, p.operations])).toEqual([
      ['invalidQueryParameters', ['widgets.create', 'widgets.get', 'widgets.parts.get']],
      ['jsonResourceConflict', ['widgets.create']],
      ['operationNotPermitted', []],
    ]);
  });
});
