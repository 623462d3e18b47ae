// Stage 2, validate: swagger-parser's validation plus checks it does not make.
// Every message names a file and a JSON pointer, and all problems found are
// reported together.
//
// Own checks: supported OpenAPI version; duplicate operationIds and
// equivalent path templates (both sites named); $ref cycles that never reach
// content; nesting deeper than the generator will follow. (Unresolvable and
// non-local $refs are already refused, with every referring site, by load.)
import SwaggerParser from '@apidevtools/swagger-parser';
import { type Diagnostic, SpecError, pointerOf } from '../util/diagnostics.ts';
import type { Json, JsonObject, LoadedSpec, SourceFile } from './load.ts';
import { refTargetFile, resolvePointer } from './load.ts';
import path from 'node:path';
import { realpathSync, existsSync } from 'node:fs';

export const MAX_DEPTH = 64;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

function isObject(v: Json | undefined): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export async function validate(spec: LoadedSpec): Promise<void> {
  const root = spec.files.get(spec.rootFile)!;
  const diagnostics: Diagnostic[] = [];
  const doc = root.content;
  const version = isObject(doc) ? doc.openapi : undefined;
  if (typeof version !== 'string' || !/^3\.[01]\.[0-9]+$/.test(version)) {
    diagnostics.push({
      file: root.display,
      pointer: '#/openapi',
      message: `unsupported OpenAPI version ${JSON.stringify(version ?? (isObject(doc) ? doc.swagger : null) ?? null)}; this generator reads OpenAPI 3.0.x and 3.1.x`,
    });
    throw new SpecError(diagnostics);
  }
  for (const file of spec.files.values()) checkDepth(file, diagnostics);
  checkRefCycles(spec, diagnostics);
  checkOperations(spec, diagnostics);
  if (diagnostics.length) throw new SpecError(diagnostics);

  try {
    await SwaggerParser.validate(structuredClone(spec.bundled) as never, { resolve: { external: false, http: false } } as never);
  } catch (e) {
    const err = e as Error & { details?: { instancePath?: string; message?: string; params?: Record<string, unknown> }[] };
    if (err.details?.length) {
      for (const d of err.details) {
        const extra = d.params && 'unevaluatedProperty' in d.params ? ` (${String(d.params.unevaluatedProperty)})` : d.params && 'additionalProperty' in d.params ? ` (${String(d.params.additionalProperty)})` : '';
        diagnostics.push({ file: root.display, pointer: `#${d.instancePath ?? ''}`, message: `${d.message ?? 'invalid'}${extra} (in the bundled document)` });
      }
    } else {
      diagnostics.push({ file: root.display, pointer: '', message: err.message.split('\n').slice(0, 5).join(' ') });
    }
    throw new SpecError(diagnostics);
  }
}

function checkDepth(file: SourceFile, diagnostics: Diagnostic[]): void {
  const visit = (node: Json, tokens: (string | number)[]): boolean => {
    if (tokens.length > MAX_DEPTH) {
      diagnostics.push({ file: file.display, pointer: pointerOf(tokens), message: `nested more than ${MAX_DEPTH} levels deep; the generator stops here` });
      return false;
    }
    if (node === null || typeof node !== 'object') return true;
    const entries = Array.isArray(node) ? node.map((v, i) => [i, v] as const) : Object.entries(node);
    for (const [k, v] of entries) if (!visit(v, [...tokens, k])) return false;
    return true;
  };
  visit(file.content, []);
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
        const cycle = chain.slice(chain.indexOf(key)).map((k) => path.relative(process.cwd(), k)).join(' → ');
        if (!reported.has(cycle)) {
          reported.add(cycle);
          diagnostics.push({ file: site.file.display, pointer: site.pointer, message: `$ref cycle with no content: ${cycle} → back to the start` });
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
function follow(spec: LoadedSpec, file: SourceFile, pointer: string, node: Json | undefined): { file: SourceFile; pointer: string; node: JsonObject } | null {
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

function checkOperations(spec: LoadedSpec, diagnostics: Diagnostic[]): void {
  const root = spec.files.get(spec.rootFile)!;
  const doc = root.content as JsonObject;
  const paths = isObject(doc.paths) ? doc.paths : {};
  const ids = new Map<string, string>();
  const templates = new Map<string, string>();
  for (const p of Object.keys(paths)) {
    const where = `${root.display}${pointerOf(['paths', p])}`;
    const shape = p.replace(/\{[^}]*\}/g, '{}');
    if (templates.has(shape)) {
      diagnostics.push({ file: root.display, pointer: pointerOf(['paths', p]), message: `path ${JSON.stringify(p)} is equivalent to ${templates.get(shape)} (same template with other parameter names)` });
    } else templates.set(shape, `${JSON.stringify(p)} at ${where}`);
    const item = follow(spec, root, pointerOf(['paths', p]), paths[p]);
    if (!item) continue;
    for (const m of METHODS) {
      const op = item.node[m];
      if (!isObject(op) || typeof op.operationId !== 'string') continue;
      const site = `${item.file.display}${item.pointer}/${m}`;
      const previous = ids.get(op.operationId);
      if (previous) {
        diagnostics.push({ file: item.file.display, pointer: `${item.pointer}/${m}/operationId`, message: `duplicate operationId ${JSON.stringify(op.operationId)}; also used at ${previous}` });
      } else ids.set(op.operationId, site);
    }
  }
}
