// The if/then unions of request bodies, checked by the compiler:
// discriminated-bodies.types.ts compiles as written (so every
// `@ts-expect-error` there meets an error: an unused one is itself an
// error), and with the directives taken out it fails exactly on the lines
// they stood above, so each expected error is real and sits where it says.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, scratchGroup } from '../generator/support/paths.ts';
import { typecheck, type TscResult } from '../generator/support/tsc.ts';

const source = readFileSync(path.join(repoRoot, 'test/client/discriminated-bodies.types.ts'), 'utf8');
const DIRECTIVE = /^\s*\/\/ @ts-expect-error\b.*$/;

/** The file without its directives, and the 1-based lines (in that text) that must fail. */
function withoutDirectives(text: string): { text: string; failing: number[] } {
  const kept: string[] = [];
  const failing: number[] = [];
  for (const line of text.split('\n')) {
    if (DIRECTIVE.test(line)) failing.push(kept.length + 1);
    else kept.push(line);
  }
  return { text: kept.join('\n'), failing };
}

/** 1-based lines of `file` that tsc reports errors on. */
const errorLines = (result: TscResult, file: string): number[] =>
  [...result.output.matchAll(new RegExp(`${file.replace('.', '\\.')}\\((\\d+),\\d+\\): error`, 'g'))].map((m) =>
    Number(m[1]),
  );

let asWritten: TscResult;
let bare: TscResult;
const stripped = withoutDirectives(source);

beforeAll(async () => {
  // The copies sit two levels under the repository, like test/client/, so their relative imports hold.
  const dir = scratchGroup('discriminated-bodies');
  writeFileSync(path.join(dir, 'as-written.ts'), source);
  writeFileSync(path.join(dir, 'bare.ts'), stripped.text);
  // One after the other: typecheck writes the folder's tsconfig.json.
  asWritten = await typecheck(dir, [path.join(dir, 'as-written.ts')]);
  bare = await typecheck(dir, [path.join(dir, 'bare.ts')]);
}, 240_000);

describe('request bodies typed by if/then rules (tsc --strict)', () => {
  it('the file expects errors on every wrong combination (keyType/keyStore, empty keyStore, action/stage)', () => {
    expect(stripped.failing.length).toBe(15);
  });

  it('compiles as written: every right combination is accepted and every expected error occurs', () => {
    expect(asWritten.output).toBe('');
    expect(asWritten.ok).toBe(true);
  });

  it('without the directives, fails on exactly the lines they marked, and nowhere else', () => {
    expect(bare.ok).toBe(false);
    expect([...new Set(errorLines(bare, 'bare.ts'))].sort((a, b) => a - b)).toEqual(stripped.failing);
  });
});
