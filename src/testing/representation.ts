// What a stored resource looks like: the request body's client-owned
// members, the server-owned envelope (`id`, `metadata` with `labels`,
// `creationTimestamp`, `modificationTimestamp`, `createdBy`), write-only
// members set aside, and any other member the read schema requires filled
// from the schema itself (its example, default or first enum value), so a
// representation always validates against the spec's read schema.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Json, JsonObject } from '../../scripts/util/json.ts';
import type { CollectionSpec } from './routes.ts';
import { derefSchema, enumOf, exampleOf, isObject, propertiesOf, requiredOf } from './schema-walk.ts';

export interface Representation {
  body: JsonObject;
  secrets: JsonObject;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A value for a required member the client did not send, taken from the schema. */
function schemaValue(doc: JsonObject, schema: JsonObject, exampleValue: Json | undefined): Json | undefined {
  if (exampleValue !== undefined) return exampleValue;
  const s = derefSchema(doc, schema);
  if ('default' in s) return s.default as Json;
  const values = enumOf(doc, schema);
  if (values.length) return values[0]!;
  const own = exampleOf(doc, schema);
  if (own !== undefined) return own;
  switch (typeOf(doc, s)) {
    case 'array':
      return [];
    case 'object':
      return {};
    case 'number':
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    case 'string':
      return generatedString(doc, schema);
    default:
      return undefined;
  }
}

/** The `type` of a schema, looking through `$ref` and `allOf`. */
function typeOf(doc: JsonObject, schema: Json | undefined, depth = 0): Json | undefined {
  const s = derefSchema(doc, schema);
  if (s.type !== undefined || depth > 8) return s.type;
  for (const m of Array.isArray(s.allOf) ? s.allOf : []) {
    const t = typeOf(doc, m, depth + 1);
    if (t !== undefined) return t;
  }
  return undefined;
}

/** A fresh value for a server-generated string (a new token's secret, an id, a time). */
function generatedString(doc: JsonObject, schema: JsonObject): string {
  const formats = new Set<Json>();
  const collect = (node: Json | undefined, depth = 0): void => {
    const s = derefSchema(doc, node);
    if (depth > 8) return;
    if (s.format !== undefined) formats.add(s.format);
    if (s.contentEncoding !== undefined) formats.add(`encoding:${String(s.contentEncoding)}`);
    for (const m of Array.isArray(s.allOf) ? s.allOf : []) collect(m, depth + 1);
  };
  collect(schema);
  if (formats.has('uuid')) return randomUUID();
  if (formats.has('date-time')) return new Date().toISOString();
  const secret = randomBytes(24);
  return formats.has('encoding:base64') ? secret.toString('base64') : secret.toString('hex');
}

/** Fills the read schema's required members that `body` lacks, from `fallback` first, then the schema. */
export function fillRequired(
  doc: JsonObject,
  schemaPointer: string | null,
  body: JsonObject,
  fallback: JsonObject | null,
): void {
  if (!schemaPointer) return;
  const readSchema = { $ref: schemaPointer };
  const props = propertiesOf(doc, readSchema);
  const example = exampleOf(doc, readSchema);
  for (const name of requiredOf(doc, readSchema)) {
    if (body[name] !== undefined) continue;
    if (fallback && fallback[name] !== undefined) {
      body[name] = fallback[name]!;
      continue;
    }
    const value = schemaValue(doc, props.get(name) ?? {}, isObject(example) ? example[name] : undefined);
    if (value !== undefined) body[name] = value;
  }
}

function split(collection: CollectionSpec, input: JsonObject): Representation {
  const body: JsonObject = {};
  const secrets: JsonObject = {};
  for (const [k, v] of Object.entries(input)) (collection.writeOnlyFields.has(k) ? secrets : body)[k] = v;
  return { body, secrets };
}

function labelsOf(input: JsonObject): Json | undefined {
  return isObject(input.metadata) ? input.metadata.labels : undefined;
}

export interface NewResourceContext {
  doc: JsonObject;
  collection: CollectionSpec;
  /** Newest accepted version, used when the body names none. */
  defaultVersion: string | null;
  userId: string;
  nowMs: number;
}

/** The representation of a new resource created from a (valid) request body. */
export function newRepresentation(ctx: NewResourceContext, input: JsonObject): Representation & { id: string } {
  const { body: rest, secrets } = split(ctx.collection, input);
  const id = typeof input.id === 'string' && input.id ? input.id : randomUUID();
  const body: JsonObject = {};
  body.type = typeof rest.type === 'string' ? rest.type : ctx.collection.key;
  const version = typeof rest.version === 'string' ? rest.version : ctx.defaultVersion;
  if (version) body.version = version;
  body.id = id;
  for (const [k, v] of Object.entries(rest)) if (!(k in body) && k !== 'metadata') body[k] = v;
  body.metadata = {
    labels: labelsOf(input) ?? [],
    creationTimestamp: iso(ctx.nowMs),
    modificationTimestamp: iso(ctx.nowMs),
    createdBy: ctx.userId,
  };
  fillRequired(ctx.doc, ctx.collection.readSchema, body, null);
  return { id, body, secrets };
}

/**
 * PUT: a full replace of the client-owned members that keeps the server-owned
 * ones (id, type, readOnly members, creation metadata) and the stored
 * write-only members the body does not replace.
 */
export function replacedRepresentation(
  ctx: NewResourceContext,
  old: Representation,
  input: JsonObject,
): Representation {
  const { body: rest, secrets } = split(ctx.collection, input);
  const body: JsonObject = { type: old.body.type ?? ctx.collection.key };
  const version = typeof rest.version === 'string' ? rest.version : old.body.version;
  if (version !== undefined) body.version = version;
  if (old.body.id !== undefined) body.id = old.body.id;
  for (const [k, v] of Object.entries(rest))
    if (!(k in body) && k !== 'metadata' && !ctx.collection.serverOwnedFields.has(k)) body[k] = v;
  for (const k of ctx.collection.serverOwnedFields)
    if (!(k in body) && old.body[k] !== undefined) body[k] = old.body[k]!;
  const oldMetadata = isObject(old.body.metadata) ? old.body.metadata : {};
  body.metadata = {
    ...oldMetadata,
    labels: labelsOf(input) ?? oldMetadata.labels ?? [],
    modificationTimestamp: iso(ctx.nowMs),
    modifiedBy: ctx.userId,
  };
  fillRequired(ctx.doc, ctx.collection.readSchema, body, old.body);
  return { body, secrets: { ...old.secrets, ...secrets } };
}
