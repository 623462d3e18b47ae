// The rule registry audit: every kind of structural change, in every case
// its catalogue entry declares, is claimed by exactly one rule or has a
// written reason for being left out; every rule file is registered; ids are
// stable kebab-case and match their file names.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANGE_KINDS, type ChangeKind, type Direction } from '../../scripts/diff/changes.ts';
import { classify, ruleFor } from '../../scripts/diff/classify.ts';
import { LEVELS, defineRule, type Rule } from '../../scripts/diff/rule.ts';
import { RULES, UNREPORTED } from '../../scripts/diff/rules/registry.ts';

const rulesDir = path.resolve(import.meta.dirname, '../../scripts/diff/rules');
const kinds = Object.keys(CHANGE_KINDS) as ChangeKind[];
const samples = kinds.flatMap((kind) =>
  CHANGE_KINDS[kind].cases.map(
    (facts) =>
      ({ kind, ...facts }) as { kind: ChangeKind; direction: Direction | null; required?: boolean; success?: boolean },
  ),
);

describe('rule registry', () => {
  it.each(samples.map((s) => [`${s.kind} ${JSON.stringify({ ...s, kind: undefined })}`, s] as const))(
    '%s is claimed by exactly one rule, or has a written reason',
    (_name, sample) => {
      const claimed = ruleFor(sample).map((r) => r.id);
      if (UNREPORTED[sample.kind] !== undefined) expect(claimed).toEqual([]);
      else expect(claimed).toHaveLength(1);
    },
  );

  it('gives reasons that are sentences, only for kinds that exist', () => {
    for (const [kind, reason] of Object.entries(UNREPORTED)) {
      expect(kinds).toContain(kind);
      expect(reason!.length).toBeGreaterThan(30);
    }
  });

  it('uses every rule for some case of its kind (no dead rules)', () => {
    for (const rule of RULES) {
      expect(kinds, rule.id).toContain(rule.kind);
      expect(
        samples.some((s) => ruleFor(s).includes(rule)),
        rule.id,
      ).toBe(true);
    }
  });

  it('registers every rule file, once, under its own id', () => {
    const files = readdirSync(rulesDir)
      .filter((f) => f !== 'registry.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(RULES.map((r) => r.id).sort()).toEqual(files);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(LEVELS).toContain(r.level);
    }
  });

  it('fails loudly on a change no rule claims (the audit above keeps this from happening)', () => {
    const onlyOne: Rule[] = [
      defineRule({ id: 'operation-added', level: 'non-breaking', kind: 'operation-added', message: () => 'added' }),
    ];
    const change = {
      kind: 'operation-removed' as const,
      operation: { method: 'GET', path: '/x' },
      direction: null,
      location: '#/paths/~1x/get',
      context: 'the operation',
      subject: '',
    };
    expect(() => classify([change], onlyOne)).toThrow(/no rule for a operation-removed change/);
  });
});
