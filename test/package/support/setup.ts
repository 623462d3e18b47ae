// Global setup of the `package` test project: build and pack the package
// once (`npm pack`, whose prepack script runs `npm run build`), then install
// the tarball into a fresh project in a temporary folder, offline, from npm's
// cache (npm ci filled it), with the lock entries of its dependencies copied
// from this repository's lock file. Every package test reads the result
// through inject('pkg').
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { consumerManifest, consumerLock } from './consumer-project.ts';
import { repoRoot, type PackedPackage } from './packed.ts';

const run = promisify(execFile);
const npm = (args: string[], cwd: string) =>
  run('npm', args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, npm_config_update_notifier: 'false' } });

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string }[];
}

export default async function setup(project: TestProject): Promise<() => void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'astra-package-'));
  const { stdout } = await npm(['pack', '--json', '--pack-destination', work], repoRoot);
  // npm prints the prepack script's output before the JSON.
  const packed = (JSON.parse(stdout.slice(stdout.indexOf('[\n'))) as PackResult[])[0]!;
  const tarball = path.join(work, packed.filename);

  const consumer = path.join(work, 'consumer');
  const ownLock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8'));
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  mkdirSync(consumer);
  writeFileSync(
    path.join(consumer, 'package.json'),
    JSON.stringify(consumerManifest(packed.filename, manifest), null, 2),
  );
  writeFileSync(
    path.join(consumer, 'package-lock.json'),
    JSON.stringify(consumerLock(packed.filename, readFileSync(tarball), manifest, ownLock), null, 2),
  );
  await npm(['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], consumer);

  const pkg: PackedPackage = {
    tarball,
    consumer,
    packedSize: packed.size,
    unpackedSize: packed.unpackedSize,
    files: packed.files.map((f) => f.path).sort(),
  };
  project.provide('pkg', pkg);
  return () => rmSync(work, { recursive: true, force: true });
}
