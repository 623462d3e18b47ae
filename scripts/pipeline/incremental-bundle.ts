// The bundle again, without json-schema-ref-parser, when only content changed.
//
// swagger-parser's bundle (json-schema-ref-parser's lib/bundle.js) decides
// where every external value lands from the spec's structure alone: which
// objects are $refs (with which value and which sibling keys), the keys on
// the paths to them (its crawl sorts keys by length, `definitions`/`$defs`
// first, and numbers places by depth and pointer), the files and where each
// $ref's target is. Every other value is carried over untouched. So after a
// real bundle this module keeps two things in the cache folder: a hash of
// that structure (the skeleton), and a plan of the bundled document that says,
// node by node, which source file and place it came from and what the bundle
// changed there (a rewritten $ref, a value inlined from elsewhere). When the
// next run's skeleton hashes the same, the bundler would make the same
// decisions, so walking the plan over the new sources gives its document.
// Anything the plan cannot express (a $ref's siblings merged into its target,
// a scalar inlined, a value JSON would change) means no plan is kept; anything
// unexpected during the walk means the real bundle runs.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Json, JsonObject } from '../util/json.ts';

/** Where a node of a served source file sits: its file and its key in its parent. */
export interface Origin {
  file: string;
  parent: Origin | null;
  key: string;
}

/** One node of the plan: where it comes from when it moved, its new $ref, its children that differ. */
interface PlanNode {
  /** [file index, keys from the file's root]: set where the node is not its parent's source child. */
  from?: [number, string[]];
  ref?: string;
  kids?: Record<string, PlanNode>;
  array?: true;
}

interface StoredPlan {
  salt: string;
  root: string;
  skeleton: string;
  files: string[];
  plan: PlanNode;
  /** SHA-256 of the fields above as written: a file damaged since is not read. */
  digest: string;
}

const digestOf = (stored: Omit<StoredPlan, 'digest'>) =>
  createHash('sha256')
    .update(JSON.stringify([stored.salt, stored.root, stored.skeleton, stored.files, stored.plan]))
    .digest('hex');

/** A spec file as the plan knows it: its absolute path and parsed content. */
export interface PlanSource {
  absolute: string;
  content: Json;
}

const require = createRequire(import.meta.url);
const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
const SALT = JSON.stringify([
  'bundle-plan-v1',
  version('@apidevtools/swagger-parser'),
  version('@apidevtools/json-schema-ref-parser'),
]);

/** Thrown where the plan cannot follow; the caller runs the real bundle instead. */
class NoPlan extends Error {}

/**
 * The structure the bundler's decisions depend on, as a hash: the files,
 * every $ref (place, value, the keys of its object) in key order, and the kind
 * of value each $ref's target is. `targets` gives each $ref's target file and
 * fragment. Null when the structure is one the plan does not cover.
 */
export function skeletonOf(
  sources: PlanSource[],
  targetOf: (ref: string, fromFile: string) => { file: string; fragment: string } | null,
): string | null {
  const hash = createHash('sha256');
  const byPath = new Map(sources.map((s) => [s.absolute, s.content]));
  const kinds = new Map<string, string>();
  const kindOf = (file: string, fragment: string) => {
    const key = `${file}\0${fragment}`;
    let kind = kinds.get(key);
    if (kind === undefined) kinds.set(key, (kind = kindAt(byPath.get(file), fragment)));
    return kind;
  };
  for (const source of [...sources].sort((a, b) => (a.absolute < b.absolute ? -1 : 1))) {
    hash.update(`\0file\0${source.absolute}\0`);
    // The path to the node being walked, pushed and popped; spelled out only at a $ref.
    const at: string[] = [];
    const walk = (node: Json): boolean => {
      if (node === null || typeof node !== 'object') return true;
      const keys = Object.keys(node);
      if (!Array.isArray(node)) {
        // The crawl's key order is not well defined when both are present.
        if ('definitions' in node && '$defs' in node) return false;
        if ('$ref' in node) {
          const ref = node.$ref;
          const target = typeof ref === 'string' ? targetOf(ref, source.absolute) : null;
          const kind = target ? kindOf(target.file, target.fragment) : '';
          hash.update(JSON.stringify([at, ref, keys, kind]));
        }
      }
      for (const key of keys) {
        at.push(key);
        const ok = walk((node as JsonObject)[key]!);
        at.pop();
        if (!ok) return false;
      }
      return true;
    };
    if (!walk(source.content)) return null;
  }
  return hash.digest('hex');
}

/** What the bundler sees at a fragment: a $ref, an array, an object, a scalar type, or nothing. */
function kindAt(doc: Json | undefined, fragment: string): string {
  let node: Json | undefined = doc;
  if (fragment && fragment !== '#') {
    for (const raw of fragment.slice(2).split('/')) {
      const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, token)) {
        return 'missing';
      }
      node = (node as JsonObject)[token];
    }
  }
  if (node === undefined) return 'missing';
  if (node === null) return 'null';
  if (Array.isArray(node)) return 'array';
  if (typeof node === 'object') return '$ref' in node ? '$ref' : 'object';
  return typeof node;
}

/**
 * The plan of a bundled document: `origins` says where each of its objects
 * was in the served sources (bundleWithSwaggerParser records it), `sources`
 * holds those sources as parsed, untouched, the root first. Null when the document holds
 * something the plan cannot express.
 */
export function planOf(bundled: JsonObject, origins: WeakMap<object, Origin>, sources: PlanSource[]): PlanNode | null {
  const files = sources.map((s) => s.absolute);
  const index = new Map(files.map((f, i) => [f, i]));
  const content = new Map(sources.map((s) => [s.absolute, s.content]));
  const keysOf = (origin: Origin): string[] => {
    const keys: string[] = [];
    for (let o: Origin | null = origin; o?.parent; o = o.parent) keys.unshift(o.key);
    return keys;
  };
  const plan = (node: Json[] | JsonObject, parent: Origin | null, key: string): PlanNode | null => {
    const origin = origins.get(node);
    if (!origin || !index.has(origin.file)) throw new NoPlan('an object the bundle made (merged $ref siblings)');
    const keys = keysOf(origin);
    const source = lookup(content.get(origin.file)!, keys);
    if (source === null || typeof source !== 'object' || Array.isArray(source) !== Array.isArray(node)) {
      throw new NoPlan('not its source');
    }
    const names = Object.keys(node);
    const sourceNames = Object.keys(source);
    if (names.length !== sourceNames.length || names.some((n, i) => n !== sourceNames[i])) {
      throw new NoPlan('keys changed (a circular $ref)');
    }
    const out: PlanNode = {};
    const moved = parent === null || origin.parent !== parent || origin.key !== key;
    if (moved) out.from = [index.get(origin.file)!, keys];
    if (Array.isArray(node)) out.array = true;
    for (const name of names) {
      const value = (node as JsonObject)[name]!;
      const was = (source as JsonObject)[name];
      if (value !== null && typeof value === 'object') {
        const kid = plan(value, origin, name);
        if (kid) (out.kids ??= {})[name] = kid;
      } else if (name === '$ref' && typeof value === 'string' && typeof was === 'string' && !Array.isArray(node)) {
        if (value !== was) out.ref = value;
      } else if (!Object.is(value, was)) {
        throw new NoPlan('a scalar inlined in place of a $ref');
      }
    }
    return moved || out.ref !== undefined || out.kids ? out : null;
  };
  try {
    return plan(bundled, null, '');
  } catch (e) {
    if (e instanceof NoPlan) return null;
    throw e;
  }
}

function lookup(doc: Json, keys: string[]): Json | undefined {
  let node: Json | undefined = doc;
  for (const key of keys) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as JsonObject)[key];
  }
  return node;
}

/** The bundled document the plan gives over these sources, or null where it cannot follow them. */
export function replayPlan(plan: PlanNode, files: string[], sources: Map<string, Json>): JsonObject | null {
  const walk = (node: PlanNode, source: Json | undefined): Json => {
    if (!isPlanNode(node)) throw new NoPlan('not a plan');
    if (node.from !== undefined) {
      const [file, keys] = node.from;
      const doc = sources.get(files[file]!);
      if (doc === undefined) throw new NoPlan('no such file');
      source = lookup(doc, keys);
    }
    if (source === undefined) throw new NoPlan('no such place');
    if (node.kids === undefined && node.ref === undefined) return jsonCopy(source);
    if (source === null || typeof source !== 'object' || Array.isArray(source) !== (node.array === true)) {
      throw new NoPlan('kind changed');
    }
    const kids = node.kids ?? {};
    for (const name of Object.keys(kids))
      if (!Object.prototype.hasOwnProperty.call(source, name)) throw new NoPlan('gone');
    const out: Json[] | JsonObject = Array.isArray(source) ? [] : {};
    for (const name of Object.keys(source)) {
      const value = (source as JsonObject)[name]!;
      setOwn(out, name, Object.prototype.hasOwnProperty.call(kids, name) ? walk(kids[name]!, value) : jsonCopy(value));
    }
    if (node.ref !== undefined) {
      if (Array.isArray(out) || typeof out.$ref !== 'string' || typeof node.ref !== 'string')
        throw new NoPlan('no $ref');
      out.$ref = node.ref;
    }
    return out;
  };
  try {
    const root = sources.get(files[0]!);
    const out = walk(plan, root);
    return out !== null && typeof out === 'object' && !Array.isArray(out) ? out : null;
  } catch {
    // The plan is read from a file: whatever in it does not fit (a field of
    // another type, nesting too deep) means the real bundle runs.
    return null;
  }
}

/** Whether a value read back is shaped as planOf writes a node (its children are checked as they are walked). */
function isPlanNode(node: unknown): node is PlanNode {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return false;
  const { from, ref, kids, array } = node as Record<string, unknown>;
  const isPlace = (v: unknown) =>
    Array.isArray(v) &&
    v.length === 2 &&
    Number.isInteger(v[0]) &&
    Array.isArray(v[1]) &&
    v[1].every((k) => typeof k === 'string');
  const isKids = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  return (
    (from === undefined || isPlace(from)) &&
    (ref === undefined || typeof ref === 'string') &&
    (kids === undefined || isKids(kids)) &&
    (array === undefined || array === true)
  );
}

/**
 * A copy of a value as the bundle serves it (it reads each file through
 * JSON): a value JSON would change (an infinite number, -0) has no copy.
 */
function jsonCopy(value: Json): Json {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) {
      throw new NoPlan('not JSON');
    }
    return value;
  }
  if (Array.isArray(value)) return value.map(jsonCopy);
  const out: JsonObject = {};
  for (const key of Object.keys(value)) setOwn(out, key, jsonCopy(value[key]!));
  return out;
}

/** out[key] = value, as an own property even for `__proto__` (as JSON.parse makes it). */
function setOwn(out: Json[] | JsonObject, key: string, value: Json): void {
  if (key === '__proto__') {
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  } else (out as JsonObject)[key] = value;
}

/** The plan file of one root spec file, in the cache folder. */
function planFile(cacheDir: string, root: string): string {
  const name = createHash('sha256').update(root).digest('hex').slice(0, 16);
  return path.join(cacheDir, 'bundle-plans', `${name}.json`);
}

/**
 * The bundle from the stored plan, when there is one for this root with the
 * same skeleton and it follows the sources to the end; else null. The root is
 * files[0] of the plan.
 */
export function bundleFromPlan(
  cacheDir: string,
  root: string,
  skeleton: string,
  sources: PlanSource[],
): JsonObject | null {
  let stored: StoredPlan;
  try {
    stored = JSON.parse(readFileSync(planFile(cacheDir, root), 'utf8')) as StoredPlan;
  } catch {
    return null;
  }
  if (stored === null || typeof stored !== 'object') return null;
  if (stored.salt !== SALT || stored.root !== root || stored.skeleton !== skeleton) return null;
  if (stored.digest !== digestOf(stored)) return null;
  const byPath = new Map(sources.map((s) => [s.absolute, s.content]));
  const { files } = stored;
  if (!Array.isArray(files) || files.length !== byPath.size || files[0] !== root) return null;
  if (!files.every((f) => typeof f === 'string' && byPath.has(f))) return null;
  return replayPlan(stored.plan, files, byPath);
}

/** Keeps the plan of a real bundle for the next run, replacing this root's previous one. */
export function savePlan(cacheDir: string, skeleton: string, sources: PlanSource[], plan: PlanNode): void {
  const files = sources.map((s) => s.absolute);
  const fields = { salt: SALT, root: files[0]!, skeleton, files, plan };
  const stored: StoredPlan = { ...fields, digest: digestOf(fields) };
  const target = planFile(cacheDir, files[0]!);
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}-${Date.now()}.tmp`;
  writeFileSync(temp, JSON.stringify(stored));
  renameSync(temp, target);
}

/** Removes this root's plan (a real bundle ran and left none), so that a stale one is never read. */
export function forgetPlan(cacheDir: string, root: string): void {
  rmSync(planFile(cacheDir, root), { force: true });
}
