// The fresh project the package tests and the package benchmark install the tarball into: a manifest
// that depends on the tarball (and @types/node, as a Node user's project
// does), and a lock file whose entries for the package's dependencies are
// copied from this repository's lock, so `npm install --offline` finds every
// tarball in npm's cache and never needs the registry.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

/** The consumer's @types/node: the version this repository pins. */
const TYPES = ['@types/node'];

interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  [field: string]: unknown;
}
interface Lock {
  packages: Record<string, LockEntry>;
}
interface Manifest {
  name: string;
  version: string;
  license?: string;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** `tarballName` lies beside the consumer folder. */
export function consumerManifest(tarballName: string, ownManifest: Manifest): object {
  return {
    name: 'astra-consumer',
    private: true,
    type: 'module',
    dependencies: {
      [ownManifest.name]: `file:../${tarballName}`,
      ...Object.fromEntries(TYPES.map((t) => [t, ownManifest.devDependencies![t]!])),
    },
  };
}

/** Copies `name`'s lock entry and those of its dependencies (hoisted, as npm lays them out). */
function copyEntries(name: string, from: Lock, into: Record<string, LockEntry>): void {
  const key = `node_modules/${name}`;
  if (into[key]) return;
  const entry = from.packages[key];
  if (!entry) throw new Error(`package-lock.json has no entry ${key}: run npm install`);
  const { dev: _dev, devOptional: _devOptional, peer: _peer, ...kept } = entry;
  into[key] = kept;
  for (const dep of Object.keys(entry.dependencies ?? {})) copyEntries(dep, from, into);
}

export function consumerLock(tarballName: string, tarball: Buffer, ownManifest: Manifest, ownLock: Lock): object {
  const manifest = consumerManifest(tarballName, ownManifest) as { name: string; dependencies: Record<string, string> };
  const packages: Record<string, LockEntry> = {
    '': { name: manifest.name, dependencies: manifest.dependencies },
    [`node_modules/${ownManifest.name}`]: {
      version: ownManifest.version,
      resolved: `file:../${tarballName}`,
      integrity: `sha512-${createHash('sha512').update(tarball).digest('base64')}`,
      license: ownManifest.license,
      dependencies: ownManifest.dependencies,
      engines: ownManifest.engines,
    },
  };
  for (const dep of [...Object.keys(ownManifest.dependencies ?? {}), ...TYPES]) copyEntries(dep, ownLock, packages);
  return { name: manifest.name, lockfileVersion: 3, requires: true, packages };
}

export interface PackAndInstall {
  /** The tarball `npm pack` wrote. */
  tarball: string;
  /** The fresh project, `<work>/consumer`, with the tarball installed. */
  consumer: string;
  /** What `npm pack --json` reports. */
  packedSize: number;
  unpackedSize: number;
  files: string[];
}

const npm = (args: string[], cwd: string) =>
  promisify(execFile)('npm', args, {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });

/**
 * `npm pack` in the repository (its prepack script runs `npm run build`),
 * then `npm install --offline` of the tarball into `<work>/consumer`.
 */
export async function packAndInstall(repoRoot: string, work: string): Promise<PackAndInstall> {
  const { stdout } = await npm(['pack', '--json', '--pack-destination', work], repoRoot);
  // npm prints the prepack script's output before the JSON.
  const [packed] = JSON.parse(stdout.slice(stdout.indexOf('[\n'))) as {
    filename: string;
    size: number;
    unpackedSize: number;
    files: { path: string }[];
  }[];
  const tarball = path.join(work, packed!.filename);
  const consumer = path.join(work, 'consumer');
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
  const ownLock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as Lock;
  mkdirSync(consumer);
  writeFileSync(
    path.join(consumer, 'package.json'),
    JSON.stringify(consumerManifest(packed!.filename, manifest), null, 2),
  );
  writeFileSync(
    path.join(consumer, 'package-lock.json'),
    JSON.stringify(consumerLock(packed!.filename, readFileSync(tarball), manifest, ownLock), null, 2),
  );
  await npm(['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], consumer);
  return {
    tarball,
    consumer,
    packedSize: packed!.size,
    unpackedSize: packed!.unpackedSize,
    files: packed!.files.map((f) => f.path).sort(),
  };
}
