// Type-checks TypeScript files under `tsc --strict` with the project's
// compiler options, in one invocation over a generated tsconfig.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './paths.ts';

const run = promisify(execFile);

export interface TscResult {
  ok: boolean;
  output: string;
}

/** Writes `<dir>/tsconfig.json` listing `files` (absolute) and runs tsc on it. */
export async function typecheck(dir: string, files: string[]): Promise<TscResult> {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noUncheckedIndexedAccess: true,
      // Generated code lands in users' projects, where this may be on.
      noUnusedLocals: true,
      skipLibCheck: true,
      allowImportingTsExtensions: true,
      noEmit: true,
      isolatedModules: true,
      types: [],
      // Output generated outside generated/ imports the runtime as the
      // package does; here that is the runtime's source.
      paths: { 'astra-control-sdk/runtime': [path.join(repoRoot, 'src/runtime-entry.ts')] },
    },
    files,
  };
  const tsconfig = path.join(dir, 'tsconfig.json');
  writeFileSync(tsconfig, JSON.stringify(config, null, 2));
  const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc');
  try {
    const { stdout, stderr } = await run(process.execPath, [tsc, '--strict', '-p', tsconfig], {
      cwd: repoRoot,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { ok: true, output: stdout + stderr };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` || err.message };
  }
}
