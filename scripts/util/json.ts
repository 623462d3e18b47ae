// JSON values and JSON pointers: pure helpers shared by the generator's load
// stage and its model builder. Kept free of file-system and parser imports so
// the model builder can also run inside the simulator (src/testing/), which
// ships without the generator's tool chain.
import { unescapePointerToken } from './diagnostics.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** The node a `#/a/b` fragment names inside a document, or undefined. */
export function resolvePointer(doc: Json, fragment: string): Json | undefined {
  if (!fragment || fragment === '#') return doc;
  let node: Json | undefined = doc;
  for (const raw of fragment.slice(2).split('/')) {
    const token = unescapePointerToken(decodeURIComponent(raw));
    if (node === null || typeof node !== 'object') return undefined;
    if (Array.isArray(node)) node = node[Number(token)];
    else node = Object.prototype.hasOwnProperty.call(node, token) ? node[token] : undefined;
  }
  return node;
}
