// The no-op fast path. A stamp in the output folder records a hash of every
// input (the spec folder, the templates, the generator's own sources and
// config) and of every file written. When neither side has changed, there is
// nothing to regenerate and the pipeline is skipped entirely.
//
// Plain JavaScript (typed by stamp.d.mts) so that `npm run generate` can run
// this check with bare node, before paying for the TypeScript loader and the
// pipeline's dependencies.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const STAMP_FILE = '.generate-stamp.json';

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
// Code-unit order, never locale order (the same rule as util/order.ts).
const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function filesUnder(dir, prefix = '') {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort(byCodeUnit)) {
    if (name === 'node_modules' || name.startsWith('.check-')) continue;
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) out.push(...filesUnder(full, rel));
    else out.push(rel);
  }
  return out;
}

/** One hash over every input that can change the output. */
export function inputsHash(specFile, projectRoot) {
  const hash = createHash('sha256');
  const roots = [
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
  hash.update(path.basename(specFile));
  return hash.digest('hex');
}

/** The stamp file's text for the files about to be written. */
export function makeStamp(inputs, files, banner) {
  const hashes = {};
  for (const file of [...files.keys()].sort(byCodeUnit)) hashes[file] = sha256(files.get(file));
  return JSON.stringify({ 'x-generated': banner, inputs, files: hashes }, null, 2) + '\n';
}

/** True when the output folder holds exactly what the stamp says and the inputs are unchanged. */
export function isUpToDate(outDir, inputs) {
  const stampPath = path.join(outDir, STAMP_FILE);
  if (!existsSync(stampPath)) return false;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
  } catch {
    return false;
  }
  if (!stamp || stamp.inputs !== inputs || typeof stamp.files !== 'object') return false;
  const onDisk = filesUnder(outDir).filter((f) => f !== STAMP_FILE);
  if (onDisk.length !== Object.keys(stamp.files).length) return false;
  for (const file of onDisk) {
    const expected = stamp.files[file];
    if (!expected || sha256(readFileSync(path.join(outDir, file))) !== expected) return false;
  }
  return true;
}
