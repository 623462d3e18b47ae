// scripts/cli.mjs, the entry of `npm run generate`, runs the generator
// compiled by esbuild (pipeline/compiled.mjs), not the sources the other
// tests import: it must write exactly what generate() returns, answer a
// rerun as a no-op before loading the pipeline, and print the usage.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../scripts/generate.ts';
import { fixturesDir, listFiles, repoRoot, scratchGroup } from './support/paths.ts';

const runCli = (args: string[]) =>
  spawnSync(process.execPath, [path.join(repoRoot, 'scripts/cli.mjs'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ASTRA_GENERATE_TIMINGS: '' },
  });

describe('npm run generate (scripts/cli.mjs)', () => {
  it('writes the files generate() returns, then answers a rerun as a no-op', async () => {
    const out = path.join(scratchGroup('cli-entry'), 'minimal-crud');
    const spec = path.join(fixturesDir, 'minimal-crud/spec/openapi.yaml');
    const first = runCli(['--spec', spec, '--out', out]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const files = await generate(spec, { out });
    expect(new Set(listFiles(out))).toEqual(new Set(files.keys()));
    for (const [file, text] of files) expect(readFileSync(path.join(out, file), 'utf8'), file).toBe(text);

    const again = runCli(['--spec', spec, '--out', out]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('no-op');
  }, 180_000);

  it('--help prints the usage and exits 0; an unknown flag exits 2 with the usage', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('usage: npm run generate');
    const wrong = runCli(['--frobnicate']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('unknown argument "--frobnicate"');
    expect(wrong.stderr).toContain('usage: npm run generate');
  }, 60_000);
});
