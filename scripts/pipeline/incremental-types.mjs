// openapi-typescript's output recomputed only for what changed. A full print
// of a large spec costs most of a one-resource regeneration; after such a
// change almost every member of the output is the same bytes as last time.
//
// The cache (one JSON file per spec root in the generation's cache folder,
// replaced each run; the 32 most recently printed specs are kept) holds the previous raw output text, a hash of each
// top-level fragment of the bundled document it was printed from (each
// `paths[p]`, each `components.<section>[name]` of the sections
// openapi-typescript prints, and "the rest": every other key, webhooks and
// $defs included), the operationIds each path item printed into
// `operations`, and a salt of everything the text depends on globally
// (openapi-typescript's and TypeScript's versions, the transform options,
// the discriminator scan).
//
// What a member's printed text depends on, read from openapi-typescript's
// transform (dist/transform/*-object): its own fragment; the fragments its
// $refs point into, which `ctx.resolve` reads (an allOf member's properties,
// a parameter's `in`/`name`, a request body's `required`), following $ref
// chains; the discriminator scan, which also patches mapped schemas in the
// document (hashes are taken after the scan, so a patch shows as a change);
// the options. A $ref itself prints as `components["schemas"]["X"]`,
// whatever X holds. So after a change, the members to reprint are the changed
// fragments and, transitively, every fragment with a $ref into one of them.
// Those are printed by openapi-typescript's own transform over a document
// holding only them, with the full document's resolve and discriminators,
// and spliced into the previous text at their places (printed-members.mjs).
//
// Anything this cannot prove local falls back to the full print: a fragment
// added, removed or renamed (or the fragment order changed), the rest
// changed, a different salt, a path item whose operationIds changed, a
// footer helper (`WithRequired`) gained or lost by a member, or a previous
// text that is not laid out as expected. A missing, corrupt or foreign cache
// entry is ignored. Plain JavaScript so the worker thread can load it.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { printedMembers } from './printed-members.mjs';

const FORMAT = 'astra-raw-types-v1';

/** openapi-typescript's transformers for these `components` sections (components-object's list); other sections print nothing. */
const PRINTED_SECTIONS = ['schemas', 'responses', 'parameters', 'requestBodies', 'headers', 'pathItems'];

const REST = '#rest';

/** The cache file for the spec whose root file is `rootFile`, in the generation's cache folder. */
export function rawTypesCacheFile(cacheDir, rootFile) {
  const key = createHash('sha256').update(path.resolve(rootFile)).digest('hex').slice(0, 24);
  return path.join(cacheDir, 'raw-types', `${key}.json`);
}

/**
 * The raw text `print(document)` gives, computed from the previous run's text
 * where only some members can have changed.
 *
 * `print(part)` prints a document made of some of `document`'s fragments, with
 * `document`'s resolve and discriminator scan (done before this call, so the
 * hashes see its patches); `salt` names everything else the text depends on.
 * `parseRef` is the pointer parser openapi-typescript's resolve uses.
 * `report`, if given, is told which way the text was made.
 *
 * The entry for the next run is written after the text is handed over (by
 * then a worker has posted it): settleRawTypesCache() waits for it.
 */
export function printWithCache(document, { print, salt, cacheFile, parseRef, report }) {
  const previous = previousEntry(cacheFile);
  // Without a usable entry the hashes only serve the next run: they are
  // taken after the text is handed over (on a large spec, with no entry, the
  // print is what the main thread waits for).
  let fragments = previous && previous.salt === salt ? documentFragments(document, parseRef) : null;
  let text = fragments ? spliceChanges(previous, document, fragments, print) : null;
  report?.(text === null ? 'full' : 'incremental');
  if (text === null) text = print(document);
  saving = saving.then(
    () =>
      new Promise((resolve) =>
        setImmediate(() => {
          try {
            fragments ??= documentFragments(document, parseRef);
            writeEntry(cacheFile, { format: FORMAT, salt, fragments, text }, document);
          } catch {
            // An entry that cannot be written only makes the next print a full one.
          }
          resolve();
        }),
      ),
  );
  return text;
}

// This thread's cache work in order: entries being written, an entry being
// read ahead of its print.
let saving = Promise.resolve();

/** Resolves once every entry printWithCache() queued in this thread is written (and any read ahead is done). */
export function settleRawTypesCache() {
  return saving;
}

let readAhead = null;

/**
 * Reads the entry for `cacheFile` and finds its members now, so the print
 * that follows starts from them: the worker does this while the main thread
 * loads the spec, instead of after.
 */
export function prepareRawTypesCache(cacheFile) {
  saving = saving.then(() => {
    try {
      const entry = readEntry(cacheFile);
      readAhead = entry && { cacheFile, entry, members: printedMembers(entry.text) };
    } catch {
      readAhead = null; // the print reads the entry itself
    }
  });
  return saving;
}

/** The stored entry for `cacheFile` (with its members when read ahead), or null. */
function previousEntry(cacheFile) {
  const ahead = readAhead;
  readAhead = null;
  if (ahead?.cacheFile === cacheFile) return { ...ahead.entry, members: ahead.members };
  return readEntry(cacheFile);
}

/**
 * Each fragment of the document by id, in document order: its hash, the ids
 * its $refs point into (`*` for a $ref this cannot map), and for a path item
 * the operationIds it prints into `operations`.
 */
function documentFragments(document, parseRef) {
  const ids = fragmentIds(document);
  const known = new Set(ids.map(([id]) => id));
  const targets = new Map();
  const targetOf = (ref) => {
    let target = targets.get(ref);
    if (target === undefined) {
      const id = fragmentOfPointer(parseRef(ref).pointer);
      target = id === null ? REST : known.has(id) ? id : '*';
      targets.set(ref, target);
    }
    return target;
  };
  const fragments = [];
  for (const [id, value] of ids) {
    const json = JSON.stringify(value) ?? 'undefined';
    const refs = new Set();
    for (const ref of refsIn(json)) refs.add(ref === null ? '*' : targetOf(ref));
    refs.delete(id);
    const hash = createHash('sha256').update(json).digest('base64');
    const operations = id.startsWith('paths/') ? operationKeys(value) : [];
    fragments.push({ id, hash, refs: [...refs], operations });
  }
  return fragments;
}

// Every `"$ref":` member in a fragment's JSON, read off the text (much
// faster than walking the value). A string value is the reference; any other
// value, null (the caller then cannot tell what it depends on). A key spelled
// `$ref` that is not a reference (an example's) only adds a dependency.
const REF_RE = /"\$ref":("(?:[^"\\]|\\.)*"|.)/g;

function* refsIn(json) {
  if (!json.includes('"$ref":')) return;
  for (const match of json.matchAll(REF_RE)) yield match[1].startsWith('"') ? JSON.parse(match[1]) : null;
}

/** [id, value] per fragment, in document order; the rest is everything else, as one fragment. */
function fragmentIds(document) {
  const out = [];
  const rest = { ...document };
  if (isObject(document.paths)) {
    delete rest.paths;
    for (const [p, item] of Object.entries(document.paths)) out.push([fragmentId(['paths', p]), item]);
  }
  if (isObject(document.components)) {
    const otherComponents = { ...document.components };
    for (const section of PRINTED_SECTIONS) {
      const items = document.components[section];
      if (!isObject(items)) continue;
      delete otherComponents[section];
      for (const [name, item] of Object.entries(items)) out.push([fragmentId(['components', section, name]), item]);
    }
    rest.components = otherComponents;
  }
  out.push([REST, rest]);
  return out;
}

/** Ids are JSON-pointer-like but unambiguous (each token JSON-quoted past the kind). */
function fragmentId(tokens) {
  return `${tokens[0]}/${JSON.stringify(tokens.slice(1))}`;
}

/** The fragment a pointer (as tokens) lands in, or null when it is in the rest. */
function fragmentOfPointer(pointer) {
  if (pointer[0] === 'paths' && pointer.length >= 2) return fragmentId(pointer.slice(0, 2));
  if (pointer[0] === 'components' && pointer.length >= 3 && PRINTED_SECTIONS.includes(pointer[1]))
    return fragmentId(pointer.slice(0, 3));
  return null;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The keys path-item-object prints into `operations` for this item, in its order. */
function operationKeys(pathItem) {
  if (!isObject(pathItem) || '$ref' in pathItem) return [];
  const keys = [];
  for (const method of METHODS) {
    const operation = pathItem[method];
    if (isObject(operation) && !('$ref' in operation) && operation.operationId)
      keys.push(String(operation.operationId).replace(/#/g, '/'));
  }
  return keys;
}

/** The previous text with the members that may have changed reprinted; null when that cannot be proved exact. */
function spliceChanges(previous, document, fragments, print) {
  const changed = changedFragments(previous.fragments, fragments);
  if (changed === null) return null;
  if (changed.size === 0) return previous.text;
  const reprint = dependents(fragments, changed);
  // Beyond half the document, a full print costs about as much and proves itself.
  if (reprint.has(REST) || reprint.size * 2 > fragments.length) return null;

  const old = previous.members ?? printedMembers(previous.text);
  const freshText = print(partOf(document, reprint));
  const fresh = printedMembers(freshText);
  if (!old || !fresh) return null;
  const expected = expectedCounts(
    fragments.filter((f) => reprint.has(f.id)),
    document,
  );
  if (!hasCounts(fresh, expected)) return null;

  const replacements = [];
  for (const [section, members] of fresh.sections) {
    for (const [key, span] of members) {
      const at = old.sections.get(section)?.get(key);
      if (!at) return null;
      replacements.push({ at, text: freshText.slice(span.start, span.end) });
    }
  }
  // A helper declaration (WithRequired) is printed once if any member uses
  // it, where its first user put it: members keep their use of it or the
  // full print decides.
  if (fresh.extras.some((name) => !old.extras.includes(name))) return null;
  for (const { at, text } of replacements) {
    const was = previous.text.slice(at.start, at.end);
    if (old.extras.some((name) => was.includes(name) !== text.includes(name))) return null;
  }
  return replaced(previous.text, replacements);
}

/** The ids of the fragments whose hash differs; null when the fragments themselves differ (added, removed, renamed, reordered) or a path item's operationIds changed. */
function changedFragments(before, now) {
  if (before.length !== now.length) return null;
  const changed = new Set();
  for (const [i, fragment] of now.entries()) {
    if (before[i].id !== fragment.id) return null;
    if (before[i].hash === fragment.hash) continue;
    if (JSON.stringify(before[i].operations) !== JSON.stringify(fragment.operations)) return null;
    changed.add(fragment.id);
  }
  return changed;
}

/** `text` with each replacement's span replaced, in one pass (copying the text once per member is quadratic). */
function replaced(text, replacements) {
  const pieces = [];
  let at = 0;
  for (const { at: span, text: member } of replacements.sort((a, b) => a.at.start - b.at.start)) {
    pieces.push(text.slice(at, span.start), member);
    at = span.end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

/** `changed` and every fragment that reaches one of them through $refs (`*` refs reach everything). */
function dependents(fragments, changed) {
  const referrers = new Map();
  const volatile = [];
  for (const f of fragments) {
    for (const ref of f.refs) {
      if (ref === '*') volatile.push(f.id);
      else if (referrers.has(ref)) referrers.get(ref).push(f.id);
      else referrers.set(ref, [f.id]);
    }
  }
  const out = new Set([...changed, ...volatile]);
  const stack = [...out];
  while (stack.length) {
    for (const next of referrers.get(stack.pop()) ?? []) {
      if (out.has(next)) continue;
      out.add(next);
      stack.push(next);
    }
  }
  return out;
}

/** A document holding only the given fragments, at their places. */
function partOf(document, ids) {
  const part = {};
  for (const [id, value] of fragmentIds(document)) {
    if (!ids.has(id) || id === REST) continue;
    const [kind, tokens] = [id.slice(0, id.indexOf('/')), JSON.parse(id.slice(id.indexOf('/') + 1))];
    if (kind === 'paths') (part.paths ??= {})[tokens[0]] = value;
    else ((part.components ??= {})[tokens[0]] ??= {})[tokens[1]] = value;
  }
  return part;
}

/** How many members the given fragments print into each section. */
function expectedCounts(fragments, document) {
  const counts = new Map();
  const add = (section, n) => n && counts.set(section, (counts.get(section) ?? 0) + n);
  for (const f of fragments) {
    if (f.id === REST) continue;
    const kind = f.id.slice(0, f.id.indexOf('/'));
    const tokens = JSON.parse(f.id.slice(f.id.indexOf('/') + 1));
    if (kind === 'paths') {
      // paths-object skips an entry that is not an object.
      if (isObject(document.paths[tokens[0]])) add('paths', 1);
      add('operations', f.operations.length);
    } else add(`components.${tokens[0]}`, 1);
  }
  return counts;
}

/** Whether each section holds exactly the expected number of members (webhooks, part of the rest, aside). */
function hasCounts(members, expected) {
  for (const [section, found] of members.sections)
    if (section !== 'webhooks' && found.size !== (expected.get(section) ?? 0)) return false;
  for (const [section, count] of expected) if ((members.sections.get(section)?.size ?? 0) !== count) return false;
  return true;
}

/** The stored entry, or null when it is missing, unreadable or not what this code writes. */
function readEntry(file) {
  let entry;
  try {
    entry = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  if (!isObject(entry) || entry.format !== FORMAT || typeof entry.salt !== 'string' || typeof entry.text !== 'string')
    return null;
  // The text must be the one stored with these hashes (not edited, not another entry's).
  if (entry.textHash !== textHash(entry.text, entry.fragments)) return null;
  const fragments = entry.fragments;
  if (!Array.isArray(fragments) || !fragments.every(isStoredFragment)) return null;
  return entry;
}

function isStoredFragment(f) {
  return (
    isObject(f) &&
    typeof f.id === 'string' &&
    typeof f.hash === 'string' &&
    Array.isArray(f.operations) &&
    f.operations.every((o) => typeof o === 'string')
  );
}

/**
 * Stores the text and its fragments, when the text is laid out so that the
 * next run can splice into it (each fragment's members where expected);
 * otherwise removes nothing and stores nothing new, so the next run prints in
 * full. Written to a temporary file and renamed: concurrent runs never read a
 * torn entry.
 */
function writeEntry(file, entry, document) {
  const members = printedMembers(entry.text);
  if (!members || !hasCounts(members, expectedCounts(entry.fragments, document))) return;
  const fragments = entry.fragments.map(({ id, hash, operations }) => ({ id, hash, operations }));
  const stored = { ...entry, fragments, textHash: textHash(entry.text, fragments) };
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}-${Date.now()}.tmp`;
  writeFileSync(temp, JSON.stringify(stored));
  renameSync(temp, file);
  pruneEntries(path.dirname(file));
}

/** Specs come and go (test fixtures, temporary copies): the folder keeps the most recently printed ones. */
const MAX_ENTRIES = 32;

function pruneEntries(dir) {
  const entries = readdirSync(dir).filter((name) => name.endsWith('.json'));
  if (entries.length <= MAX_ENTRIES) return;
  const newestFirst = entries
    .map((name) => ({ name, written: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.written - a.written);
  for (const { name } of newestFirst.slice(MAX_ENTRIES)) rmSync(path.join(dir, name), { force: true });
}

function textHash(text, fragments) {
  return createHash('sha256').update(JSON.stringify(fragments)).update('\0').update(text).digest('base64');
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
