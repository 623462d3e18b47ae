// Global setup of the `package` test project: build and pack the package
// once (`npm pack`, whose prepack script runs `npm run build`), then install
// the tarball into a fresh project in a temporary folder, offline, from npm's
// cache (npm ci filled it), with the lock entries of its dependencies copied
// from this repository's lock file (bench/support/consumer-project.ts).
// Every package test reads the result through inject('pkg').
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { packAndInstall } from '../../../bench/support/consumer-project.ts';
import { repoRoot } from './packed.ts';

export default async function setup(project: TestProject): Promise<() => void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'astra-package-'));
  project.provide('pkg', await packAndInstall(repoRoot, work));
  return () => rmSync(work, { recursive: true, force: true });
}
