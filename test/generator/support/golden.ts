// Golden trees: each feature fixture `test/fixtures/<feature>/` holds a spec
// (`spec/openapi.yaml`, plus any files it refers to) and the files
// generate() returns for it (`expected/`). The test compares them file by
// file; only test/generator/refresh-golden.ts writes expected/.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { fixturesDir, listFiles } from './paths.ts';
import { STAMP_FILE } from '../../../scripts/pipeline/stamp.mjs';

export interface GoldenFixture {
  name: string;
  specFile: string;
  expectedDir: string;
}

/**
 * Feature fixtures with a golden tree. Hostile fixtures (`hostile-*`) and
 * rejected specs (`rejected/`) are checked by properties instead.
 */
export function goldenFixtures(): GoldenFixture[] {
  return readdirSync(fixturesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('hostile-') && d.name !== 'rejected')
    .map((d) => d.name)
    .sort()
    .map((name) => ({
      name,
      specFile: path.join(fixturesDir, name, 'spec/openapi.yaml'),
      expectedDir: path.join(fixturesDir, name, 'expected'),
    }))
    .filter((f) => existsSync(f.specFile));
}

/**
 * Goldens hold the generator's own output only. The bundled document
 * (openapi.json) and openapi-typescript's types are other tools' work, and the
 * provenance stamp only lists the files; all three are checked once, through
 * generated/, by `generate --check`.
 */
export const NOT_IN_GOLDENS: readonly string[] = [STAMP_FILE, 'openapi.json', 'openapi-types.ts'];

export function goldenOutput(files: Map<string, string>): Map<string, string> {
  return new Map([...files].filter(([file]) => !NOT_IN_GOLDENS.includes(file)));
}

export function readTree(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
}

export interface TreeDiff {
  missing: string[];
  extra: string[];
  changed: string[];
}

/** Files expected but not generated, generated but not expected, and different. */
export function diffTrees(expected: Map<string, string>, actual: Map<string, string>): TreeDiff {
  const sort = (xs: string[]) => xs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    missing: sort([...expected.keys()].filter((f) => !actual.has(f))),
    extra: sort([...actual.keys()].filter((f) => !expected.has(f))),
    changed: sort([...expected.keys()].filter((f) => actual.has(f) && actual.get(f) !== expected.get(f))),
  };
}

/** First differing line of two texts, for a readable failure. */
export function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i])
      return `line ${i + 1}:\n  expected: ${JSON.stringify(a[i] ?? '(end of file)')}\n  actual:   ${JSON.stringify(b[i] ?? '(end of file)')}`;
  }
  return 'identical';
}
