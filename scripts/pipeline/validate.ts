// Stage 2, validate: swagger-parser's validation plus checks it does not make.
// Every message names a file and a JSON pointer, and all problems found are
// reported together.
//
// Own checks: supported OpenAPI version; duplicate operationIds and
// equivalent path templates (both sites named); $ref cycles that never reach
// content; nesting deeper than the generator will follow; schemas that
// contain themselves with no object in between (no finite TypeScript type);
// problem catalogue entries whose constant names collide (a shared title
// without a qualifier). (Unresolvable and non-local $refs are already refused,
// with every referring site, by load.) Warnings, for a spec that is still
// generated: operations left out for their method (model/methods.ts).
import type { SwaggerParserFailure } from './heavy-steps.mjs';
import { type Diagnostic, pointerOf } from '../util/diagnostics.ts';
import { HTTP_METHODS, decodePointerToken, isObject } from '../util/json.ts';
import type { Json, JsonObject, LoadedSpec, SourceFile } from './load.ts';
import { MAX_DEPTH, realpathSync, refTargetFile, resolvePointer, versionProblem } from './load.ts';
import { nameSourceOf, problemNameCollisions } from '../model/problems.ts';
import { SENT_METHODS, leftOutReason } from '../model/methods.ts';
import path from 'node:path';
import { existsSync } from 'node:fs';

/**
 * The project's own checks, over the source files (file and pointer known
 * exactly): the problems, returned; warnings go to `onWarning`.
 */
export function ownChecks(spec: LoadedSpec, onWarning?: (warning: Diagnostic) => void): Diagnostic[] {
  const root = spec.files.get(spec.rootFile)!;
  const unsupported = versionProblem(root);
  if (unsupported) return [unsupported];
  const diagnostics: Diagnostic[] = [];
  checkRefCycles(spec, diagnostics);
  checkOperations(spec, diagnostics, onWarning);
  checkSchemaCycles(spec, diagnostics);
  checkProblemNames(spec, diagnostics);
  return diagnostics;
}

/** swagger-parser's verdict as located diagnostics (none when it passed). */
export function swaggerParserDiagnostics(spec: LoadedSpec, failure: SwaggerParserFailure | null): Diagnostic[] {
  if (!failure) return [];
  const root = spec.files.get(spec.rootFile)!;
  const diagnostics: Diagnostic[] = [];
  if (failure.details?.length) {
    for (const d of failure.details) {
      const extra =
        d.params && 'unevaluatedProperty' in d.params
          ? ` (${String(d.params.unevaluatedProperty)})`
          : d.params && 'additionalProperty' in d.params
            ? ` (${String(d.params.additionalProperty)})`
            : '';
      diagnostics.push({
        file: root.display,
        pointer: `#${d.instancePath ?? ''}`,
        message: `${d.message ?? 'invalid'}${extra} (in the bundled document)`,
      });
    }
  } else {
    diagnostics.push({ file: root.display, pointer: '', message: failure.message.split('\n').slice(0, 5).join(' ') });
  }
  return diagnostics;
}

/**
 * Every problem type gets a constant of its own, named from its title and
 * `qualifier`: entries that would share a name are reported at each of them.
 */
function checkProblemNames(spec: LoadedSpec, diagnostics: Diagnostic[]): void {
  const root = spec.files.get(spec.rootFile)!;
  const doc = root.content as JsonObject;
  const catalogue = follow(spec, root, '#/x-astra-problem-catalogue', doc['x-astra-problem-catalogue']);
  if (!catalogue) return;
  const entries = Object.entries(catalogue.node).filter(
    (e): e is [string, JsonObject] => /^[0-9]+$/.test(e[0]) && isObject(e[1]),
  );
  const sources = entries.map(([key, entry]) => nameSourceOf(Number(key), entry));
  for (const { name, numbers } of problemNameCollisions(sources)) {
    for (const n of numbers) {
      const others = numbers.filter((m) => m !== n).join(', ');
      diagnostics.push({
        file: catalogue.file.display,
        pointer: `${catalogue.pointer}/${n}`,
        message: `problem ${n} would be named problemTypes.${name}, like ${others}: give it a \`qualifier\` naming the resource or condition that sets it apart`,
      });
    }
  }
}

/** A $ref whose chain of pure references returns to itself never reaches content. */
function checkRefCycles(spec: LoadedSpec, diagnostics: Diagnostic[]): void {
  const reported = new Set<string>();
  for (const site of spec.refs) {
    const chain: string[] = [];
    let file = site.file;
    let ref = site.ref;
    for (let step = 0; step < 1000; step++) {
      const target = refTargetFile(ref, file.absolute, spec.specDir);
      if ('error' in target) break;
      const abs = target.file ? (existsSync(target.file) ? realpathSync(target.file) : target.file) : file.absolute;
      const key = `${abs}${target.fragment || '#'}`;
      if (chain.includes(key)) {
        const cycle = chain
          .slice(chain.indexOf(key))
          .map((k) => path.relative(process.cwd(), k))
          .join(' → ');
        if (!reported.has(cycle)) {
          reported.add(cycle);
          diagnostics.push({
            file: site.file.display,
            pointer: site.pointer,
            message: `$ref cycle with no content: ${cycle} → back to the start`,
          });
        }
        break;
      }
      chain.push(key);
      const next = spec.files.get(abs);
      if (!next) break;
      const node = resolvePointer(next.content, target.fragment);
      if (!isObject(node) || typeof node.$ref !== 'string') break;
      file = next;
      ref = node.$ref;
    }
  }
}

/** Follows a node's $ref (if any) to the object, remembering which file and pointer it is. */
function follow(
  spec: LoadedSpec,
  file: SourceFile,
  pointer: string,
  node: Json | undefined,
): { file: SourceFile; pointer: string; node: JsonObject } | null {
  for (let i = 0; i < 32; i++) {
    if (!isObject(node)) return null;
    if (typeof node.$ref !== 'string') return { file, pointer, node };
    const target = refTargetFile(node.$ref, file.absolute, spec.specDir);
    if ('error' in target) return null;
    const abs = target.file ? realpathSync(target.file) : file.absolute;
    const next = spec.files.get(abs);
    if (!next) return null;
    file = next;
    pointer = target.fragment || '#';
    node = resolvePointer(next.content, target.fragment);
  }
  return null;
}

function checkOperations(spec: LoadedSpec, diagnostics: Diagnostic[], onWarning?: (d: Diagnostic) => void): void {
  const sent = new Set<string>(SENT_METHODS);
  const root = spec.files.get(spec.rootFile)!;
  const doc = root.content as JsonObject;
  const paths = isObject(doc.paths) ? doc.paths : {};
  const ids = new Map<string, string>();
  const templates = new Map<string, string>();
  for (const p of Object.keys(paths)) {
    const where = `${root.display}${pointerOf(['paths', p])}`;
    const shape = p.replace(/\{[^}]*\}/g, '{}');
    if (templates.has(shape)) {
      diagnostics.push({
        file: root.display,
        pointer: pointerOf(['paths', p]),
        message: `path ${JSON.stringify(p)} is equivalent to ${templates.get(shape)} (same template with other parameter names)`,
      });
    } else templates.set(shape, `${JSON.stringify(p)} at ${where}`);
    const item = follow(spec, root, pointerOf(['paths', p]), paths[p]);
    if (!item) continue;
    for (const m of HTTP_METHODS) {
      const op = item.node[m];
      if (!isObject(op)) continue;
      if (!sent.has(m)) {
        onWarning?.({ file: item.file.display, pointer: `${item.pointer}/${m}`, message: leftOutReason(m) });
        continue;
      }
      if (typeof op.operationId !== 'string') continue;
      const site = `${item.file.display}${item.pointer}/${m}`;
      const previous = ids.get(op.operationId);
      if (previous) {
        diagnostics.push({
          file: item.file.display,
          pointer: `${item.pointer}/${m}/operationId`,
          message: `duplicate operationId ${JSON.stringify(op.operationId)}; also used at ${previous}`,
        });
      } else ids.set(op.operationId, site);
    }
  }
}

/**
 * A named schema that contains itself with no object in between
 * (`A: {allOf: [B]}` with `B: {anyOf: [A]}`, or `C: {items: C}`) has no
 * finite TypeScript type: the models and openapi-typescript's raw types would
 * both be circular aliases, which tsc rejects. Recursion through an object's
 * properties or additionalProperties is fine and is not reported.
 */
function checkSchemaCycles(spec: LoadedSpec, diagnostics: Diagnostic[]): void {
  const root = spec.files.get(spec.rootFile)!;
  const components = spec.bundled.components;
  const schemas = isObject(components) && isObject(components.schemas) ? components.schemas : {};
  const prefix = '#/components/schemas/';
  const edges = new Map<string, string[]>();
  const collect = (node: Json | undefined, out: string[], depth: number): void => {
    if (!isObject(node) || depth > MAX_DEPTH) return;
    if (typeof node.$ref === 'string') {
      if (node.$ref.startsWith(prefix)) out.push(decodePointerToken(node.$ref.slice(prefix.length)));
      return;
    }
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = node[key];
      if (Array.isArray(list)) for (const s of list) collect(s, out, depth + 1);
    }
    // Array items are not followed: TypeScript expresses a type that recurses
    // through an array (`type Json = string | Json[]`) as it does through an
    // object's members. Only unions and intersections of themselves are empty.
  };
  for (const name of Object.keys(schemas)) {
    const out: string[] = [];
    collect(schemas[name], out, 0);
    edges.set(name, out);
  }
  for (const name of Object.keys(schemas)) {
    // A bare alias ({$ref} alone) is not reported: a cycle of aliases is a $ref
    // cycle (checkRefCycles names it), and any other cycle through it is
    // reported under the schemas with content.
    const own = schemas[name];
    if (isObject(own) && Object.keys(own).length === 1 && typeof own.$ref === 'string') continue;
    // Breadth-first from `name`, remembering the way back, until it is reached again.
    const from = new Map<string, string>();
    const queue = [...(edges.get(name) ?? [])];
    for (const n of queue) if (!from.has(n)) from.set(n, name);
    let found = false;
    for (let i = 0; i < queue.length && !found; i++) {
      const n = queue[i]!;
      if (n === name) found = true;
      else
        for (const next of edges.get(n) ?? []) {
          if (!from.has(next)) {
            from.set(next, n);
            queue.push(next);
          }
        }
    }
    if (!found) continue;
    const cycle = [name];
    for (let n = from.get(name)!; n !== name && cycle.length <= edges.size; n = from.get(n)!) cycle.unshift(n);
    cycle.unshift(name);
    diagnostics.push({
      file: root.display,
      pointer: pointerOf(['components', 'schemas', name]),
      message: `schema ${JSON.stringify(name)} contains itself with no object or array in between (${cycle.join(' → ')}), so it has no finite TypeScript type; recurse through an object's properties or an array's items instead`,
    });
  }
}
