// Golden tests: one small feature-named fixture spec each, compared with
// its expected output tree file by file. A failure names the missing, extra
// and differing files; refresh with `npm run golden:refresh` only after
// reading the new output against the spec.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../scripts/generate.ts';
import { diffTrees, firstDifference, goldenFixtures, goldenOutput, readTree } from './support/golden.ts';

const FEATURES = [
  'accessor-override',
  'array-bodies',
  'deprecation',
  'form-bodies',
  'global-names',
  'http-methods',
  'json-array-list',
  'minimal-crud',
  'multi-file-refs',
  'nested-collections',
  'open-enums',
  'openapi-3.0',
  'operation-id-methods',
  'pagination',
  'problem-catalogue',
  'query-parameters',
  'raw-bodies',
  'recursive-schema',
  'resource-docs',
  'secrets',
  'vendor-media-types-and-versions',
];

describe('golden output trees', () => {
  it('has a fixture for every feature, each with an expected tree', () => {
    const names = goldenFixtures().map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(FEATURES));
    for (const f of goldenFixtures())
      expect(readTree(f.expectedDir).size, `${f.name}/expected is empty`).toBeGreaterThan(0);
  });

  for (const fixture of goldenFixtures()) {
    it(fixture.name, async () => {
      const actual = goldenOutput(await generate(fixture.specFile));
      const expected = readTree(fixture.expectedDir);
      const diff = diffTrees(expected, actual);
      const report = [
        ...diff.missing.map((f) => `missing (expected, not generated): ${f}`),
        ...diff.extra.map((f) => `extra (generated, not expected): ${f}`),
        ...diff.changed.map((f) => `differs: ${f} at ${firstDifference(expected.get(f)!, actual.get(f)!)}`),
      ];
      expect(
        report,
        `${fixture.name}: output differs from test/fixtures/${fixture.name}/expected (npm run golden:refresh -- ${fixture.name}, then review)`,
      ).toEqual([]);
    });
  }
});

describe('output generated from another spec', () => {
  it("names only that spec's resources and problems: no Astra example leaks into it", async () => {
    for (const fixture of goldenFixtures()) {
      const spec = readFileSync(fixture.specFile, 'utf8').toLowerCase();
      for (const [file, text] of readTree(fixture.expectedDir))
        for (const word of ['credential', 'appsnaps'])
          if (!spec.includes(word)) expect(text.toLowerCase(), `${fixture.name}/${file}`).not.toContain(word);
    }
  });

  it('calls the client `client`, not `astra`, in every doc comment and page of a spec that is not Astra-shaped, and its tree ClientResources', async () => {
    const others = goldenFixtures().filter(
      (f) => !/account_id|x-astra-problem-catalogue/.test(readFileSync(f.specFile, 'utf8')),
    );
    expect(others.map((f) => f.name)).toEqual(
      expect.arrayContaining(['http-methods', 'operation-id-methods', 'query-parameters']),
    );
    for (const fixture of others) {
      const tree = readTree(fixture.expectedDir);
      for (const [file, text] of tree) expect(text, `${fixture.name}/${file}`).not.toMatch(/\bastra\.[a-z]/);
      expect(tree.get('index.ts'), fixture.name).toContain('`client.');
      expect(tree.get('index.ts'), fixture.name).toContain('export interface ClientResources {');
      expect(tree.get('index.ts'), fixture.name).not.toMatch(/astra(?!-control-sdk)/i);
    }
  });
});
