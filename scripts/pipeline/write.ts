// Stage 6, write. The output folder may hold files the user keeps there, so
// the writer replaces only what its stamp says it wrote last time:
// - a folder that holds nothing but the generator's own files (or does not
//   exist) is swapped whole for a temporary folder written beside it, so any
//   failure before the swap leaves it exactly as it was;
// - a folder that also holds other files gets the new files renamed into place
//   one by one from that temporary folder, and only the generator's old files
//   that are no longer produced are removed; the others are never touched;
// - a non-empty folder without a stamp was not written by the generator and
//   is refused, unless the caller passes `force`.
// `--check` compares instead of writing.
import {
  mkdirSync,
  writeFileSync,
  renameSync,
  rmSync,
  existsSync,
  readFileSync,
  readdirSync,
  rmdirSync,
} from 'node:fs';
import path from 'node:path';
import type { FileMap } from '../util/files.ts';
import { STAMP_FILE, filesUnder, readStamp } from './stamp.mjs';

/** Rejects any output path that is not a plain relative path inside the folder. */
export function assertSafeRelativePath(file: string): void {
  const normal = path.posix.normalize(file);
  if (
    !file ||
    path.isAbsolute(file) ||
    file.includes('\\') ||
    file.includes('\0') ||
    normal !== file ||
    normal.startsWith('../') ||
    normal === '..' ||
    normal.split('/').some((s) => s === '..' || s === '.' || s === '')
  ) {
    throw new Error(`refusing to write ${JSON.stringify(file)}: not a plain path inside the output folder`);
  }
}

/** The output folder holds files the generator did not write, and no stamp says it owns the folder. */
export class ForeignOutputError extends Error {
  constructor(
    readonly outDir: string,
    readonly foreign: string[],
  ) {
    const shown = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? `, … (${foreign.length} in all)` : '');
    super(
      `refusing to write into ${path.relative(process.cwd(), outDir) || '.'}/: it holds files the generator did not write (${shown}) and no ${STAMP_FILE}. ` +
        'Choose an empty folder, or pass --force to write beside those files (they are left alone).',
    );
  }
}

export interface WriteOptions {
  /** Write into a non-empty folder that has no stamp; its files are left alone. */
  force?: boolean;
}

export function writeOutput(outDir: string, files: FileMap, options: WriteOptions = {}): void {
  for (const file of files.keys()) assertSafeRelativePath(file);
  const target = path.resolve(outDir);
  const onDisk = filesUnder(target);
  const previous = readStamp(target);
  if (onDisk.length > 0 && !previous && !options.force) throw new ForeignOutputError(outDir, onDisk);
  const owned = new Set(previous?.files ?? []);
  const foreign = onDisk.filter((f) => !owned.has(f));

  const parent = path.dirname(target);
  mkdirSync(parent, { recursive: true });
  const tag = `${process.pid}-${Date.now()}`;
  const temp = path.join(parent, `.${path.basename(target)}.tmp-${tag}`);
  try {
    for (const [file, text] of files) {
      const full = path.join(temp, file);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
    if (foreign.length === 0) swapFolder(temp, target, tag);
    else mergeInto(temp, target, files, [...owned]);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Replaces `target` with `temp` whole; on failure `target` is put back. */
function swapFolder(temp: string, target: string, tag: string): void {
  const backup = path.join(path.dirname(target), `.${path.basename(target)}.old-${tag}`);
  const hadTarget = existsSync(target);
  if (hadTarget) renameSync(target, backup);
  try {
    renameSync(temp, target);
  } catch (e) {
    if (hadTarget) renameSync(backup, target);
    throw e;
  }
  if (hadTarget) rmSync(backup, { recursive: true, force: true });
}

/** Moves each new file into `target`, then removes the generator's own files it no longer produces. */
function mergeInto(temp: string, target: string, files: FileMap, previouslyWritten: string[]): void {
  // The stamp goes last: until it is in place, the old stamp still lists every
  // file a rerun may replace.
  const order = [...files.keys()].filter((f) => f !== STAMP_FILE);
  if (files.has(STAMP_FILE)) order.push(STAMP_FILE);
  for (const file of order) {
    const full = path.join(target, file);
    mkdirSync(path.dirname(full), { recursive: true });
    renameSync(path.join(temp, file), full);
  }
  for (const file of previouslyWritten) {
    if (files.has(file)) continue;
    rmSync(path.join(target, file), { force: true });
    removeEmptyParents(path.dirname(path.join(target, file)), target);
  }
}

function removeEmptyParents(dir: string, stopAt: string): void {
  while (dir.startsWith(stopAt + path.sep) && existsSync(dir) && readdirSync(dir).length === 0) {
    rmdirSync(dir);
    dir = path.dirname(dir);
  }
}

export interface StaleReport {
  changed: string[];
  missing: string[];
  extra: string[];
}

/** What differs between the folder on disk and the files that would be written. */
export function compareOutput(outDir: string, files: FileMap): StaleReport {
  const target = path.resolve(outDir);
  // Files the folder's stamp does not list are the user's, never stale.
  const stamp = readStamp(target);
  const owned = stamp && new Set(stamp.files);
  const onDisk = new Set(filesUnder(target).filter((f) => !owned || owned.has(f)));
  const report: StaleReport = { changed: [], missing: [], extra: [] };
  for (const [file, text] of files) {
    if (!onDisk.has(file)) report.missing.push(file);
    else if (readFileSync(path.join(outDir, file), 'utf8') !== text) report.changed.push(file);
    onDisk.delete(file);
  }
  report.extra = [...onDisk].sort();
  return report;
}
