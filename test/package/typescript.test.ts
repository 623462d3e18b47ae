// TypeScript consumers of the installed package compile under the strictest
// options users set (strict, exactOptionalPropertyTypes, noUnusedLocals,
// skipLibCheck off), with node16 resolution (ESM and CommonJS files, Node's
// types and no DOM) and bundler resolution (DOM types only).
import { cpSync, copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { packed, repoRoot, tsc } from './support/packed.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const STRICT = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  skipLibCheck: false,
  target: 'ES2022',
};
const MODES = {
  node16: { ...STRICT, module: 'node16', moduleResolution: 'node16', lib: ['ES2022'], types: ['node'] },
  bundler: {
    ...STRICT,
    module: 'preserve',
    moduleResolution: 'bundler',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    types: [],
  },
} as const;

let dir: string;
beforeAll(() => {
  dir = path.join(packed().consumer, 'ts');
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(path.join(here, 'consumers/ts')))
    copyFileSync(path.join(here, 'consumers/ts', file), path.join(dir, file));
  // The same consumer as a CommonJS module: node16 then resolves the require condition.
  copyFileSync(path.join(dir, 'uses-models.ts'), path.join(dir, 'uses-models-cjs.cts'));
  cpSync(path.join(repoRoot, 'test/fixtures/minimal-crud/expected'), path.join(dir, 'generated-elsewhere'), {
    recursive: true,
    filter: (f) => !/\.(md|json)$/.test(f),
  });
});

// One program per mode (each tsc run checks the package's declarations
// afresh): every consumer compiles, and the one deliberate misuse is the only
// error reported, which proves the program was really checked.
describe.each(Object.entries(MODES))('tsc --strict, moduleResolution %s', (mode, options) => {
  it('compiles consumers of the client, errors, filters, problems, model types, ./raw, ./runtime and a client generated elsewhere', async () => {
    const files = [
      'uses-models.ts',
      ...(mode === 'node16' ? ['uses-models-cjs.cts'] : []),
      'uses-generated-elsewhere.ts',
      'wrong.ts',
    ];
    const result = await tsc(dir, `tsconfig.${mode}`, options, files);
    expect(result.stdout.trim()).toBe(
      "wrong.ts(5,43): error TS2345: Argument of type 'number' is not assignable to parameter of type 'string'.",
    );
    expect(result.code).toBe(2);
  });
});

describe('the main entry stays cheap', () => {
  it("a program importing only 'astra-control-sdk' loads neither the spec's paths nor openapi-fetch's types", async () => {
    const result = await tsc(dir, 'tsconfig.main-only', MODES.bundler, ['main-entry-only.ts'], ['--listFilesOnly']);
    expect(result.stderr).toBe('');
    const loaded = result.stdout.split('\n').filter((f) => f.includes('/node_modules/'));
    expect(loaded.filter((f) => f.endsWith('/astra-control-sdk/dist/esm/src/index.d.ts'))).toHaveLength(1);
    expect(loaded.filter((f) => /openapi-types|openapi-fetch|openapi-typescript-helpers|raw-entry/.test(f))).toEqual(
      [],
    );
  });
});
