// Where generated code finds the runtime: by relative path in this
// repository's own generated/, as the package's `./runtime` export anywhere
// else (src/runtime-entry.ts either way).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_RUNTIME, runtimeImportFor } from '../../../scripts/render/runtime-import.ts';
import { repoRoot } from '../support/paths.ts';

describe('runtimeImportFor', () => {
  const own = runtimeImportFor(repoRoot, path.join(repoRoot, 'generated'));
  it.each([
    ['index.ts', '../src/runtime-entry.js'],
    ['client/credential.ts', '../../src/runtime-entry.js'],
  ])('in generated/, %s imports %s', (file, want) => {
    expect(own(file)).toBe(want);
    expect(path.resolve(repoRoot, 'generated', path.dirname(file), want)).toBe(
      path.join(repoRoot, 'src/runtime-entry.js'),
    );
  });

  it.each([
    ['another folder', path.join(repoRoot, '..', 'elsewhere')],
    ['a folder inside the repository', path.join(repoRoot, 'generated', 'nested')],
    ['a relative path that is not generated/', 'out'],
    ['no folder (compared only)', undefined],
  ])('for %s, the package export', (_, out) => {
    const specifier = runtimeImportFor(repoRoot, out);
    expect(specifier('index.ts')).toBe(PACKAGE_RUNTIME);
    expect(specifier('client/credential.ts')).toBe('astra-control-sdk/runtime');
  });

  it('the package export exists in package.json', async () => {
    const pkg = (await import('../../../package.json', { with: { type: 'json' } })).default as {
      exports: Record<string, unknown>;
    };
    expect(Object.keys(pkg.exports)).toContain('./' + PACKAGE_RUNTIME.split('/').slice(1).join('/'));
  });
});
