// package.json and the tarball's contents: the exports map follows the entry
// table (scripts/build/entries.mjs), types first; the tarball holds what
// users need and nothing of the toolchain; dependencies are exactly what the
// shipped JavaScript imports.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPath, entries, exportsBlock, formats } from '../../scripts/build/entries.mjs';
import { packed, repoRoot } from './support/packed.ts';

interface Manifest {
  name: string;
  description?: string;
  keywords?: string[];
  license?: string;
  repository?: { type: string; url: string };
  sideEffects?: boolean;
  engines?: { node?: string };
  exports: Record<string, unknown>;
  main?: string;
  types?: string;
  typesVersions?: Record<string, Record<string, string[]>>;
  dependencies?: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const installed = () => path.join(packed().consumer, 'node_modules', manifest.name);

describe('exports map', () => {
  it('has one block per entry of the table, plus ./package.json', () => {
    expect(Object.keys(manifest.exports)).toEqual([...entries.map((e) => e.subpath), './package.json']);
  });

  it.each(entries.map((e) => [e.subpath, e.source]))(
    '%s points at the build of %s, types first in each condition',
    (subpath, source) => {
      const block = manifest.exports[subpath] as Record<string, Record<string, string>>;
      const want = exportsBlock(source);
      expect(block, `package.json exports["${subpath}"] should be ${JSON.stringify(want)}`).toEqual(want);
      for (const condition of Object.keys(block))
        expect(Object.keys(block[condition]!)[0], `${subpath} ${condition}`).toBe('types');
    },
  );

  it('main, types and typesVersions serve resolvers that predate exports (node10) with the CommonJS build', () => {
    const cjs = formats.find((f) => f.name === 'cjs')!;
    const root = entries.find((e) => e.subpath === '.')!;
    expect(manifest.main).toBe(builtPath(cjs.dir, root.source, '.js'));
    expect(manifest.types).toBe(builtPath(cjs.dir, root.source, '.d.ts'));
    const subpaths = entries.filter((e) => e.subpath !== '.');
    expect(manifest.typesVersions).toEqual({
      '*': Object.fromEntries(subpaths.map((e) => [e.subpath.slice(2), [builtPath(cjs.dir, e.source, '.d.ts')]])),
    });
  });
});

describe('package fields', () => {
  it('describes the package: description, keywords, repository, engines, no side effects', () => {
    expect(manifest.description).toMatch(/Astra Control/);
    expect(manifest.keywords).toEqual(expect.arrayContaining(['netapp', 'astra', 'openapi', 'sdk']));
    expect(manifest.repository).toEqual({ type: 'git', url: expect.stringMatching(/^git\+https:\/\/.+\.git$/) });
    expect(manifest.engines).toEqual({ node: '>=20' });
    expect(manifest.sideEffects).toBe(false);
  });

  it('is Apache-2.0, with the license text in LICENSE, shipped', () => {
    expect(manifest.license).toBe('Apache-2.0');
    const text = readFileSync(path.join(repoRoot, 'LICENSE'), 'utf8');
    expect(text).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(text).toContain('TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION');
    expect(text).toContain('END OF TERMS AND CONDITIONS');
    expect(packed().files).toContain('LICENSE');
  });
});

describe('tarball contents', () => {
  it('holds the build, the sources its declaration maps point to, and the package documents; nothing of the toolchain', () => {
    const files = packed().files;
    const allowed =
      /^(dist\/(esm|cjs)\/|src\/|generated\/(?!openapi\.json$|docs\/|api\.md$)[^]*\.ts$|scripts\/(model|util)\/[^/]+\.ts$|package\.json$|README\.md$|LICENSE$|CHANGELOG\.md$)/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    // The simulator (./testing) builds its routes with the generator's model
    // builder at start-up, so scripts/model and scripts/util ship (their
    // sources, for the declaration maps); nothing else of the generator does.
    const toolchain = (f: string) => f.startsWith('scripts/') && !/^scripts\/(model|util)\//.test(f);
    expect(files.filter(toolchain)).toEqual([]);
    for (const folder of ['test/', 'spec/', 'templates/', 'bench/', 'node_modules/', '.test-out/'])
      expect(
        files.filter((f) => f.startsWith(folder)),
        folder,
      ).toEqual([]);
  });

  it('holds every file the exports map names', () => {
    const named = entries.flatMap((e) => Object.values(exportsBlock(e.source)).flatMap((c) => [c.types, c.default]));
    for (const file of named) expect(packed().files, file).toContain(file.slice(2));
  });

  it('every declaration map points at a shipped source', () => {
    const maps = packed().files.filter((f) => f.endsWith('.d.ts.map'));
    expect(maps.length).toBeGreaterThan(50);
    for (const map of maps) {
      const { sources } = JSON.parse(readFileSync(path.join(installed(), map), 'utf8')) as { sources: string[] };
      for (const source of sources)
        expect(packed().files, `${map} → ${source}`).toContain(path.posix.join(path.posix.dirname(map), source));
    }
  });

  it('ships no JavaScript for type-only modules, and every relative import of the JavaScript it ships resolves in the tarball', () => {
    const js = packed().files.filter((f) => f.startsWith('dist/') && f.endsWith('.js'));
    expect(js.filter((f) => /\/generated\/(models\/|openapi-types\.js$)/.test(f))).toEqual([]);
    for (const file of js) {
      const text = readFileSync(path.join(installed(), file), 'utf8');
      for (const [, specifier] of text.matchAll(/(?:from|import|require\()\s*['"](\.{1,2}\/[^'"]+)['"]/g))
        expect(packed().files, `${file} imports ${specifier}`).toContain(
          path.posix.join(path.posix.dirname(file), specifier!),
        );
    }
  });

  it("keeps the methods' doc comments in the declarations editors show: the tree names each resource's type", () => {
    const index = readFileSync(path.join(installed(), 'dist/esm/generated/index.d.ts'), 'utf8');
    expect(index).toMatch(/^export interface AstraClientResources \{$/m);
    expect(index).toMatch(/^ {4}credentials: CredentialsResource;$/m);
    const credential = readFileSync(path.join(installed(), 'dist/esm/generated/client/credential.d.ts'), 'utf8');
    const getDoc =
      /\/\*\*(?:(?!\*\/)[^])*`GET \/accounts\/\{account_id\}\/core\/v1\/credentials\/\{credential_id\}`(?:(?!\*\/)[^])*\*\/\s*get: /;
    expect(credential).toMatch(getDoc);
  });

  it('dependencies are exactly the packages the shipped JavaScript imports', () => {
    const bare = new Set<string>();
    for (const file of packed().files.filter((f) => f.startsWith('dist/') && f.endsWith('.js'))) {
      const text = readFileSync(path.join(installed(), file), 'utf8');
      for (const [, specifier] of text.matchAll(/(?:from|import|require\()\s*['"]([^'"./][^'"]*)['"]/g)) {
        const name = specifier!.startsWith('@')
          ? specifier!.split('/').slice(0, 2).join('/')
          : specifier!.split('/')[0]!;
        if (!name.startsWith('node:') && !builtinModules.includes(name)) bare.add(name);
      }
    }
    expect([...bare].sort()).toEqual(Object.keys(manifest.dependencies ?? {}).sort());
  });
});
