// Reading facts out of the bundled document's schemas: following `$ref`s and
// `allOf`s to the properties a resource really has. The simulator needs the
// raw JSON Schema (for ajv and for server-owned defaults), not the generator's
// TypeScript-shaped TypeNodes.
import { type Json, type JsonObject, resolvePointer } from '../../scripts/util/json.ts';

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Follows `$ref` chains to the schema object itself. */
export function derefSchema(doc: JsonObject, schema: Json | undefined, depth = 0): JsonObject {
  if (!isObject(schema)) return {};
  if (typeof schema.$ref === 'string' && depth < 32)
    return derefSchema(doc, resolvePointer(doc, schema.$ref), depth + 1);
  return schema;
}

/** Every property schema of an object schema, merged across `allOf` members. */
export function propertiesOf(doc: JsonObject, schema: Json | undefined, depth = 0): Map<string, JsonObject> {
  const s = derefSchema(doc, schema);
  const out = new Map<string, JsonObject>();
  if (depth > 16) return out;
  for (const member of Array.isArray(s.allOf) ? s.allOf : []) {
    for (const [k, v] of propertiesOf(doc, member, depth + 1)) out.set(k, v);
  }
  if (isObject(s.properties)) for (const [k, v] of Object.entries(s.properties)) if (isObject(v)) out.set(k, v);
  return out;
}

/** Required property names of an object schema, across `allOf` members. */
export function requiredOf(doc: JsonObject, schema: Json | undefined, depth = 0): string[] {
  const s = derefSchema(doc, schema);
  if (depth > 16) return [];
  const own = Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : [];
  return [...own, ...(Array.isArray(s.allOf) ? s.allOf.flatMap((m) => requiredOf(doc, m, depth + 1)) : [])];
}

/** Whether a property schema (or anything it refers to or combines) says `keyword: true`. */
export function hasFlag(doc: JsonObject, schema: Json | undefined, keyword: string, depth = 0): boolean {
  if (!isObject(schema) || depth > 16) return false;
  if (schema[keyword] === true) return true;
  if (typeof schema.$ref === 'string' && hasFlag(doc, resolvePointer(doc, schema.$ref), keyword, depth + 1))
    return true;
  return Array.isArray(schema.allOf) && schema.allOf.some((m) => hasFlag(doc, m, keyword, depth + 1));
}

/** The values a property schema allows by `enum`/`const`, across refs and `allOf`. */
export function enumOf(doc: JsonObject, schema: Json | undefined, depth = 0): Json[] {
  if (!isObject(schema) || depth > 16) return [];
  if (typeof schema.$ref === 'string') return enumOf(doc, resolvePointer(doc, schema.$ref), depth + 1);
  if (Array.isArray(schema.enum)) return schema.enum;
  if ('const' in schema) return [schema.const as Json];
  return Array.isArray(schema.allOf) ? schema.allOf.flatMap((m) => enumOf(doc, m, depth + 1)) : [];
}

/** The `example` (or first `examples` entry) of a schema, across refs and `allOf`. */
export function exampleOf(doc: JsonObject, schema: Json | undefined, depth = 0): Json | undefined {
  if (!isObject(schema) || depth > 16) return undefined;
  if ('example' in schema) return schema.example as Json;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if (typeof schema.$ref === 'string') return exampleOf(doc, resolvePointer(doc, schema.$ref), depth + 1);
  for (const m of Array.isArray(schema.allOf) ? schema.allOf : []) {
    const e = exampleOf(doc, m, depth + 1);
    if (e !== undefined) return e;
  }
  return undefined;
}
