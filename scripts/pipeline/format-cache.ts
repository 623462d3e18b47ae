// Prettier's output remembered by content, so a regeneration formats only the
// files whose unformatted text changed (after a one-resource spec change,
// that resource's model and client modules and the few files that list every
// resource). An entry's key is a SHA-256 over everything prettier's answer
// depends on: its version, the resolved config, the parser, the file name
// and the text itself; a hit is therefore the very text prettier would print.
//
// One JSON file per cache folder, holding the entries the last run used (so
// it never grows beyond one generation's worth per folder). It lives outside
// the output folder (node_modules/.cache/astra-control-sdk by default) and is
// written whole to a temporary file and renamed, so concurrent runs never
// read a torn file; at worst one run's entries replace another's.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const CACHE_FILE = 'format-cache-v1.json';

export interface FormatCache {
  /** The key of one formatting job. */
  key(filepath: string, text: string): string;
  get(key: string): string | undefined;
  set(key: string, formatted: string): void;
  /** Writes the entries this run used (read or added); a no-op without a folder. */
  save(): void;
}

/**
 * `dir` null gives a cache that never hits and saves nothing. `salt` is
 * whatever besides the file decides prettier's output (version, config, parser).
 */
export function openFormatCache(dir: string | null, salt: string): FormatCache {
  const stored = dir ? readEntries(path.join(dir, CACHE_FILE)) : new Map<string, string>();
  const used = new Map<string, string>();
  const prefix = createHash('sha256').update(salt).digest('hex');
  return {
    key: (filepath, text) => createHash('sha256').update(`${prefix}\0${filepath}\0`).update(text).digest('hex'),
    get(key) {
      const hit = stored.get(key);
      if (hit !== undefined) used.set(key, hit);
      return hit;
    },
    set(key, formatted) {
      used.set(key, formatted);
    },
    save() {
      if (!dir) return;
      mkdirSync(dir, { recursive: true });
      const target = path.join(dir, CACHE_FILE);
      const temp = `${target}.${process.pid}-${Date.now()}.tmp`;
      writeFileSync(temp, JSON.stringify({ entries: Object.fromEntries(used) }));
      renameSync(temp, target);
    },
  };
}

/** The stored entries; none when the file is missing or not what this code writes. */
function readEntries(file: string): Map<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return new Map();
  }
  const entries = (parsed as { entries?: unknown } | null)?.entries;
  if (entries === null || typeof entries !== 'object' || Array.isArray(entries)) return new Map();
  return new Map(Object.entries(entries).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
