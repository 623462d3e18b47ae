// Stage 2 of `npm run diff`, normalise: turn a bundled document into what the
// structural diff compares, so that spellings which mean the same thing for
// users of the SDK compare equal.
// - Operations are keyed by method and path template with the variable names
//   blanked (`GET /apps/{}`): the generated client takes path parameters
//   positionally, so renaming `{app_id}` is not a different operation.
// - Parameters are merged (path item, then operation), `$ref`s followed, and
//   keyed by location and name; path parameters by position.
// - The security requirements in force are the operation's, else the root's.
// - Each operation carries its SDK accessor (`astra.apps.appSnaps.list`) from
//   the generator's own model, so the report names what SDK users call.
import type { Json, JsonObject } from '../pipeline/load.ts';
import { resolvePointer } from '../pipeline/load.ts';
import { buildModel } from '../model/build.ts';
import type { ApiModel, ResourceNodeModel } from '../model/types.ts';
import { escapePointerToken } from '../util/diagnostics.ts';

export const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

export interface NormalisedParameter {
  name: string;
  in: string;
  /** Where the parameter is declared (path item or operation). */
  pointer: string;
  node: JsonObject;
}

export interface NormalisedOperation {
  method: string;
  path: string;
  /** `#/paths/~1apps/get` */
  pointer: string;
  node: JsonObject;
  /** `query:limit`, `header:X-Id`, `path:0` (path parameters by position). */
  parameters: Map<string, NormalisedParameter>;
  pathParameterNames: string[];
  /** Security requirements in force: the operation's, else the document's. */
  security: JsonObject[];
  /** Where those requirements are written. */
  securityPointer: string;
  /** `astra.apps.appSnaps.list`, or null when the SDK has no method for it. */
  accessor: string | null;
}

export interface NormalisedSpec {
  doc: JsonObject;
  model: ApiModel;
  operations: Map<string, NormalisedOperation>;
}

export function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Resolved `$ref`s per document: the diff follows the same few hundred thousands of times. */
const targets = new WeakMap<JsonObject, Map<string, Json | undefined>>();

function target(doc: JsonObject, ref: string): Json | undefined {
  let known = targets.get(doc);
  if (!known) targets.set(doc, (known = new Map()));
  if (!known.has(ref)) known.set(ref, resolvePointer(doc, ref));
  return known.get(ref);
}

/** Follows a chain of `$ref`s; `ref` is the first pointer followed (null when `node` is not a reference). */
export function resolve(doc: JsonObject, node: Json | undefined): { node: JsonObject; ref: string | null } {
  let ref: string | null = null;
  let current = node;
  for (let depth = 0; isObject(current) && typeof current.$ref === 'string' && depth < 32; depth++) {
    ref ??= current.$ref;
    current = target(doc, current.$ref);
  }
  return { node: isObject(current) ? current : {}, ref };
}

export const pointerJoin = (base: string, ...tokens: (string | number)[]) =>
  base + tokens.map((t) => '/' + escapePointerToken(String(t))).join('');

/** `GET /apps/{}/appSnaps/{}`: the identity of an operation across a diff. */
export const operationKey = (method: string, path: string) =>
  `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{}')}`;

export function normalise(doc: JsonObject): NormalisedSpec {
  const model = buildModel(doc);
  const accessors = accessorsOf(model.resources);
  const operations = new Map<string, NormalisedOperation>();
  const paths = isObject(doc.paths) ? doc.paths : {};
  const rootSecurity = Array.isArray(doc.security) ? doc.security.filter(isObject) : [];
  for (const path of Object.keys(paths)) {
    const itemPointer = pointerJoin('#/paths', path);
    const item = resolve(doc, paths[path]).node;
    const pathParameterNames = [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
    for (const m of METHODS) {
      const op = item[m];
      if (!isObject(op)) continue;
      const method = m.toUpperCase();
      const pointer = pointerJoin(itemPointer, m);
      const parameters = new Map<string, NormalisedParameter>();
      const declare = (list: Json | undefined, listPointer: string) => {
        if (!Array.isArray(list)) return;
        list.forEach((p, i) => {
          const node = resolve(doc, p).node;
          if (typeof node.name !== 'string' || typeof node.in !== 'string') return;
          const position = node.in === 'path' ? pathParameterNames.indexOf(node.name) : -1;
          const key = node.in === 'path' ? `path:${position}` : `${node.in}:${node.name}`;
          parameters.set(key, { name: node.name, in: node.in, pointer: pointerJoin(listPointer, i), node });
        });
      };
      declare(item.parameters, pointerJoin(itemPointer, 'parameters'));
      declare(op.parameters, pointerJoin(pointer, 'parameters'));
      operations.set(operationKey(method, path), {
        method,
        path,
        pointer,
        node: op,
        parameters,
        pathParameterNames,
        security: Array.isArray(op.security) ? op.security.filter(isObject) : rootSecurity,
        securityPointer: Array.isArray(op.security) ? pointerJoin(pointer, 'security') : '#/security',
        accessor: accessors.get(`${method} ${path}`) ?? null,
      });
    }
  }
  return { doc, model, operations };
}

function accessorsOf(nodes: ResourceNodeModel[], out = new Map<string, string>()): Map<string, string> {
  for (const node of nodes) {
    for (const op of node.operations)
      out.set(`${op.method} ${op.path}`, `astra.${node.chain.join('.')}.${op.methodName}`);
    accessorsOf(node.children, out);
  }
  return out;
}
