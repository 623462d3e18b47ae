// What the global setup (setup.ts) hands every package test, and the tools
// they run against the installed package: Node and the repository's tsc.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import type { PackAndInstall } from '../../../bench/support/consumer-project.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The tarball, the fresh project (outside the repository) it is installed in, and every path in it, sorted. */
export type PackedPackage = PackAndInstall;

declare module 'vitest' {
  export interface ProvidedContext {
    pkg: PackedPackage;
  }
}

export const packed = (): PackedPackage => inject('pkg');

const run = promisify(execFile);

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `command` and returns its exit code and output instead of throwing. */
export async function runCommand(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<RunResult> {
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd,
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof err.code === 'number' ? err.code : 1,
      stdout: err.stdout ?? '',
      stderr: err.stderr ?? String(e),
    };
  }
}

/** Writes `<dir>/<name>.json` with these compiler options over `files`, and runs the repository's tsc on it. */
export function tsc(
  dir: string,
  name: string,
  compilerOptions: object,
  files: string[],
  flags: string[] = [],
): Promise<RunResult> {
  const config = path.join(dir, `${name}.json`);
  writeFileSync(config, JSON.stringify({ compilerOptions: { noEmit: true, ...compilerOptions }, files }, null, 2));
  return runCommand(
    process.execPath,
    [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', config, ...flags],
    dir,
  );
}
