// The tools package users trust, on the very tarball the other package tests
// install: publint in strict mode and Are the Types Wrong for every entry
// point under node10, node16 (from CJS and from ESM) and bundler resolution.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { describe, expect, it } from 'vitest';
import { entries } from '../../scripts/build/entries.mjs';
import { packed, repoRoot, runCommand } from './support/packed.ts';

describe('publint --strict', () => {
  it('reports nothing, not even suggestions', async () => {
    const tarball = readFileSync(packed().tarball);
    const { messages, pkg } = await publint({
      pack: { tarball: new Uint8Array(tarball).buffer },
      strict: true,
      level: 'suggestion',
    });
    expect(messages.map((m) => `${m.type}: ${formatMessage(m, pkg) ?? m.code}`)).toEqual([]);
  });
});

interface AttwReport {
  analysis: {
    problems: unknown[];
    entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName: string } }> }>;
  };
}

describe('Are the Types Wrong', () => {
  it('finds no problem, and resolves every entry point in every mode', async () => {
    const attw = path.join(repoRoot, 'node_modules/@arethetypeswrong/cli/dist/index.js');
    const run = await runCommand(process.execPath, [attw, packed().tarball, '--format', 'json'], repoRoot);
    const report = JSON.parse(run.stdout) as AttwReport;
    expect(report.analysis.problems).toEqual([]);
    expect(run.code).toBe(0);
    const subpaths = entries.map((e) => e.subpath);
    expect(
      Object.keys(report.analysis.entrypoints)
        .filter((s) => s !== './package.json')
        .sort(),
    ).toEqual([...subpaths].sort());
    for (const subpath of subpaths) {
      const modes = report.analysis.entrypoints[subpath]!.resolutions;
      expect(Object.keys(modes).sort(), subpath).toEqual(['bundler', 'node10', 'node16-cjs', 'node16-esm']);
      for (const [mode, r] of Object.entries(modes))
        expect(r.resolution?.fileName, `${subpath} under ${mode}`).toMatch(/\.d\.ts$/);
    }
  });
});
