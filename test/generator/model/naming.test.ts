// Naming helpers: spec text → identifiers, type names and file stems.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ts from 'typescript';
import {
  camelCase,
  fileStem,
  identifier,
  isPlainPropertyName,
  pascalCase,
  schemaTypeNames,
  typeName,
  uniqueNames,
  words,
} from '../../../scripts/model/naming.ts';

const RESERVED = [
  'break',
  'class',
  'const',
  'constructor',
  'default',
  'delete',
  'enum',
  'new',
  'null',
  'this',
  'typeof',
  'void',
  'yield',
  'await',
  'let',
  'static',
  'implements',
  'interface',
  'package',
  'private',
  'protected',
  'public',
];

describe('words, camelCase, pascalCase', () => {
  const tests: [string, { given: string; want: [string[], string, string] }][] = [
    ['snake case', { given: 'credential_id', want: [['credential', 'id'], 'credentialId', 'CredentialId'] }],
    ['camel case', { given: 'managedClusters', want: [['managed', 'Clusters'], 'managedClusters', 'ManagedClusters'] }],
    ['acronym before a word', { given: 'JSONResource', want: [['JSON', 'Resource'], 'jsonResource', 'JSONResource'] }],
    [
      'acronym first, as its own word',
      { given: 'SMTP setting', want: [['SMTP', 'setting'], 'smtpSetting', 'SMTPSetting'] },
    ],
    [
      'acronym inside and last',
      { given: 'Invalid resource ID', want: [['Invalid', 'resource', 'ID'], 'invalidResourceId', 'InvalidResourceID'] },
    ],
    [
      'acronym then a camel-case word',
      {
        given: 'AppMirror ID missing',
        want: [['App', 'Mirror', 'ID', 'missing'], 'appMirrorIdMissing', 'AppMirrorIDMissing'],
      },
    ],
    ['plural acronym is one word', { given: 'APIs', want: [['APIs'], 'apis', 'APIs'] }],
    ['plural acronym before a word', { given: 'IDsList', want: [['IDs', 'List'], 'idsList', 'IDsList'] }],
    ['digits stay with their letters', { given: 'S3 bucket', want: [['S3', 'bucket'], 's3Bucket', 'S3Bucket'] }],
    [
      'a digit then a lowercase plural',
      { given: 'K8s cluster', want: [['K8s', 'cluster'], 'k8sCluster', 'K8sCluster'] },
    ],
    [
      'a one-letter word is not an acronym',
      { given: 'A snapshot', want: [['A', 'snapshot'], 'aSnapshot', 'ASnapshot'] },
    ],
    ['lower then digits then upper', { given: 'v1Api', want: [['v1', 'Api'], 'v1Api', 'V1Api'] }],
    [
      'spaces and punctuation',
      { given: 'Role Binding / v1', want: [['Role', 'Binding', 'v1'], 'roleBindingV1', 'RoleBindingV1'] },
    ],
    ['nothing alphanumeric', { given: '../', want: [[], '', ''] }],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    expect([words(given), camelCase(given), pascalCase(given)]).toEqual(want);
  });
});

describe('identifier', () => {
  const tests: [string, { given: string; want: string }][] = [
    ['snake to camel', { given: 'app_id', want: 'appId' }],
    ['kebab to camel', { given: 'a-b', want: 'aB' }],
    ['leading digit gets an underscore', { given: '1x', want: '_1x' }],
    ['reserved word gets a trailing underscore', { given: 'class', want: 'class_' }],
    ['constructor is reserved', { given: 'constructor', want: 'constructor_' }],
    ['__proto__ loses its underscores', { given: '__proto__', want: 'proto' }],
    ['path climbing is only words', { given: '../../etc/passwd', want: 'etcPasswd' }],
    ['nothing usable falls back', { given: '../', want: 'value' }],
    ['the fallback can be chosen', { given: '', want: 'id' }],
    ['quotes and spaces', { given: 'with "quote" space', want: 'withQuoteSpace' }],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    expect(given === '' ? identifier(given, 'id') : identifier(given)).toBe(want);
  });

  it('always gives a valid, non-reserved identifier (any text)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc.constantFrom(...RESERVED, '__proto__', '0', '../..', '$', '${x}', 'is', 'as', 'of', 'type'),
        ),
        (text) => {
          const id = identifier(text);
          expect(id).toMatch(/^[A-Za-z_$][A-Za-z0-9_$]*$/);
          expect(RESERVED).not.toContain(id);
          // The TypeScript scanner reads it as one identifier, or as a
          // contextual keyword (`is`, `as`, `of`, `type`), which is an
          // identifier too; never as a reserved word.
          const scanner = ts.createScanner(
            ts.ScriptTarget.ES2022,
            true,
            ts.LanguageVariant.Standard,
            `const ${id} = 1;`,
          );
          scanner.scan();
          const kind = scanner.scan();
          expect(scanner.getTokenText()).toBe(id);
          const K = ts.SyntaxKind;
          const reserved =
            (kind >= K.FirstReservedWord && kind <= K.LastReservedWord) ||
            (kind >= K.FirstFutureReservedWord && kind <= K.LastFutureReservedWord);
          const contextual = kind >= K.FirstKeyword && kind <= K.LastKeyword && !reserved;
          expect(kind === K.Identifier || contextual, id).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('typeName', () => {
  const tests: [string, { given: string; want: string }][] = [
    ['schema key', { given: 'credential_1.0_get_response_body', want: 'Credential10GetResponseBody' }],
    ['leading digit', { given: '1x', want: 'T1x' }],
    ['__proto__', { given: '__proto__', want: 'Proto' }],
    ['nothing usable', { given: '--', want: 'Schema' }],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    expect(typeName(given)).toBe(want);
  });
});

describe('fileStem', () => {
  const tests: [string, { given: string; want: string }][] = [
    ['tag with spaces', { given: 'Role Binding', want: 'role-binding' }],
    ['camel case', { given: 'AppMirror', want: 'app-mirror' }],
    ['path climbing', { given: '../../../escape/tag', want: 'escape-tag' }],
    ['a slash', { given: 'a/b', want: 'a-b' }],
    ['dot dot', { given: '..', want: 'resource' }],
    ['backslashes and a drive', { given: 'C:\\Windows\\x', want: 'c-windows-x' }],
    ['NUL and newline', { given: 'a\u0000b\nc', want: 'a-b-c' }],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    expect(fileStem(given)).toBe(want);
  });

  it('never contains a separator, a dot or an empty name (any text)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('..', '/', '\\', '.', '../x', 'a/../b')),
        (text) => {
          const stem = fileStem(text);
          expect(stem).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
          expect(stem).not.toContain('/');
          expect(stem).not.toContain('..');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('isPlainPropertyName', () => {
  const tests: [string, { given: string; want: boolean }][] = [
    ['identifier', { given: 'keyStore', want: true }],
    ['dollar and underscore', { given: '$_x1', want: true }],
    ['kebab', { given: 'a-b', want: false }],
    ['leading digit', { given: '1x', want: false }],
    ['space', { given: 'with space', want: false }],
    ['quote', { given: '"quote', want: false }],
    ['empty', { given: '', want: false }],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    expect(isPlainPropertyName(given)).toBe(want);
  });
});

describe('uniqueNames', () => {
  const tests: [string, { given: string[]; want: string[] }][] = [
    ['no repeats', { given: ['a', 'b'], want: ['a', 'b'] }],
    ['repeats numbered from 2 in order', { given: ['a', 'a', 'a'], want: ['a', 'a2', 'a3'] }],
    ['skips numbers already taken', { given: ['a', 'a2', 'a'], want: ['a', 'a2', 'a3'] }],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    expect(uniqueNames(given)).toEqual(want);
  });
});

describe('schemaTypeNames', () => {
  const tests: [string, { given: string[]; want: ReturnType<typeof schemaTypeNames> }][] = [
    ['ordinary names are kept', { given: ['Pet', 'pet-owner'], want: [{ name: 'Pet' }, { name: 'PetOwner' }] }],
    [
      'a global gets Model appended, and says what it would have shadowed',
      {
        given: ['Error', 'Object', 'Promise', 'Date', 'Response', 'Record'],
        want: ['Error', 'Object', 'Promise', 'Date', 'Response', 'Record'].map((n) => ({
          name: `${n}Model`,
          shadows: n,
        })),
      },
    ],
    [
      "the spec's own ErrorModel keeps its name; Error then becomes ErrorBody",
      { given: ['Error', 'ErrorModel'], want: [{ name: 'ErrorBody', shadows: 'Error' }, { name: 'ErrorModel' }] },
    ],
    [
      'a runtime type the client modules import is avoided too',
      {
        given: ['Pager', 'pager'],
        want: [
          { name: 'PagerModel', shadows: 'Pager' },
          { name: 'PagerBody', shadows: 'Pager' },
        ],
      },
    ],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    expect(schemaTypeNames(given)).toEqual(want);
  });
});
