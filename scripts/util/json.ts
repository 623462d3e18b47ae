// JSON values and JSON pointers: pure helpers shared by the generator's load
// and validate stages and its model builder. Kept free of file-system and
// parser imports so the model builder can also run inside the simulator
// (src/testing/), which ships without the generator's tool chain.
import { unescapePointerToken } from './diagnostics.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** The eight HTTP methods a path item may hold, in the order OpenAPI lists them. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** A JSON object (not an array, not null). */
export function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** One token of a `#/a/b` fragment as the key it names: URI-decoded, then `~1` → `/` and `~0` → `~`. */
export function decodePointerToken(token: string): string {
  return unescapePointerToken(decodeURIComponent(token));
}

/** The node a `#/a/b` fragment names inside a document, or undefined. */
export function resolvePointer(doc: Json, fragment: string): Json | undefined {
  if (!fragment || fragment === '#') return doc;
  let node: Json | undefined = doc;
  for (const raw of fragment.slice(2).split('/')) {
    const token = decodePointerToken(raw);
    if (node === null || typeof node !== 'object') return undefined;
    if (Array.isArray(node)) node = node[Number(token)];
    else node = Object.prototype.hasOwnProperty.call(node, token) ? node[token] : undefined;
  }
  return node;
}
