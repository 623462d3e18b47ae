// Resolves a finding's location the way the diff writes it: a JSON pointer
// whose `$ref`s are followed as if inlined, with `allOf` members' properties
// read as the schema's own.
import type { Json, JsonObject } from '../../../scripts/pipeline/load.ts';
import { resolvePointer } from '../../../scripts/pipeline/load.ts';
import { unescapePointerToken } from '../../../scripts/util/diagnostics.ts';

const isObject = (v: Json | undefined): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

function follow(doc: JsonObject, node: Json | undefined): Json | undefined {
  for (let i = 0; i < 32 && isObject(node) && typeof node.$ref === 'string'; i++) node = resolvePointer(doc, node.$ref);
  return node;
}

function step(doc: JsonObject, node: Json | undefined, token: string): Json | undefined {
  node = follow(doc, node);
  if (Array.isArray(node)) return node[Number(token)];
  if (!isObject(node)) return undefined;
  if (Object.prototype.hasOwnProperty.call(node, token)) return node[token];
  if (Array.isArray(node.allOf)) {
    for (const member of node.allOf) {
      const found = step(doc, member, token);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

export function resolveLocation(doc: JsonObject, pointer: string): Json | undefined {
  let node: Json | undefined = doc;
  for (const raw of pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter((t, i, all) => t !== '' || all.length > 1)) {
    node = step(doc, node, unescapePointerToken(raw));
    if (node === undefined) return undefined;
  }
  return node;
}
