// The fixture corpus (test/fixtures/diff/<case>/): a base and a revision
// that differ by one change, or by a realistic release of several, with the
// findings each must give (expected.json: rule id, level, operation).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../scripts/diff/diff.ts';
import { loadSource } from '../../scripts/diff/source.ts';
import { compareFindings } from '../../scripts/diff/classify.ts';
import type { Json } from '../../scripts/pipeline/load.ts';
import { resolveLocation } from './support/locations.ts';

const corpus = path.resolve(import.meta.dirname, '../fixtures/diff');
const cases = readdirSync(corpus, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
  .map((d) => d.name)
  .sort();

interface Expected {
  semver: string;
  changes: { id: string; level: string; operation: string | null }[];
}

const key = (c: { id: string; level: string; operation: string | null }) =>
  `${c.level} ${c.id} ${c.operation ?? '(document)'}`;

describe('diff corpus', () => {
  it('has single-change pairs and several multi-change releases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(cases.filter((c) => c.startsWith('release-')).length).toBeGreaterThanOrEqual(3);
  });

  it.each(cases)('%s', async (name) => {
    const dir = path.join(corpus, name);
    const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
    const report = await diffSpecs(path.join(dir, 'base.yaml'), path.join(dir, 'revision.yaml'));

    expect(report.findings.map(key).sort()).toEqual(expected.changes.map(key).sort());
    expect(report.semver).toBe(expected.semver);
    expect(report.breaking).toBe(expected.semver === 'major');
    // Sorted by the total order, and every message says something.
    expect([...report.findings].sort(compareFindings)).toEqual(report.findings);
    for (const f of report.findings) expect(f.message.length).toBeGreaterThan(10);

    // Every location is a place in the revision, or in the base for what is gone.
    const base = (await loadSource(path.join(dir, 'base.yaml'), process.cwd())).bundled;
    const revision = (await loadSource(path.join(dir, 'revision.yaml'), process.cwd())).bundled;
    for (const f of report.findings) {
      const found: Json | undefined = resolveLocation(revision, f.location) ?? resolveLocation(base, f.location);
      expect(found, `${f.id} at ${f.location}`).toBeDefined();
    }
  });
});
