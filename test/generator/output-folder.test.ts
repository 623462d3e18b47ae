// The output folder belongs to the user: the generator replaces only what its
// stamp says it wrote, refuses a non-empty folder it did not write (unless
// --force), and its provenance stamp does not change when only the
// generator's own sources do.
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inputsHash } from '../../scripts/pipeline/stamp.mjs';
import { cli } from './support/cli.ts';
import { fixturesDir, listFiles, repoRoot, scratchGroup } from './support/paths.ts';

const rel = (p: string) => path.relative(repoRoot, p);
const crud = path.join(fixturesDir, 'minimal-crud/spec/openapi.yaml');
const nested = path.join(fixturesDir, 'nested-collections/spec/openapi.yaml');

let group: string;
beforeAll(() => {
  group = scratchGroup('output-folder');
});

function userFiles(dir: string): void {
  mkdirSync(path.join(dir, 'client'), { recursive: true });
  writeFileSync(path.join(dir, 'README.md'), '# my notes\n');
  writeFileSync(path.join(dir, 'client/custom.ts'), 'export const mine = 1;\n');
}

describe('--out into a folder the generator did not write', () => {
  it('is refused with a message naming the folder and its files, and the folder is left as it was', async () => {
    const out = path.join(group, 'foreign');
    userFiles(out);
    const run = await cli(['--spec', rel(crud), '--out', rel(out)]);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`refusing to write into ${rel(out)}`);
    expect(run.err).toContain('README.md');
    expect(run.err).toContain('--force');
    expect(listFiles(out)).toEqual(['README.md', 'client/custom.ts']);
  }, 60_000);

  it('with --force, writes beside the user files and leaves them byte for byte', async () => {
    const out = path.join(group, 'forced');
    userFiles(out);
    const run = await cli(['--spec', rel(crud), '--out', rel(out), '--force']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toBe('# my notes\n');
    expect(readFileSync(path.join(out, 'client/custom.ts'), 'utf8')).toBe('export const mine = 1;\n');
    expect(existsSync(path.join(out, '.generate-stamp.json'))).toBe(true);
    expect(existsSync(path.join(out, 'index.ts'))).toBe(true);
  }, 60_000);

  it('an empty folder is written without --force', async () => {
    const out = path.join(group, 'empty');
    mkdirSync(out, { recursive: true });
    const run = await cli(['--spec', rel(crud), '--out', rel(out)]);
    expect(run.code).toBe(0);
  }, 60_000);
});

describe('--out into a folder the generator wrote, with user files added since', () => {
  it('replaces and removes only the files it wrote; user files stay', async () => {
    const out = path.join(group, 'mixed');
    expect((await cli(['--spec', rel(nested), '--out', rel(out)])).code).toBe(0);
    const firstRun = listFiles(out);
    userFiles(out);

    // A spec with fewer resources: the generator's files it no longer produces go.
    const run = await cli(['--spec', rel(crud), '--out', rel(out)]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const stamp = JSON.parse(readFileSync(path.join(out, '.generate-stamp.json'), 'utf8')) as { files: string[] };
    expect(listFiles(out).sort()).toEqual([...stamp.files, 'README.md', 'client/custom.ts'].sort());
    const gone = firstRun.filter((f) => !stamp.files.includes(f));
    expect(gone.length).toBeGreaterThan(0);
    for (const f of gone) expect(existsSync(path.join(out, f)), f).toBe(false);
    expect(readFileSync(path.join(out, 'client/custom.ts'), 'utf8')).toBe('export const mine = 1;\n');

    // And a rerun with nothing changed is a no-op that still leaves them.
    const again = await cli(['--spec', rel(crud), '--out', rel(out)]);
    expect(again.out).toContain('no-op');
    expect(existsSync(path.join(out, 'README.md'))).toBe(true);
  }, 120_000);
});

describe('provenance and the no-op cache', () => {
  it('the stamp records the generator, the spec hash and the files written, and nothing about scripts/', async () => {
    const stamp = JSON.parse(readFileSync(path.join(repoRoot, 'generated/.generate-stamp.json'), 'utf8'));
    expect(Object.keys(stamp).sort()).toEqual(['files', 'generator', 'spec', 'x-generated']);
    expect(stamp.generator).toMatch(/^astra-control-sdk generator \d+\.\d+\.\d+/);
    expect(stamp.spec).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(stamp.files).toContain('client/credential.ts');
  });

  it('a comment added to a generator script changes the inputs hash but not the output: --check still passes', async () => {
    const copyRoot = path.join(group, 'project-copy');
    for (const dir of ['scripts', 'templates', 'spec'])
      cpSync(path.join(repoRoot, dir), path.join(copyRoot, dir), { recursive: true });
    for (const file of ['package.json', 'package-lock.json', '.prettierrc.json'])
      cpSync(path.join(repoRoot, file), path.join(copyRoot, file));
    const spec = path.join(copyRoot, 'spec/openapi.yaml');
    const before = inputsHash(spec, copyRoot);
    appendFileSync(path.join(copyRoot, 'scripts/model/naming.ts'), '\n// a contributor comment\n');
    expect(inputsHash(spec, copyRoot)).not.toBe(before);
    // The committed generated/ is compared by the real generator: the stamp
    // has nothing in it that a script edit can change.
    const run = await cli(['--check']);
    expect(run.code).toBe(0);
  }, 120_000);

  it('an output folder inside the spec folder is not an input: the rerun is a no-op', async () => {
    const specDir = path.join(group, 'spec-with-out');
    cpSync(path.dirname(crud), specDir, { recursive: true });
    const spec = path.join(specDir, 'openapi.yaml');
    const out = path.join(specDir, 'sdk');
    expect((await cli(['--spec', rel(spec), '--out', rel(out)])).code).toBe(0);
    const again = await cli(['--spec', rel(spec), '--out', rel(out)]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('no-op');
  }, 120_000);
});

describe('--help', () => {
  it('prints the usage with every flag and environment switch, and exits 0', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    for (const flag of [
      '--check',
      '--spec',
      '--out',
      '--force',
      '--help',
      'ASTRA_GENERATE_WORKER',
      'ASTRA_GENERATE_TIMINGS',
    ])
      expect(run.out).toContain(flag);
  });
});
