// The load stage skips swagger-parser's bundle where it would return the
// document unchanged (pipeline/load.ts, isBundled): one file whose $refs never
// point at another $ref. Every spec that takes that path must come out exactly
// as the bundle would have made it; every spec the bundle would change must
// still go through it.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleWithSwaggerParser, isBundled, load, readSpecTree, realpathSync } from '../../scripts/pipeline/load.ts';
import { synthesizeSpec } from '../../bench/support/synth-spec.mjs';
import { fixturesDir, repoRoot } from './support/paths.ts';

const scratch = path.join(repoRoot, '.test-out/bundle');

function writeSpec(name: string, text: string): string {
  const dir = path.join(scratch, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name.endsWith('.json') ? 'openapi.json' : 'openapi.yaml');
  writeFileSync(file, text);
  return file;
}

async function bothWays(specFile: string) {
  const { files, refs } = readSpecTree(specFile);
  const viaSwaggerParser = await bundleWithSwaggerParser(realpathSync(path.resolve(specFile)), files);
  const loaded = await load(specFile, { cacheDir: null });
  return { skipped: isBundled(files, refs), viaSwaggerParser, loaded: loaded.bundled };
}

const head = 'openapi: 3.1.0\ninfo: { title: T, version: "1" }\n';

describe('skipping the bundle of a spec that is one document already', () => {
  const singleFile = readdirSync(fixturesDir)
    .map((name) => path.join(fixturesDir, name, 'spec/openapi.yaml'))
    .filter(existsSync)
    .filter(
      (file) => !file.includes('/rejected/') && !file.includes('hostile-too-deep') && !file.includes('multi-file'),
    );

  it.each(singleFile.map((file) => [path.relative(fixturesDir, file), file]))(
    'gives exactly the bundle for %s',
    async (_name, file) => {
      const { skipped, viaSwaggerParser, loaded } = await bothWays(file);
      expect(skipped).toBe(true);
      expect(JSON.stringify(loaded)).toBe(JSON.stringify(viaSwaggerParser));
    },
  );

  it('gives exactly the bundle for a synthetic single-file spec of 40 resources', async () => {
    const file = writeSpec('synth.json', JSON.stringify(synthesizeSpec(40)));
    const { skipped, viaSwaggerParser, loaded } = await bothWays(file);
    expect(skipped).toBe(true);
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(viaSwaggerParser));
  });

  it('gives exactly the bundle with $refs to the root, to itself, with siblings, and into paths', async () => {
    const file = writeSpec(
      'edges',
      head +
        [
          'paths:',
          '  /a:',
          '    get:',
          '      responses:',
          "        '200':",
          '          description: ok',
          '          content:',
          '            application/json:',
          "              schema: { $ref: '#/components/schemas/B/properties/x' }",
          'components:',
          '  schemas:',
          "    B: { type: object, properties: { x: { type: string }, y: { $ref: '#/components/schemas/B', description: sib } } }",
          "    D: { allOf: [{ $ref: '#' }] }",
          "    E: { $ref: '#/paths/~1a/get/responses/200/content/application~1json' }",
          '',
        ].join('\n'),
    );
    const { skipped, viaSwaggerParser, loaded } = await bothWays(file);
    expect(skipped).toBe(true);
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(viaSwaggerParser));
  });

  it.each([
    [
      'a response that is a $ref to a $ref',
      "    Q: { $ref: '#/components/responses/R' }\n    R: { $ref: '#/components/responses/S' }\n    S: { description: s }\n",
      'responses',
    ],
    [
      'a schema that is a $ref to a $ref',
      "    A: { $ref: '#/components/schemas/B' }\n    B: { $ref: '#/components/schemas/C' }\n    C: { type: string }\n",
      'schemas',
    ],
  ])('still bundles a spec with %s (the bundle shortens the chain)', async (_name, members, group) => {
    const file = writeSpec(`chain-${group}`, `${head}paths: {}\ncomponents:\n  ${group}:\n${members}`);
    const { skipped, viaSwaggerParser, loaded } = await bothWays(file);
    expect(skipped).toBe(false);
    expect(JSON.stringify(viaSwaggerParser)).not.toBe(
      JSON.stringify(readSpecTree(file).files.values().next().value!.content),
    );
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(viaSwaggerParser));
  });

  it('still bundles a spec of several files', async () => {
    const { skipped, viaSwaggerParser, loaded } = await bothWays(path.join(repoRoot, 'spec/openapi.yaml'));
    expect(skipped).toBe(false);
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(viaSwaggerParser));
  });
});
