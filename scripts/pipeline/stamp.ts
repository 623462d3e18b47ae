// The no-op fast path. A stamp in the output folder records a hash of every
// input (the spec folder, the templates, the generator's own sources and
// config) and of every file written. When neither side has changed, there is
// nothing to regenerate and the pipeline is skipped entirely.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { compareText } from '../util/order.ts';

export const STAMP_FILE = '.generate-stamp.json';

export interface Stamp {
  'x-generated': string;
  inputs: string;
  files: Record<string, string>;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort(compareText)) {
    if (name === 'node_modules' || name.startsWith('.check-')) continue;
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) out.push(...filesUnder(full, rel));
    else out.push(rel);
  }
  return out;
}

/** One hash over every input that can change the output. */
export function inputsHash(specFile: string, projectRoot: string): string {
  const hash = createHash('sha256');
  const roots: [string, string][] = [
    ['spec', path.dirname(path.resolve(specFile))],
    ['templates', path.join(projectRoot, 'templates')],
    ['scripts', path.join(projectRoot, 'scripts')],
  ];
  for (const [label, dir] of roots) {
    for (const rel of filesUnder(dir)) {
      hash.update(`${label}/${rel}\0`);
      hash.update(readFileSync(path.join(dir, rel)));
      hash.update('\0');
    }
  }
  for (const file of ['package.json', 'package-lock.json', '.prettierrc.json']) {
    const full = path.join(projectRoot, file);
    if (existsSync(full)) hash.update(`${file}\0`).update(readFileSync(full)).update('\0');
  }
  hash.update(`${path.basename(specFile)}`);
  return hash.digest('hex');
}

export function makeStamp(inputs: string, files: Map<string, string>, banner: string): string {
  const hashes: Record<string, string> = {};
  for (const file of [...files.keys()].sort(compareText)) hashes[file] = sha256(files.get(file)!);
  const stamp: Stamp = { 'x-generated': banner, inputs, files: hashes };
  return JSON.stringify(stamp, null, 2) + '\n';
}

/** True when the output folder holds exactly what the stamp says and the inputs are unchanged. */
export function isUpToDate(outDir: string, inputs: string): boolean {
  const stampPath = path.join(outDir, STAMP_FILE);
  if (!existsSync(stampPath)) return false;
  let stamp: Stamp;
  try {
    stamp = JSON.parse(readFileSync(stampPath, 'utf8')) as Stamp;
  } catch {
    return false;
  }
  if (stamp.inputs !== inputs) return false;
  const onDisk = filesUnder(outDir).filter((f) => f !== STAMP_FILE);
  const listed = Object.keys(stamp.files);
  if (onDisk.length !== listed.length) return false;
  for (const file of onDisk) {
    const expected = stamp.files[file];
    if (!expected || sha256(readFileSync(path.join(outDir, file))) !== expected) return false;
  }
  return true;
}
