// The proof that skipping prettier is safe: every TypeScript module the
// renderer marks as laid out in prettier's form (render/layout.ts and the
// views) is byte for byte what prettier prints for it, on the project's spec,
// every fixture spec (golden, hostile and non-Astra ones) and synthetic specs
// of 28 and 300 resources. The modules are compared as rendered, before the
// format stage, so prettier never had a hand in them; and the committed
// modules (generated/, the golden trees) are those rendered modules.
import { mkdirSync, readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as prettier from 'prettier';
import { load } from '../../../scripts/pipeline/load.ts';
import { buildModel } from '../../../scripts/model/build.ts';
import { loadTemplates } from '../../../scripts/render/engine.ts';
import { render } from '../../../scripts/render/render.ts';
import { runtimeImportFor } from '../../../scripts/render/runtime-import.ts';
import { GENERATOR_VERSION, generate } from '../../../scripts/generate.ts';
import { synthesizeSpec } from '../../../bench/support/synth-spec.mjs';
import { fixturesDir, repoRoot } from '../support/paths.ts';

const configFile = path.join(repoRoot, '.prettierrc.json');
const scratch = path.join(repoRoot, '.test-out/prettier-form');
const templates = loadTemplates(path.join(repoRoot, 'templates'), null);

/** The rendered files of a spec for the output folder `out`, and which modules the renderer vouches for. */
async function renderSpec(specFile: string, out?: string) {
  const spec = await load(specFile);
  const model = buildModel(spec.bundled);
  const banner = { generator: `astra-control-sdk generator ${GENERATOR_VERSION}`, specHash: model.specHash };
  const runtimeImport = runtimeImportFor(repoRoot, out);
  const files = await render(model, spec.bundled, templates, banner, Promise.resolve(''), runtimeImport);
  const modules = [...files.keys()].filter((f) => f.endsWith('.ts') && f !== 'openapi-types.ts');
  return { files, modules, vouched: modules.filter((f) => files.prettierForm.has(f)) };
}

/** '' when prettier prints `text` unchanged, else the file and its first differing line, both ways. */
async function prettierDifference(file: string, text: string): Promise<string> {
  const config = (await prettier.resolveConfig(configFile, { config: configFile })) ?? {};
  const formatted = await prettier.format(text, { ...config, parser: 'babel-ts', filepath: path.basename(file) });
  if (formatted === text) return '';
  const rendered = text.split('\n');
  const expected = formatted.split('\n');
  let i = 0;
  while (rendered[i] === expected[i]) i++;
  return `${file}:${i + 1}: rendered ${JSON.stringify(rendered[i] ?? '(end of file)')}, prettier ${JSON.stringify(expected[i] ?? '(end of file)')}`;
}

/**
 * Vouched modules that prettier would print otherwise, and modules that
 * differ from their committed copy in `committedDir` (when it has one).
 */
async function differences(specFile: string, label: string, committedDir?: string, out?: string) {
  const { files, modules, vouched } = await renderSpec(specFile, out);
  const report: string[] = [];
  for (const file of vouched) {
    const difference = await prettierDifference(file, files.get(file)!);
    if (difference) report.push(`${label}: ${difference}`);
  }
  for (const file of committedDir ? modules : []) {
    const committed = path.join(committedDir!, file);
    if (existsSync(committed) && readFileSync(committed, 'utf8') !== files.get(file))
      report.push(`${label}: ${file} differs from ${path.relative(repoRoot, committed)}`);
  }
  return { report, vouched: vouched.length, modules: modules.length };
}

function synthSpecFile(resources: number): string {
  mkdirSync(scratch, { recursive: true });
  const file = path.join(scratch, `synth-${resources}.json`);
  writeFileSync(file, JSON.stringify(synthesizeSpec(resources)));
  return file;
}

const fixtureSpecs = readdirSync(fixturesDir)
  .map((name) => ({ name, file: path.join(fixturesDir, name, 'spec/openapi.yaml') }))
  .filter((f) => existsSync(f.file) && !/rejected|too-deep/.test(f.name));

describe("generated TypeScript is rendered in prettier's form", () => {
  it('spec/: every module, each vouched for, and as committed in generated/', async () => {
    const generated = path.join(repoRoot, 'generated');
    const spec = path.join(repoRoot, 'spec/openapi.yaml');
    const { report, vouched, modules } = await differences(spec, 'spec', generated, generated);
    expect(report).toEqual([]);
    expect(vouched).toBe(modules);
    expect(modules).toBeGreaterThan(80);
  });

  it.each(fixtureSpecs)('fixture $name, and its golden tree', async ({ name, file }) => {
    const { report, vouched } = await differences(file, name, path.join(fixturesDir, name, 'expected'));
    expect(report).toEqual([]);
    // Hostile text may hold characters prettier measures otherwise: those modules go through prettier.
    if (!name.startsWith('hostile-')) expect(vouched).toBeGreaterThan(0);
  });

  it.each([28, 300])(
    'a synthetic spec of %i resources: every module, each vouched for',
    async (resources) => {
      const { report, vouched, modules } = await differences(synthSpecFile(resources), `synth-${resources}`);
      expect(report).toEqual([]);
      expect(vouched).toBe(modules);
    },
    120_000,
  );
});

describe('modules the renderer does not vouch for', () => {
  it('are valid TypeScript that the format stage leaves to prettier (a list of a union: `keyof (A | B)`)', async () => {
    const item = { oneOf: [{ $ref: '#/components/schemas/Thing' }, { $ref: '#/components/schemas/Other' }] };
    const spec = {
      openapi: '3.1.0',
      info: { title: 'Unions', version: '1.0.0' },
      paths: {
        '/things': {
          get: {
            operationId: 'listThings',
            summary: 'List things',
            'x-astra-pagination': 'none',
            parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }],
            responses: {
              '200': {
                description: 'A page.',
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      required: ['items', 'metadata'],
                      properties: { items: { type: 'array', items: item }, metadata: { type: 'object' } },
                    },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Thing: { type: 'object', properties: { name: { type: 'string' } } },
          Other: { type: 'object', properties: { size: { type: 'integer' } } },
        },
      },
    };
    mkdirSync(scratch, { recursive: true });
    const file = path.join(scratch, 'unions.json');
    writeFileSync(file, JSON.stringify(spec));
    const { files } = await renderSpec(file);
    const client = [...files.keys()].find((f) => f.startsWith('client/'))!;
    expect(files.prettierForm.has(client)).toBe(false);
    const formatted = (await generate(file, { cacheDir: null })).get(client)!;
    expect(formatted).toContain('keyof (Thing | Other)');
    expect(await prettierDifference(client, formatted)).toBe('');
  });
});
