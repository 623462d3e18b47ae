// Descriptions are for users: they reach the generated types, TSDoc and docs.
// Provenance and disagreements with NetApp's material (its document, schema,
// workflows, toolkit; the seeds) belong in `x-astra-note` beside them
// (spec/CONVENTIONS.md), which the generator never prints.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { repoRoot } from './spec-fixture.ts';

/** Wording that cites NetApp's material or the seeds rather than describing the element. */
const MAINTAINER_NOTE =
  /\bNetApp(?:'s)?\s+(?:also\s+|own\s+)?(?:document|documents|documented|description|descriptions|schema|published|HTTP-details|workflow|field|toolkit|defines|examples|regex|pattern|Python|Ansible|operator|reference|spec|\d)|\b[Ss]eed \d{3}|NetApp\/|\bas NetApp\b/;

const specDir = path.join(repoRoot, 'spec');
const specFiles = ['', 'components', 'paths', 'schemas'].flatMap((dir) =>
  readdirSync(path.join(specDir, dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join(dir, f)),
);

/** Every `description` and `x-astra-note` string of a parsed file, with its JSON pointer. */
function texts(value: unknown, key: string, pointer = ''): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => texts(v, key, `${pointer}/${i}`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]): [string, string][] =>
    k === key && typeof v === 'string' ? [[`${pointer}/${k}`, v]] : texts(v, key, `${pointer}/${k}`),
  );
}

describe('maintainer notes', () => {
  const parsed = specFiles.map((f) => [f, YAML.parse(readFileSync(path.join(specDir, f), 'utf8'))] as const);

  it('no description cites NetApp’s material or a seed (that goes in x-astra-note)', () => {
    const bad = parsed.flatMap(([file, doc]) =>
      texts(doc, 'description')
        .filter(([, text]) => MAINTAINER_NOTE.test(text))
        .map(([pointer, text]) => `spec/${file}#${pointer}: ${text.slice(0, 80)}…`),
    );
    expect(bad).toEqual([]);
  });

  it('the notes moved out of descriptions are kept, each beside a description', () => {
    const notes = parsed.flatMap(([file, doc]) => texts(doc, 'x-astra-note').map(([p]) => `${file}#${p}`));
    expect(notes.length).toBeGreaterThan(50);
    for (const [, doc] of parsed)
      for (const [pointer] of texts(doc, 'x-astra-note')) {
        const owner = pointer
          .split('/')
          .slice(1, -1)
          .reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, doc);
        expect(owner.description, pointer).toEqual(expect.any(String));
      }
  });

  it('is recognised by the pattern (it can fail)', () => {
    expect(MAINTAINER_NOTE.test("NetApp's document declares one string parameter")).toBe(true);
    expect(MAINTAINER_NOTE.test('Seed 003 lists neither 401 nor 404')).toBe(true);
    expect(MAINTAINER_NOTE.test('sent to NetApp support once generated')).toBe(false);
  });
});
