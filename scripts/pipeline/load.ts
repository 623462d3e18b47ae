// Stage 1, load: read the root spec file and every file it refers to, parse
// YAML/JSON safely, refuse anything that is not a local file under the spec's
// folder, then let swagger-parser bundle the result into one document (or, with
// a cache folder and the spec's structure unchanged since the last bundle,
// rebuild its document from that bundle's plan: incremental-bundle.ts).
//
// Safety rules (issue: the spec is input we do not trust):
// - YAML: one document per file, unique keys, only core-schema tags, a small
//   alias budget (no "billion laughs"); errors carry line:column.
// - $ref: only relative references to files inside the spec's folder; http(s)
//   and absolute paths are refused before anything is read. Nothing is fetched.
import { readFileSync, realpathSync as fsRealpath, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import YAML from 'yaml';
import jsYaml from 'js-yaml';
import type SwaggerParser from '@apidevtools/swagger-parser';
import { parseJsonText } from './json-text.ts';
import { type Origin, bundleFromPlan, forgetPlan, planOf, savePlan, skeletonOf } from './incremental-bundle.ts';
import { type ContentCache, openContentCache } from './content-cache.ts';
import { type Diagnostic, SpecError, lineColumn, pointerOf } from '../util/diagnostics.ts';
import { type Json, type JsonObject, isObject, resolvePointer } from '../util/json.ts';

/**
 * realpath, remembered: a spec refers to the same few files thousands of
 * times, and each uncached call is several lstat system calls.
 */
const realpaths = new Map<string, string>();
export function realpathSync(file: string): string {
  let real = realpaths.get(file);
  if (real === undefined) realpaths.set(file, (real = fsRealpath(file)));
  return real;
}

export type { Json, JsonObject } from '../util/json.ts';
export { resolvePointer } from '../util/json.ts';

export interface SourceFile {
  /** Absolute, real path. */
  absolute: string;
  /** Path shown in messages (relative to the working directory). */
  display: string;
  content: Json;
}

export interface LoadedSpec {
  rootFile: string;
  specDir: string;
  files: Map<string, SourceFile>;
  /** Every $ref in every file, with where it stands. */
  refs: RefSite[];
  /** swagger-parser's bundle: one document, internal $refs only. */
  bundled: JsonObject;
  /**
   * How `bundled` was made: the root as it is (one file, already bundled),
   * from the last bundle's plan, or by swagger-parser.
   */
  bundledBy: BundledBy;
}

export type BundledBy = 'as-is' | 'plan' | 'swagger-parser';

const MAX_ALIASES = 100;

/**
 * How deep a value may sit in a spec file, in JSON-pointer tokens: the YAML
 * loader's own limit (js-yaml's default maxDepth of 100 admits values 98
 * collections deep), applied to every file whichever parser read it (the
 * `yaml` library and JSON.parse have no limit of their own), so a spec is
 * accepted or rejected the same way on every path. Checked right after
 * parsing, without recursion, so that no later stage (which all recurse)
 * meets anything deeper; each of them handles this depth.
 */
export const MAX_DEPTH = 98;
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export function displayPath(absolute: string): string {
  const rel = path.relative(process.cwd(), absolute);
  return rel && !rel.startsWith('..') ? rel : absolute;
}

/**
 * Anchors are the only way to aliases (and to alias bombs). A text without
 * any can take the fast path; this errs on the side of the slow one.
 */
const MAYBE_ANCHOR = /(^|[\s[{,:?-])&[^\s[\]{},]/;

/**
 * Parses one YAML or JSON text strictly. Most spec files are parsed by
 * js-yaml (CORE_SCHEMA: no custom or YAML 1.1 tags, duplicate keys and
 * several documents refused), several times faster than the `yaml` library.
 * Files with anchors, and every file js-yaml rejects, go through `yaml`,
 * which enforces the alias budget and gives the precise line:column
 * diagnostics; so what is accepted and what is reported never depends on
 * which parser ran first.
 */
export function parseSpecText(text: string, display: string): Json {
  if (!MAYBE_ANCHOR.test(text)) {
    try {
      return jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false, filename: display }) as Json;
    } catch {
      // Fall through: the strict path below reports it.
    }
  }
  return parseSpecTextStrict(text, display);
}

function parseSpecTextStrict(text: string, display: string): Json {
  const docs = YAML.parseAllDocuments(text, {
    uniqueKeys: true,
    schema: 'core',
    customTags: [],
    prettyErrors: true,
    strict: true,
  });
  const list = Array.isArray(docs) ? docs : [docs];
  const diagnostics: Diagnostic[] = [];
  if (list.length > 1) {
    const second = list[1]!;
    const lc = lineColumn(text, second.range[0]);
    diagnostics.push({
      file: display,
      pointer: lc,
      message: 'several YAML documents in one file; a spec file holds exactly one',
    });
  }
  const doc = list[0];
  if (!doc) return null;
  for (const err of [...doc.errors, ...doc.warnings]) {
    const pos = err.linePos?.[0];
    const where = pos ? `${pos.line}:${pos.col}` : '';
    // With no custom tags, an unknown tag (`!!js/function`, `!custom`) is a
    // TAG_RESOLVE_FAILED warning; every warning is refused like an error.
    const message =
      err.code === 'TAG_RESOLVE_FAILED'
        ? `unknown YAML tag: ${err.message.split('\n')[0]}`
        : `${err.code}: ${err.message.split('\n')[0]}`;
    diagnostics.push({ file: display, pointer: where, message });
  }
  if (diagnostics.length) throw new SpecError(dedupe(diagnostics));
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES }) as Json;
  } catch (e) {
    // The yaml library's error has no position; point at the first alias.
    let where = '';
    YAML.visit(doc, {
      Alias(_key, node) {
        if (node.range) where = lineColumn(text, node.range[0]);
        return YAML.visit.BREAK;
      },
    });
    throw new SpecError([
      {
        file: display,
        pointer: where,
        message: `YAML could not be read: ${(e as Error).message}${where ? ' (the first alias is here)' : ''}`,
      },
    ]);
  }
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.file}|${d.pointer}|${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Each file's parsed value, remembered by its text (content-cache.ts): a
 * regeneration after a change parses only the files that changed. Only values
 * that passed every check here and survive JSON unchanged are kept (YAML's
 * `.inf`, `.nan` and `-0` do not), so a hit is exactly what parsing would give.
 */
export type ParseCache = ContentCache<Json>;

const PARSER_VERSIONS = ['js-yaml', 'yaml'].map(
  (name) => `${name}@${(createRequire(import.meta.url)(`${name}/package.json`) as { version: string }).version}`,
);

export function openParseCache(dir: string): ParseCache {
  const salt = JSON.stringify(['parse-v1', PARSER_VERSIONS, MAX_DEPTH, MAX_ALIASES]);
  return openContentCache(dir, 'parse-cache-v1.json', salt, (v): v is Json => v !== undefined);
}

function readSpecFile(absolute: string, display: string, cache?: ParseCache): Json {
  const size = statSync(absolute).size;
  if (size > MAX_FILE_BYTES) {
    throw new SpecError([
      { file: display, pointer: '', message: `file is ${size} bytes; the limit is ${MAX_FILE_BYTES}` },
    ]);
  }
  const text = readFileSync(absolute, 'utf8');
  const isJson = absolute.endsWith('.json');
  const key = cache?.key(isJson ? 'json' : 'yaml', text);
  const hit = key === undefined ? undefined : cache!.get(key);
  if (hit !== undefined) return hit;
  // JSON files take the fast strict path; anything else is YAML (of which JSON is a subset).
  const content = isJson ? (parseJsonText(text, display) as Json) : parseSpecText(text, display);
  const { jsonFaithful } = assertNesting(content, display);
  if (key !== undefined && jsonFaithful) cache!.set(key, content);
  return content;
}

/**
 * Rejects a document with a value deeper than MAX_DEPTH, naming the first
 * such place; says whether JSON would carry the value unchanged.
 */
function assertNesting(content: Json, display: string): { jsonFaithful: boolean } {
  let jsonFaithful = true;
  // Each entry links to its parent, so no path is copied per node; the
  // pointer is spelled out only for the place that is too deep.
  interface Place {
    node: Json;
    key: string | number;
    parent: Place | null;
    depth: number;
  }
  const stack: Place[] = [{ node: content, key: '', parent: null, depth: 0 }];
  while (stack.length) {
    const place = stack.pop()!;
    if (place.depth > MAX_DEPTH) {
      const tokens: (string | number)[] = [];
      for (let p: Place | null = place; p?.parent; p = p.parent) tokens.unshift(p.key);
      throw new SpecError([
        {
          file: display,
          pointer: pointerOf(tokens),
          message: `nested more than ${MAX_DEPTH} levels deep; the generator stops here`,
        },
      ]);
    }
    const { node } = place;
    if (typeof node === 'number' && (!Number.isFinite(node) || Object.is(node, -0))) jsonFaithful = false;
    if (node === null || typeof node !== 'object') continue;
    const depth = place.depth + 1;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ node: node[i]!, key: i, parent: place, depth });
    } else {
      const keys = Object.keys(node);
      for (let i = keys.length - 1; i >= 0; i--)
        stack.push({ node: node[keys[i]!]!, key: keys[i]!, parent: place, depth });
    }
  }
  return { jsonFaithful };
}

export interface RefSite {
  file: SourceFile;
  pointer: string;
  ref: string;
}

/**
 * Reads the root and, following $refs, every file it reaches. Collects every
 * problem (refused refs, missing files, pointers that resolve to nothing)
 * before reporting, so one run names them all.
 */
export function readSpecTree(
  rootFile: string,
  cache?: ParseCache,
): { files: Map<string, SourceFile>; refs: RefSite[] } {
  // Links, and the working directory messages are relative to, may have
  // changed since the last run in this process.
  realpaths.clear();
  refTargets.clear();
  const rootAbs = path.resolve(rootFile);
  if (!existsSync(rootAbs)) {
    throw new SpecError([{ file: displayPath(rootAbs), pointer: '', message: 'spec file not found' }]);
  }
  const rootReal = realpathSync(rootAbs);
  const specDir = path.dirname(rootReal);
  const files = new Map<string, SourceFile>();
  const refs: RefSite[] = [];
  const diagnostics: Diagnostic[] = [];
  const queue: string[] = [rootReal];
  const parseFailures: SpecError[] = [];

  while (queue.length) {
    const abs = queue.shift()!;
    if (files.has(abs)) continue;
    const display = displayPath(abs);
    let content: Json;
    try {
      content = readSpecFile(abs, display, cache);
    } catch (e) {
      if (e instanceof SpecError) {
        parseFailures.push(e);
        files.set(abs, { absolute: abs, display, content: null });
        continue;
      }
      throw e;
    }
    const file: SourceFile = { absolute: abs, display, content };
    files.set(abs, file);
    walkRefs(content, [], (ref, tokens) => {
      const site = { file, pointer: pointerOf(tokens), ref };
      refs.push(site);
      const target = refTargetFile(ref, abs, specDir);
      if ('error' in target) {
        diagnostics.push({ file: display, pointer: site.pointer, message: target.error });
        return;
      }
      if (target.file && !files.has(target.file) && !queue.includes(target.file)) {
        if (!existsSync(target.file)) {
          diagnostics.push({
            file: display,
            pointer: site.pointer,
            message: `$ref ${JSON.stringify(ref)}: file ${displayPath(target.file)} does not exist`,
          });
          return;
        }
        const real = realpathSync(target.file);
        if (!isInside(real, specDir)) {
          diagnostics.push({
            file: display,
            pointer: site.pointer,
            message: `$ref ${JSON.stringify(ref)} leaves the spec folder ${displayPath(specDir)} (through a link); refused`,
          });
          return;
        }
        queue.push(real);
      }
    });
  }
  const all = [...parseFailures.flatMap((e) => e.diagnostics), ...diagnostics];
  if (all.length) throw new SpecError(all);

  // Every pointer must resolve. Report every site that refers to a missing target.
  for (const site of refs) {
    const target = refTargetFile(site.ref, site.file.absolute, specDir);
    if ('error' in target) continue;
    const targetFile = files.get(target.file ? realpathSync(target.file) : site.file.absolute);
    if (!targetFile) continue;
    if (resolvePointer(targetFile.content, target.fragment) === undefined) {
      diagnostics.push({
        file: site.file.display,
        pointer: site.pointer,
        message: `$ref ${JSON.stringify(site.ref)} does not resolve: ${targetFile.display}${target.fragment || '#'} does not exist`,
      });
    }
  }
  if (diagnostics.length) throw new SpecError(diagnostics);
  return { files, refs };
}

export function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

type RefTarget = { file: string | null; fragment: string } | { error: string };

/**
 * refTargetFile's answers in this run, by file, folder and $ref: a spec
 * repeats the same few thousand $refs, which the load and validate stages
 * each look at more than once.
 */
const refTargets = new Map<string, RefTarget>();

/** Which file a $ref points into, or why it is refused. */
export function refTargetFile(ref: string, fromFile: string, specDir: string): RefTarget {
  if (typeof ref !== 'string') return { error: '$ref must be a string' };
  const key = `${fromFile}\0${specDir}\0${ref}`;
  let target = refTargets.get(key);
  if (target === undefined) refTargets.set(key, (target = findRefTarget(ref, fromFile, specDir)));
  return target;
}

function findRefTarget(ref: string, fromFile: string, specDir: string): RefTarget {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
    return {
      error: `$ref ${JSON.stringify(ref)} is not a local file reference; only relative paths inside the spec folder are allowed, nothing is fetched`,
    };
  }
  const hash = ref.indexOf('#');
  const filePart = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash);
  if (fragment && !fragment.startsWith('#/') && fragment !== '#') {
    return { error: `$ref ${JSON.stringify(ref)}: only JSON-pointer fragments (#/...) are supported` };
  }
  if (!filePart) return { file: null, fragment };
  if (path.isAbsolute(filePart) || filePart.startsWith('//')) {
    return {
      error: `$ref ${JSON.stringify(ref)} is an absolute path; only relative paths inside the spec folder are allowed`,
    };
  }
  const target = path.resolve(path.dirname(fromFile), decodeURIComponent(filePart));
  if (!isInside(target, specDir)) {
    return { error: `$ref ${JSON.stringify(ref)} points outside the spec folder ${displayPath(specDir)}; refused` };
  }
  return { file: target, fragment };
}

export function walkRefs(
  node: Json,
  tokens: (string | number)[],
  visit: (ref: string, tokens: (string | number)[]) => void,
): void {
  // One path, pushed and popped as the walk goes; copied only for a $ref.
  const at = [...tokens];
  const walk = (value: Json) => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        at.push(i);
        walk(value[i]!);
        at.pop();
      }
      return;
    }
    if (typeof value.$ref === 'string') visit(value.$ref, [...at, '$ref']);
    for (const key of Object.keys(value)) {
      if (key === '$ref') continue;
      at.push(key);
      walk(value[key]!);
      at.pop();
    }
  };
  walk(node);
}

/**
 * The root must say OpenAPI 3.0.x or 3.1.x. Checked by validate, and here
 * before bundling too, because swagger-parser refuses other versions with an
 * error that names no place.
 */
export function versionProblem(root: SourceFile): Diagnostic | null {
  const doc = root.content;
  const isMap = isObject(doc);
  const version = isMap ? doc.openapi : undefined;
  if (typeof version === 'string' && /^3\.[01]\.[0-9]+$/.test(version)) return null;
  return {
    file: root.display,
    pointer: '#/openapi',
    message: `unsupported OpenAPI version ${JSON.stringify(version ?? (isMap ? doc.swagger : null) ?? null)}; this generator reads OpenAPI 3.0.x and 3.1.x`,
  };
}

export interface LoadOptions {
  /** The folder of the parse cache and the last bundle's plan; null or absent for none. */
  cacheDir?: string | null;
}

/** Load stage: read and check every file, then bundle with swagger-parser. */
export async function load(rootFile: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  // Without a folder there is nothing to find or keep: no file's text is hashed.
  const cache = options.cacheDir ? openParseCache(options.cacheDir) : undefined;
  const { files, refs } = readSpecTree(rootFile, cache);
  cache?.save();
  const rootReal = realpathSync(path.resolve(rootFile));
  const unsupported = versionProblem(files.get(rootReal)!);
  if (unsupported) throw new SpecError([unsupported]);
  const specDir = path.dirname(rootReal);
  const rootContent = files.get(rootReal)!.content;
  const { bundled, bundledBy } = isBundled(files, refs)
    ? { bundled: structuredClone(rootContent) as JsonObject, bundledBy: 'as-is' as const }
    : await bundle(rootReal, files, options.cacheDir ?? null);
  return { rootFile: rootReal, specDir, files, refs, bundled, bundledBy };
}

/**
 * Whether the spec already is what swagger-parser's bundle would make of it:
 * one file, whose $refs all point at something other than a $ref. (The
 * bundle leaves such a document as it is, but rewrites a $ref to a $ref to
 * point at the end of the chain.) Its bundle costs most of a generation's
 * load stage on a large single-file spec, to return the same document.
 */
export function isBundled(files: Map<string, SourceFile>, refs: RefSite[]): boolean {
  if (files.size !== 1) return false;
  const { content } = [...files.values()][0]!;
  const isRef = (node: Json | undefined) => isObject(node) && '$ref' in node;
  return !isRef(content) && refs.every((site) => site.ref.startsWith('#') && !isRef(resolvePointer(content, site.ref)));
}

/**
 * swagger-parser's bundle, or (with a cache folder) the same document from
 * the plan of the last real one when the spec's structure has not changed
 * since (pipeline/incremental-bundle.ts).
 */
async function bundle(
  rootReal: string,
  files: Map<string, SourceFile>,
  cacheDir: string | null,
): Promise<{ bundled: JsonObject; bundledBy: BundledBy }> {
  if (!cacheDir) return { bundled: await bundleWithSwaggerParser(rootReal, files), bundledBy: 'swagger-parser' };
  const specDir = path.dirname(rootReal);
  const sources = [files.get(rootReal)!, ...[...files.values()].filter((f) => f.absolute !== rootReal)];
  const skeleton = skeletonOf(sources, (ref, fromFile) => {
    const target = refTargetFile(ref, fromFile, specDir);
    if ('error' in target) return null;
    return {
      file: target.file && existsSync(target.file) ? realpathSync(target.file) : fromFile,
      fragment: target.fragment,
    };
  });
  const replayed = skeleton && bundleFromPlan(cacheDir, rootReal, skeleton, sources);
  if (replayed) return { bundled: replayed, bundledBy: 'plan' };
  const origins = new WeakMap<object, Origin>();
  const bundled = await bundleWithSwaggerParser(rootReal, files, origins);
  const plan = skeleton && planOf(bundled, origins, sources);
  if (skeleton && plan) savePlan(cacheDir, skeleton, sources, plan);
  else forgetPlan(cacheDir, rootReal);
  return { bundled, bundledBy: 'swagger-parser' };
}

/**
 * swagger-parser's bundle of the files read and checked: one document,
 * internal $refs only. With `origins`, records where each object of the
 * files it served stood (file and key), before the bundle moves any of them.
 */
export async function bundleWithSwaggerParser(
  rootReal: string,
  files: Map<string, SourceFile>,
  origins?: WeakMap<object, Origin>,
): Promise<JsonObject> {
  const specDir = path.dirname(rootReal);
  const rootContent = files.get(rootReal)!.content;
  const parsedByPath = new Map([...files.values()].map((f) => [f.absolute, f.content]));
  // Loaded here, not with this module: a run whose bundle comes from its plan never needs it.
  const { default: Parser } = await import('@apidevtools/swagger-parser');
  const parser = new Parser();
  if (origins) recordOrigins(parser, origins);
  return (await parser.bundle(
    rootReal,
    structuredClone(rootContent) as never,
    {
      resolve: {
        external: true,
        http: false,
        file: {
          order: 1,
          canRead: true,
          // Serve the files we already read and checked; never touch anything else.
          read(file: { url: string }) {
            const abs = decodeURIComponent(file.url.replace(/^file:\/\//, ''));
            const real = existsSync(abs) ? realpathSync(abs) : abs;
            if (!parsedByPath.has(real) || (real !== rootReal && !isInside(real, specDir))) {
              throw new Error(`refused to read ${displayPath(abs)}`);
            }
            return JSON.stringify(parsedByPath.get(real));
          },
        },
      },
      parse: { yaml: { allowEmpty: false }, json: { order: 1 }, text: false, binary: false },
    } as never,
  )) as unknown as JsonObject;
}

/**
 * Makes the parser record, once every file is read and parsed and before the
 * bundle changes anything, the origin of every object in each file.
 */
function recordOrigins(parser: SwaggerParser, origins: WeakMap<object, Origin>): void {
  const resolve = parser.resolve.bind(parser) as (...args: unknown[]) => Promise<unknown>;
  const traced = async (...args: unknown[]) => {
    const resolved = await resolve(...args);
    for (const [file, content] of Object.entries(parser.$refs.values() as Record<string, Json>)) {
      const stack: [Json, Origin][] = [[content, { file, parent: null, key: '' }]];
      while (stack.length) {
        const [node, origin] = stack.pop()!;
        if (node === null || typeof node !== 'object') continue;
        origins.set(node, origin);
        for (const key of Object.keys(node)) stack.push([(node as JsonObject)[key]!, { file, parent: origin, key }]);
      }
    }
    return resolved;
  };
  Object.assign(parser, { resolve: traced });
}
