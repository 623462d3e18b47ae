// The template engine keeps Handlebars' precompiled templates in a cache
// file: the output must not depend on whether a template came from it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Handlebars from 'handlebars';
import { loadTemplates } from '../../../scripts/render/engine.ts';
import { repoRoot } from '../support/paths.ts';

const scratch = path.join(repoRoot, '.test-out/engine');

function templatesDir(name: string, body: string): string {
  const dir = path.join(scratch, name, 'templates');
  rmSync(path.dirname(dir), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'partials'), { recursive: true });
  writeFileSync(path.join(dir, 'partials/greeting.hbs'), 'Hello, {{name}}');
  writeFileSync(path.join(dir, 'index.ts.hbs'), body);
  return dir;
}

describe('precompiled template cache', () => {
  it('renders the same text compiled afresh, cached cold and cached warm', () => {
    const dir = templatesDir('same', 'export const greeting = {{str (lookup this "text")}}; // {{> greeting}}\n');
    const cache = path.join(scratch, 'same', 'cache');
    const view = { name: 'Ada', text: "it's" };
    const fresh = loadTemplates(dir, null).render('index.ts', view);
    expect(fresh).toBe(`export const greeting = "it's"; // Hello, Ada\n`);
    expect(loadTemplates(dir, cache).render('index.ts', view)).toBe(fresh);
    expect(loadTemplates(dir, cache).render('index.ts', view)).toBe(fresh);
  });

  it('answers a template from its entry, found by the text, and compiles a changed template afresh', () => {
    const dir = templatesDir('by-content', '{{> greeting}}!\n');
    const cache = path.join(scratch, 'by-content', 'cache');
    expect(loadTemplates(dir, cache).render('index.ts', { name: 'Ada' })).toBe('Hello, Ada!\n');
    // Every entry now holds another template's compiled form.
    const file = path.join(cache, 'templates-v1.json');
    const entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    expect(Object.keys(entries)).toHaveLength(2);
    const other = Handlebars.precompile('from the cache\n') as string;
    writeFileSync(file, JSON.stringify(Object.fromEntries(Object.keys(entries).map((k) => [k, other]))));
    expect(loadTemplates(dir, cache).render('index.ts', { name: 'Ada' })).toBe('from the cache\n');

    // The changed template is compiled afresh; its unchanged partial still comes from the cache.
    writeFileSync(path.join(dir, 'index.ts.hbs'), '{{> greeting}}?\n');
    expect(loadTemplates(dir, cache).render('index.ts', { name: 'Ada' })).toBe('from the cache\n?\n');
  });

  it('ignores a cache file it cannot read', () => {
    const dir = templatesDir('corrupt', '{{> greeting}}.\n');
    const cache = path.join(scratch, 'corrupt', 'cache');
    mkdirSync(cache, { recursive: true });
    writeFileSync(path.join(cache, 'templates-v1.json'), '{"x": ');
    expect(loadTemplates(dir, cache).render('index.ts', { name: 'Ada' })).toBe('Hello, Ada.\n');
  });
});
