// A cache of answers by content: the value a pure step gave for an input,
// found again by a SHA-256 over everything the answer depends on (a salt
// naming the step's version and options, a name, the input text). A hit is
// therefore the very answer the step would give. The format stage keeps
// prettier's output here, the load stage each spec file's parsed value.
//
// One JSON file per cache, holding the entries the last run used (so it never
// grows beyond one generation's worth). It lives outside the output folder
// (node_modules/.cache/astra-control-sdk by default) and is written whole to a
// temporary file and renamed, so concurrent runs never read a torn file; at
// worst one run's entries replace another's.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface ContentCache<V> {
  /** The key of one input. */
  key(name: string, text: string): string;
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  /** Writes the entries this run used (read or added); a no-op without a folder. */
  save(): void;
}

/**
 * `dir` null gives a cache that never hits and saves nothing. `file` names the
 * cache in `dir`; `isValue` tells a stored entry this code wrote from anything
 * else, which is ignored.
 */
export function openContentCache<V>(
  dir: string | null,
  file: string,
  salt: string,
  isValue: (stored: unknown) => stored is V,
): ContentCache<V> {
  const target = dir && path.join(dir, file);
  const stored = target ? readEntries(target, isValue) : new Map<string, V>();
  const used = new Map<string, V>();
  const prefix = createHash('sha256').update(salt).digest('hex');
  return {
    key: (name, text) => createHash('sha256').update(`${prefix}\0${name}\0`).update(text).digest('hex'),
    get(key) {
      const hit = stored.get(key);
      if (hit !== undefined) used.set(key, hit);
      return hit;
    },
    set(key, value) {
      used.set(key, value);
    },
    save() {
      if (!dir || !target) return;
      mkdirSync(dir, { recursive: true });
      const temp = `${target}.${process.pid}-${Date.now()}.tmp`;
      writeFileSync(temp, JSON.stringify({ entries: Object.fromEntries(used) }));
      renameSync(temp, target);
    },
  };
}

/** The stored entries; none when the file is missing or not what this code writes. */
function readEntries<V>(file: string, isValue: (stored: unknown) => stored is V): Map<string, V> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return new Map();
  }
  const entries = (parsed as { entries?: unknown } | null)?.entries;
  if (entries === null || typeof entries !== 'object' || Array.isArray(entries)) return new Map();
  return new Map(Object.entries(entries).filter((e): e is [string, V] => isValue(e[1])));
}
