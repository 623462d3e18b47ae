// Model builder for Schema Objects (OpenAPI 3.0 and 3.1 / JSON Schema
// 2020-12) → TypeNode. Handles what Astra's spec uses and what hostile specs
// try: $ref to named schemas (kept as names, so recursion is fine), $ref to
// any other pointer (inlined, with a cycle guard), enums of any JSON value,
// type arrays and 3.0 `nullable`, allOf/anyOf/oneOf (string literals beside
// `string` stay an open enum), maps, and `if`/`then` rules that discriminate
// by one property (a union, see conditionals.ts). Other validation-only
// keywords (other conditionals, not, patterns) do not change the type; they
// are kept as documentation.
import type { DocModel, PropertyModel, TypeNode } from './types.ts';
import { type Json, type JsonObject, decodePointerToken, isObject, resolvePointer } from '../util/json.ts';
import { discriminationOf, sharedRules, sharedRulesRefFor } from './conditionals.ts';

export const UNKNOWN: TypeNode = { kind: 'primitive', type: 'unknown' };

export interface SchemaContext {
  document: JsonObject;
  /** components/schemas key → TypeScript type name. */
  schemaNames: Map<string, string>;
  /**
   * Set while typing a multipart body: a binary string (`format: binary`, or
   * OpenAPI 3.1's `contentMediaType` without `contentEncoding`) is a file
   * part, typed `Blob`. Named schemas keep their own (JSON) types.
   */
  fileFields?: boolean;
}

const COMPONENT_PREFIX = '#/components/schemas/';

export function schemaToType(schema: Json | undefined, ctx: SchemaContext, seen: Set<string> = new Set()): TypeNode {
  if (schema === true || schema === undefined) return UNKNOWN;
  if (schema === false) return { kind: 'primitive', type: 'never' };
  if (!isObject(schema)) return UNKNOWN;

  if (typeof schema.$ref === 'string') {
    const ref = schema.$ref;
    if (ctx.fileFields && !seen.has(ref)) {
      // A file part of a multipart body, whatever schema names the binary string.
      const target = resolvePointer(ctx.document, ref);
      if (isObject(target) && isBinaryString(target) && typesAsString(target)) return BLOB;
    }
    if (ref.startsWith(COMPONENT_PREFIX)) {
      const key = decodePointerToken(ref.slice(COMPONENT_PREFIX.length));
      const name = ctx.schemaNames.get(key);
      if (name && !key.includes('/')) return { kind: 'ref', name };
    }
    if (seen.has(ref)) return UNKNOWN; // a cycle through unnamed schemas: no finite type
    const target = resolvePointer(ctx.document, ref);
    return schemaToType(target, ctx, new Set([...seen, ref]));
  }

  // A named rules-only schema whose appliers share one union: it is that union.
  const sharedVariants = sharedRules(ctx.document).byTarget.get(schema);
  if (sharedVariants) return union(sharedVariants.map((v) => schemaToType(v, ctx, seen)));

  const alternatives: TypeNode[] = [];
  if (Array.isArray(schema.enum)) {
    return withNull(union(schema.enum.map(literalOf)), schema);
  }
  if ('const' in schema) return literalOf(schema.const as Json);

  const composed: TypeNode[] = [];
  const discrimination = discriminationOf(schema, ctx.document);
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf
      .filter((_, i) => !discrimination?.consumedAllOf.has(i))
      .map((s) => schemaToType(s, ctx, seen))
      .filter((t) => !isUnknown(t));
    if (parts.length) composed.push(parts.length === 1 ? parts[0]! : { kind: 'intersection', members: parts });
  }
  if (discrimination) {
    // Rules a named schema holds for several bodies alike are that schema's type, referenced.
    const shared = sharedRulesRefFor(schema, discrimination, ctx.document);
    const name = shared && ctx.schemaNames.get(decodePointerToken(shared.slice(COMPONENT_PREFIX.length)));
    composed.push(name ? { kind: 'ref', name } : union(discrimination.variants.map((v) => schemaToType(v, ctx, seen))));
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) composed.push(union(list.map((s) => schemaToType(s, ctx, seen))));
  }

  const types = declaredTypes(schema);
  for (const t of types) alternatives.push(typeForJsonType(t, schema, ctx, seen));
  if (!types.length && (isObject(schema.properties) || schema.additionalProperties !== undefined)) {
    alternatives.push(typeForJsonType('object', schema, ctx, seen));
  }
  if (!types.length && schema.items !== undefined) alternatives.push(typeForJsonType('array', schema, ctx, seen));

  let own: TypeNode | null = alternatives.length ? union(alternatives) : null;
  if (own && schema.nullable === true) own = union([own, { kind: 'primitive', type: 'null' }]);
  const members = [...(own && !(composed.length && isEmptyObject(own)) ? [own] : []), ...composed];
  if (!members.length) return UNKNOWN;
  const result: TypeNode = members.length === 1 ? members[0]! : { kind: 'intersection', members };
  // OpenAPI 3.0's idiom for a nullable reference: `nullable: true` beside `allOf: [$ref]`.
  return !own && schema.nullable === true ? union([result, { kind: 'primitive', type: 'null' }]) : result;
}

function isUnknown(t: TypeNode): boolean {
  return t.kind === 'primitive' && t.type === 'unknown';
}

function isEmptyObject(t: TypeNode): boolean {
  return t.kind === 'object' && t.properties.length === 0 && t.additional === null;
}

function declaredTypes(schema: JsonObject): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === 'string');
  return [];
}

function withNull(t: TypeNode, schema: JsonObject): TypeNode {
  return schema.nullable === true ? union([t, { kind: 'primitive', type: 'null' }]) : t;
}

function literalOf(value: Json | undefined): TypeNode {
  // null is one type whether it comes from an enum, a const or `nullable`, so unions dedupe it.
  if (value === null) return { kind: 'primitive', type: 'null' };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return { kind: 'literal', value };
  }
  return UNKNOWN; // object/array enum members have no literal type
}

export function union(members: TypeNode[]): TypeNode {
  let flat: TypeNode[] = [];
  for (const m of members) {
    if (m.kind === 'union') flat.push(...m.members);
    else flat.push(m);
  }
  if (flat.some(isUnknown)) return UNKNOWN;
  // An open enum (`anyOf: [{enum: [...]}, {type: string}]`): in TypeScript
  // `'a' | string` is just `string`, so the string is kept apart from the
  // literals and they stay visible to autocompletion.
  if (flat.some((m) => m.kind === 'literal' && typeof m.value === 'string')) {
    flat = flat.map((m) => (m.kind === 'primitive' && m.type === 'string' ? { kind: 'openString' } : m));
  }
  const seen = new Set<string>();
  const unique = flat.filter((m) => {
    const key = JSON.stringify(m);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length === 0) return { kind: 'primitive', type: 'never' };
  return unique.length === 1 ? unique[0]! : { kind: 'union', members: unique };
}

const BLOB: TypeNode = { kind: 'primitive', type: 'Blob' };

/** Whether a schema is typed as a string (alone, or beside null). */
const typesAsString = (schema: JsonObject) =>
  schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'));

const isBinaryString = (schema: JsonObject) =>
  schema.format === 'binary' || (typeof schema.contentMediaType === 'string' && schema.contentEncoding === undefined);

function typeForJsonType(type: string, schema: JsonObject, ctx: SchemaContext, seen: Set<string>): TypeNode {
  switch (type) {
    case 'string':
      return {
        kind: 'primitive',
        type: ctx.fileFields && isBinaryString(schema) ? 'Blob' : 'string',
      };
    case 'number':
    case 'integer':
      return { kind: 'primitive', type: 'number' };
    case 'boolean':
      return { kind: 'primitive', type: 'boolean' };
    case 'null':
      return { kind: 'primitive', type: 'null' };
    case 'array':
      return { kind: 'array', items: Array.isArray(schema.items) ? UNKNOWN : schemaToType(schema.items, ctx, seen) };
    case 'object': {
      const required = new Set(
        Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [],
      );
      const properties: PropertyModel[] = [];
      if (isObject(schema.properties)) {
        for (const name of Object.keys(schema.properties)) {
          const prop = schema.properties[name];
          properties.push(propertyModel(name, prop, required.has(name), ctx, seen));
        }
      }
      let additional: TypeNode | null = null;
      if (!properties.length) {
        if (schema.additionalProperties === false) additional = null;
        else if (schema.additionalProperties === undefined || schema.additionalProperties === true)
          additional = UNKNOWN;
        else additional = schemaToType(schema.additionalProperties, ctx, seen);
      }
      return { kind: 'object', properties, additional };
    }
    default:
      return UNKNOWN;
  }
}

function propertyModel(
  name: string,
  prop: Json | undefined,
  required: boolean,
  ctx: SchemaContext,
  seen: Set<string>,
): PropertyModel {
  const target = isObject(prop) ? prop : {};
  const flags = effectiveFlags(target, ctx);
  return {
    name,
    required,
    readOnly: flags.readOnly,
    writeOnly: flags.writeOnly,
    secret: flags.secret,
    type: schemaToType(prop, ctx, seen),
    doc: docOf(target, ctx),
  };
}

/** readOnly/writeOnly/x-astra-secret on the property or on what it refers to. */
function effectiveFlags(
  schema: JsonObject,
  ctx: SchemaContext,
  depth = 0,
): { readOnly: boolean; writeOnly: boolean; secret: boolean } {
  const own = {
    readOnly: schema.readOnly === true,
    writeOnly: schema.writeOnly === true,
    secret: schema['x-astra-secret'] === true,
  };
  if (depth > 8) return own;
  const targets: Json[] = [];
  if (typeof schema.$ref === 'string') {
    const t = resolvePointer(ctx.document, schema.$ref);
    if (t !== undefined) targets.push(t);
  }
  if (Array.isArray(schema.allOf)) targets.push(...schema.allOf);
  for (const t of targets) {
    if (!isObject(t)) continue;
    const inner = effectiveFlags(t, ctx, depth + 1);
    own.readOnly ||= inner.readOnly;
    own.writeOnly ||= inner.writeOnly;
    own.secret ||= inner.secret;
  }
  return own;
}

/** Documentation of a schema: its own words first, then what it refers to. */
export function docOf(schema: Json | undefined, ctx: SchemaContext): DocModel {
  const doc: DocModel = { constraints: [], deprecated: false };
  if (!isObject(schema)) return doc;
  const s = schema;
  if (typeof s.title === 'string') doc.title = s.title;
  if (typeof s.description === 'string') doc.description = s.description;
  if (typeof s.format === 'string') doc.format = s.format;
  if (typeof s.pattern === 'string') doc.pattern = s.pattern;
  if ('default' in s) doc.default = JSON.stringify(s.default);
  if ('example' in s) doc.example = JSON.stringify(s.example);
  else if (Array.isArray(s.examples) && s.examples.length) doc.example = JSON.stringify(s.examples[0]);
  doc.deprecated = s.deprecated === true;
  const bounds: [string, string][] = [
    ['minLength', 'min length'],
    ['maxLength', 'max length'],
    ['minimum', 'minimum'],
    ['maximum', 'maximum'],
    ['exclusiveMinimum', 'exclusive minimum'],
    ['exclusiveMaximum', 'exclusive maximum'],
    ['minItems', 'min items'],
    ['maxItems', 'max items'],
    ['minProperties', 'min properties'],
    ['maxProperties', 'max properties'],
  ];
  for (const [key, label] of bounds) {
    // OpenAPI 3.0 writes exclusive bounds as `exclusiveMinimum: true` beside `minimum`.
    const exclusive =
      (key === 'minimum' && s.exclusiveMinimum === true) || (key === 'maximum' && s.exclusiveMaximum === true);
    if (typeof s[key] === 'number') doc.constraints.push(`${exclusive ? `exclusive ${label}` : label} ${s[key]}`);
  }
  if (s.uniqueItems === true) doc.constraints.push('unique items');
  return doc;
}

/** `version` values of a resource schema (its `version` property's enum), newest first. */
export function versionsOf(schema: Json | undefined, ctx: SchemaContext, depth = 0): string[] {
  if (!isObject(schema) || depth > 8) return [];
  if (typeof schema.$ref === 'string') return versionsOf(resolvePointer(ctx.document, schema.$ref), ctx, depth + 1);
  const version = isObject(schema.properties) ? schema.properties.version : undefined;
  const values = enumValues(version, ctx);
  return sortVersionsNewestFirst(values.filter((v): v is string => typeof v === 'string'));
}

/**
 * The values of a resource schema's top-level `state` enum, in spec order
 * (`[]` when it has none): the states `waitFor` can wait for.
 */
export function stateValuesOf(schema: Json | undefined, ctx: SchemaContext, depth = 0): string[] {
  if (!isObject(schema) || depth > 8) return [];
  if (typeof schema.$ref === 'string') return stateValuesOf(resolvePointer(ctx.document, schema.$ref), ctx, depth + 1);
  if (Array.isArray(schema.allOf)) return [...new Set(schema.allOf.flatMap((s) => stateValuesOf(s, ctx, depth + 1)))];
  const state = isObject(schema.properties) ? schema.properties.state : undefined;
  return [...new Set(enumValues(state, ctx).filter((v): v is string => typeof v === 'string'))];
}

/**
 * State names that mean the resource will not reach another state a caller
 * waits for: a backup or snapshot that `failed` or was `removed`, an app
 * mirror `deleted`. Astra uses these words consistently across its state
 * enums; a state listed here that the caller waits for is a success.
 */
const FAILED_STATE_NAMES = new Set(['failed', 'error', 'removed', 'deleted']);

/** The failed states among a resource's state values. */
export const failedStatesOf = (states: readonly string[]): string[] => states.filter((s) => FAILED_STATE_NAMES.has(s));

/** The single `type` value of a resource schema, if it declares one. */
export function resourceTypeOf(schema: Json | undefined, ctx: SchemaContext, depth = 0): string | null {
  if (!isObject(schema) || depth > 8) return null;
  if (typeof schema.$ref === 'string') return resourceTypeOf(resolvePointer(ctx.document, schema.$ref), ctx, depth + 1);
  const type = isObject(schema.properties) ? schema.properties.type : undefined;
  const values = enumValues(type, ctx);
  return values.length === 1 && typeof values[0] === 'string' ? values[0] : null;
}

function enumValues(schema: Json | undefined, ctx: SchemaContext, depth = 0): Json[] {
  if (!isObject(schema) || depth > 8) return [];
  if (typeof schema.$ref === 'string') return enumValues(resolvePointer(ctx.document, schema.$ref), ctx, depth + 1);
  if (Array.isArray(schema.enum)) return schema.enum;
  if ('const' in schema) return [schema.const as Json];
  if (Array.isArray(schema.allOf)) return schema.allOf.flatMap((s) => enumValues(s, ctx, depth + 1));
  return [];
}

export function sortVersionsNewestFirst(versions: string[]): string[] {
  const parts = (v: string) =>
    v
      .split(/[^0-9]+/)
      .filter(Boolean)
      .map(Number);
  return [...new Set(versions)].sort((a, b) => {
    const pa = parts(a);
    const pb = parts(b);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
      const d = (pb[i] ?? -1) - (pa[i] ?? -1);
      if (d !== 0) return d;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/** Top-level members of a request body marked secret (x-astra-secret, directly or by reference). */
export function secretFieldsOf(schema: Json | undefined, ctx: SchemaContext): string[] {
  let type = schemaToType(schema, ctx);
  if (type.kind === 'ref') type = namedSchemaBody(type.name, ctx) ?? type;
  if (type.kind === 'intersection') type = type.members.find((m) => m.kind === 'object') ?? type;
  return type.kind === 'object' ? type.properties.filter((p) => p.secret).map((p) => p.name) : [];
}

/** The type of a named component schema's own body (not a reference to it). */
function namedSchemaBody(name: string, ctx: SchemaContext): TypeNode | null {
  const schemas = isObject(ctx.document.components) ? ctx.document.components.schemas : undefined;
  for (const [key, value] of ctx.schemaNames) {
    if (value === name && isObject(schemas)) return schemaToType(schemas[key], ctx);
  }
  return null;
}

/**
 * Top-level members of a request body that are maps (open
 * `additionalProperties`, no named members) with `minProperties` ≥ 1, directly
 * or through a $ref or allOf.
 */
export function nonEmptyMapsOf(schema: Json | undefined, ctx: SchemaContext): { name: string; required: boolean }[] {
  const body = derefSchema(schema, ctx);
  if (!isObject(body) || !isObject(body.properties)) return [];
  const required = Array.isArray(body.required) ? body.required : [];
  return Object.keys(body.properties)
    .filter((name) => isNonEmptyMap(body.properties && (body.properties as JsonObject)[name], ctx))
    .map((name) => ({ name, required: required.includes(name) }));
}

function derefSchema(schema: Json | undefined, ctx: SchemaContext, depth = 0): Json | undefined {
  if (isObject(schema) && typeof schema.$ref === 'string' && depth < 16)
    return derefSchema(resolvePointer(ctx.document, schema.$ref), ctx, depth + 1);
  return schema;
}

function isNonEmptyMap(schema: Json | undefined, ctx: SchemaContext, depth = 0): boolean {
  const s = derefSchema(schema, ctx);
  if (!isObject(s) || depth > 8) return false;
  const open = s.additionalProperties !== false && !isObject(s.properties);
  if (typeof s.minProperties === 'number' && s.minProperties >= 1 && open) return true;
  return Array.isArray(s.allOf) && s.allOf.some((m) => isNonEmptyMap(m, ctx, depth + 1));
}
