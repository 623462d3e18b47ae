// The README's TypeScript snippets, compiled as written against the installed
// package (one module each, node16 resolution, Node's types, tsc --strict),
// so the README cannot drift from the API. A snippet that imports an entry
// point the package does not have yet (./testing, until the simulator ships)
// is set aside and named; it is compiled from the moment the entry exists.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { entries } from '../../scripts/build/entries.mjs';
import { packed, repoRoot, tsc } from './support/packed.ts';
import { tsSnippets, type Snippet } from './support/snippets.ts';

const PACKAGE = 'astra-control-sdk';
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const snippets = tsSnippets(readme, PACKAGE);
const exported = new Set(entries.map((e) => (e.subpath === '.' ? PACKAGE : `${PACKAGE}/${e.subpath.slice(2)}`)));
const pending = (s: Snippet) => s.imports.filter((i) => !exported.has(i));
const fileOf = (s: Snippet) => `readme-line-${s.line}.ts`;

describe('README', () => {
  it('starts with the two newcomer commands', () => {
    const start = readme.split('\n').slice(0, 6).join('\n');
    expect(start).toMatch(
      /^# astra-control-sdk\n\n```sh\nnpm ci && npm run generate {2,}#[^\n]+\nnpm test {2,}#[^\n]+\n```/,
    );
  });

  it('has install first, then the quick start, and the benchmarks last', () => {
    const headings = readme.split('\n').filter((l) => l.startsWith('## '));
    expect(headings.slice(0, 2)).toEqual(['## Install', '## Quick start']);
    expect(headings.at(-1)).toBe('## Benchmarks');
    for (const topic of [
      'Authentication and token rotation',
      'Paging',
      'Include',
      'Filters',
      'Errors and problem types',
      'Retries, timeouts and redirects',
      'Testing your code against the simulator',
      'Regenerating from the spec',
      'Reviewing API changes',
    ])
      expect(headings, topic).toContain(`## ${topic}`);
  });

  it('links files that exist', () => {
    const links = [...readme.matchAll(/\]\(((?!https?:|#)[^)\s]+)\)/g)].map((m) => m[1]!);
    expect(links).toEqual(
      expect.arrayContaining(['generated/api.md', 'generated/docs/index.md', 'CONTRIBUTING.md', 'CHANGELOG.md']),
    );
    for (const link of links) expect(() => readFileSync(path.join(repoRoot, link)), link).not.toThrow();
  });

  it('has snippets to check, and sets aside only those that import an entry point not shipped yet', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(8);
    for (const s of snippets)
      expect(s.imports.length, `README.md:${s.line} imports nothing from ${PACKAGE}`).toBeGreaterThan(0);
    const setAside = snippets.filter((s) => pending(s).length);
    expect(setAside.flatMap(pending)).toEqual(setAside.map(() => `${PACKAGE}/testing`));
  });
});

describe('README snippets', () => {
  let dir: string;
  beforeAll(() => {
    dir = path.join(packed().consumer, 'readme');
    mkdirSync(dir, { recursive: true });
    for (const s of snippets) writeFileSync(path.join(dir, fileOf(s)), s.code);
  });

  it('compile as written against the installed package', async () => {
    const checked = snippets.filter((s) => !pending(s).length);
    const options = {
      strict: true,
      exactOptionalPropertyTypes: true,
      skipLibCheck: false,
      target: 'ES2022',
      module: 'node16',
      moduleResolution: 'node16',
      lib: ['ES2022'],
      types: ['node'],
    };
    const result = await tsc(dir, 'tsconfig', options, checked.map(fileOf));
    // Errors point back into the README: readme-line-40.ts(3,5) → README.md:42:5.
    const located = (result.stdout + result.stderr).replace(
      /readme-line-(\d+)\.ts\((\d+),(\d+)\)/g,
      (_, start, line, col) => `README.md:${Number(start) + Number(line) - 1}:${col}`,
    );
    expect(located).toBe('');
    expect(result.code).toBe(0);
  });
});
