// Provenance and the no-op cache, kept apart.
//
// Provenance: the output folder holds `.generate-stamp.json`, recording which
// generator version wrote it from which spec, and the list of files it wrote.
// It changes only when the output changes, so editing a comment in scripts/
// never makes generated/ stale. The list is also how the writer knows which
// files are its own: it replaces those and never touches anything else.
//
// Cache: the no-op fast path compares a hash of every input (the spec's
// folder, templates/, scripts/, package files) and of every output file with
// what the last run recorded under node_modules/.cache/, one entry per output
// folder. The cache is local to a checkout and never committed.
//
// Plain JavaScript (typed by stamp.d.mts) so that `npm run generate` can run
// the no-op check with bare node, before paying for the TypeScript loader and
// the pipeline's dependencies.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const STAMP_FILE = '.generate-stamp.json';

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
// Code-unit order, never locale order (the same rule as util/order.ts).
const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** Every file under `dir`, relative, in code-unit order; `skip` is an absolute folder left out. */
export function filesUnder(dir, skip) {
  const out = [];
  const walk = (current, prefix) => {
    if (!existsSync(current)) return;
    for (const name of readdirSync(current).sort(byCodeUnit)) {
      if (name === 'node_modules' || name.startsWith('.check-')) continue;
      const full = path.join(current, name);
      if (skip && full === skip) continue;
      const rel = prefix ? `${prefix}/${name}` : name;
      if (statSync(full).isDirectory()) walk(full, rel);
      else out.push(rel);
    }
  };
  walk(dir, '');
  return out;
}

/**
 * One hash over every input that can change the output. The output folder is
 * never an input, even when it sits inside the spec's folder.
 */
export function inputsHash(specFile, projectRoot, outDir) {
  const hash = createHash('sha256');
  const skip = outDir ? path.resolve(outDir) : undefined;
  const roots = [
    ['spec', path.dirname(path.resolve(specFile))],
    ['templates', path.join(projectRoot, 'templates')],
    ['scripts', path.join(projectRoot, 'scripts')],
  ];
  for (const [label, dir] of roots) {
    for (const rel of filesUnder(dir, skip)) {
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

/** The provenance stamp's text: banner, generator, spec hash and the files written (the stamp included). */
export function makeStamp({ banner, generator, specHash }, fileNames) {
  const files = [...new Set([...fileNames, STAMP_FILE])].sort(byCodeUnit);
  return JSON.stringify({ 'x-generated': banner, generator, spec: `sha256:${specHash}`, files }, null, 2) + '\n';
}

/**
 * The files the generator wrote into `outDir` last time, from its stamp; null
 * when the folder has no stamp the generator can read (it did not write it).
 */
export function readStamp(outDir) {
  const stampPath = path.join(outDir, STAMP_FILE);
  if (!existsSync(stampPath)) return null;
  try {
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
    // Older stamps kept the files as an object of hashes.
    const files = Array.isArray(stamp?.files) ? stamp.files : Object.keys(stamp?.files ?? {});
    if (!files.every((f) => typeof f === 'string')) return null;
    return { files: [...new Set([...files, STAMP_FILE])] };
  } catch {
    return null;
  }
}

function cacheFile(projectRoot, outDir) {
  const key = sha256(path.resolve(outDir)).slice(0, 32);
  return path.join(projectRoot, 'node_modules/.cache/astra-control-sdk/generate', `${key}.json`);
}

/** Records, after a write, the inputs and the hash of every file written, for the next no-op check. */
export function recordCache(projectRoot, outDir, inputs, files, warnings = []) {
  const hashes = {};
  for (const file of [...files.keys()].sort(byCodeUnit)) hashes[file] = sha256(files.get(file));
  const target = cacheFile(projectRoot, outDir);
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify({ outDir: path.resolve(outDir), inputs, files: hashes, warnings }) + '\n');
  renameSync(temp, target);
}

/**
 * When the inputs are those of the last run into `outDir` and the folder still
 * holds exactly its files: that run's warnings (printed again, so that a no-op
 * says what the spec still declares that the client leaves out). Else null.
 */
export function upToDate(projectRoot, outDir, inputs) {
  const file = cacheFile(projectRoot, outDir);
  if (!existsSync(file)) return null;
  let cache;
  try {
    cache = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  if (!cache || cache.inputs !== inputs || typeof cache.files !== 'object' || cache.files === null) return null;
  const written = readStamp(outDir);
  if (!written) return null;
  const expected = Object.keys(cache.files);
  if (written.files.length !== expected.length) return null;
  for (const rel of expected) {
    const full = path.join(outDir, rel);
    if (!existsSync(full) || sha256(readFileSync(full)) !== cache.files[rel]) return null;
  }
  const { warnings } = cache;
  return Array.isArray(warnings) && warnings.every((w) => typeof w === 'string') ? warnings : [];
}
