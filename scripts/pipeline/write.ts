// Stage 6, write: the whole output goes to a temporary folder beside the
// target, then the target is swapped for it. Any error before the swap leaves
// the target exactly as it was; stale files vanish because the folder is
// replaced, not merged. `--check` compares instead of writing.
import { mkdirSync, writeFileSync, renameSync, rmSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FileMap } from '../render/render.ts';

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

export function writeOutput(outDir: string, files: FileMap): void {
  for (const file of files.keys()) assertSafeRelativePath(file);
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  mkdirSync(parent, { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const temp = path.join(parent, `.${path.basename(target)}.tmp-${stamp}`);
  const backup = path.join(parent, `.${path.basename(target)}.old-${stamp}`);
  try {
    for (const [file, text] of files) {
      const full = path.join(temp, file);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
    const hadTarget = existsSync(target);
    if (hadTarget) renameSync(target, backup);
    try {
      renameSync(temp, target);
    } catch (e) {
      if (hadTarget) renameSync(backup, target);
      throw e;
    }
    if (hadTarget) rmSync(backup, { recursive: true, force: true });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

export interface StaleReport {
  changed: string[];
  missing: string[];
  extra: string[];
}

/** What differs between the folder on disk and the files that would be written. */
export function compareOutput(outDir: string, files: FileMap): StaleReport {
  const onDisk = new Set(listFiles(path.resolve(outDir)));
  const report: StaleReport = { changed: [], missing: [], extra: [] };
  for (const [file, text] of files) {
    if (!onDisk.has(file)) report.missing.push(file);
    else if (readFileSync(path.join(outDir, file), 'utf8') !== text) report.changed.push(file);
    onDisk.delete(file);
  }
  report.extra = [...onDisk].sort();
  return report;
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) out.push(...listFiles(full, rel));
    else out.push(rel);
  }
  return out;
}
