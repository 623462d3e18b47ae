// The fresh project the package tests install the tarball into: a manifest
// that depends on the tarball (and @types/node, as a Node user's project
// does), and a lock file whose entries for the package's dependencies are
// copied from this repository's lock, so `npm install --offline` finds every
// tarball in npm's cache and never needs the registry.
import { createHash } from 'node:crypto';

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
