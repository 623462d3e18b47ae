// The normalised view of one schema the schema diff compares: `$ref`s
// followed, `allOf` members merged, nullability read from every spelling
// (`nullable: true`, `type: [x, 'null']`, a `{type: 'null'}` variant, `null`
// in an enum), `const` read as a one-value enum. Two schemas that give the
// generated TypeScript the same shape have equal views.
import type { Json, JsonObject } from '../../pipeline/load.ts';
import { isObject, resolve } from '../normalise.ts';

/** Keywords whose change tightens or relaxes what a value may be. */
export const CONSTRAINT_KEYWORDS = [
  'maxLength',
  'minLength',
  'pattern',
  'maximum',
  'minimum',
  'exclusiveMaximum',
  'exclusiveMinimum',
  'multipleOf',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
] as const;

export const DOC_KEYWORDS = ['description', 'title', 'example', 'examples', 'externalDocs', '$comment'] as const;

/** Every keyword the view reads; the rest are compared as they are (schema-keyword-changed). */
const READ = new Set<string>([
  ...CONSTRAINT_KEYWORDS,
  ...DOC_KEYWORDS,
  '$ref',
  'type',
  'nullable',
  'format',
  'enum',
  'const',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'oneOf',
  'anyOf',
  'allOf',
]);

export interface SchemaView {
  /** The first `$ref` followed to reach the schema: the memo key of its diff. */
  ref: string | null;
  /** Pointer tokens from the schema to the one whose members the view reads (`anyOf/0` for a nullable X). */
  inner: (string | number)[];
  /** JSON types other than null, sorted; empty when unconstrained. */
  types: string[];
  nullable: boolean;
  format: string | undefined;
  enum: Json[] | null;
  properties: Map<string, Json>;
  required: Set<string>;
  /** false: no other members allowed; true: any; a schema: members of that shape. */
  additional: boolean | Json;
  items: Json | undefined;
  variants: { keyword: 'oneOf' | 'anyOf'; members: Json[] } | null;
  constraints: Partial<Record<(typeof CONSTRAINT_KEYWORDS)[number], Json>>;
  docs: Partial<Record<(typeof DOC_KEYWORDS)[number], Json>>;
  default: Json | undefined;
  deprecated: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  /** Keywords the view does not interpret (`x-astra-secret`, `discriminator`, `not`…). */
  rest: Map<string, Json>;
}

const isNullSchema = (doc: JsonObject, node: Json) => {
  const s = resolve(doc, node).node;
  return s.type === 'null' || (Array.isArray(s.enum) && s.enum.length === 1 && s.enum[0] === null);
};

export function viewSchema(doc: JsonObject, node: Json | undefined, depth = 0): SchemaView {
  const { node: s, ref } = resolve(doc, node);
  const declared = Array.isArray(s.type)
    ? s.type.filter((t): t is string => typeof t === 'string')
    : typeof s.type === 'string'
      ? [s.type]
      : [];
  let nullable = s.nullable === true || declared.includes('null');
  let types = declared.filter((t) => t !== 'null');
  if (!types.length && isObject(s.properties)) types = ['object'];
  if (!types.length && s.items !== undefined) types = ['array'];

  let values: Json[] | null = Array.isArray(s.enum) ? [...s.enum] : s.const !== undefined ? [s.const] : null;
  if (values?.includes(null)) {
    nullable = true;
    values = values.filter((v) => v !== null);
  }
  let variants: SchemaView['variants'] = null;
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const list = s[keyword];
    if (!Array.isArray(list)) continue;
    const members = list.filter((m) => !isNullSchema(doc, m));
    if (members.length < list.length) nullable = true;
    // `anyOf: [X, {type: null}]` is how 3.1 writes a nullable X: read it as X.
    if (members.length === 1 && members.length < list.length && !variants) {
      const inner = viewSchema(doc, members[0], depth + 1);
      return {
        ...inner,
        ref,
        inner: [keyword, list.indexOf(members[0]!), ...inner.inner],
        nullable: true,
        docs: { ...inner.docs, ...docsOf(s) },
        deprecated: inner.deprecated || s.deprecated === true,
      };
    }
    variants = { keyword, members };
  }

  const view: SchemaView = {
    ref,
    inner: [],
    types: types.sort(),
    nullable,
    format: typeof s.format === 'string' ? s.format : undefined,
    enum: values,
    properties: new Map(isObject(s.properties) ? Object.entries(s.properties) : []),
    required: new Set(Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : []),
    additional:
      s.additionalProperties === false
        ? false
        : s.additionalProperties === undefined || s.additionalProperties === true
          ? true
          : s.additionalProperties,
    items: s.items,
    variants,
    constraints: Object.fromEntries(CONSTRAINT_KEYWORDS.filter((k) => s[k] !== undefined).map((k) => [k, s[k]!])),
    docs: docsOf(s),
    default: s.default,
    deprecated: s.deprecated === true,
    readOnly: s.readOnly === true,
    writeOnly: s.writeOnly === true,
    rest: new Map(Object.entries(s).filter(([k]) => !READ.has(k))),
  };
  if (Array.isArray(s.allOf) && depth < 32)
    for (const member of s.allOf) mergeInto(view, viewSchema(doc, member, depth + 1));
  return view;
}

function docsOf(s: JsonObject): SchemaView['docs'] {
  return Object.fromEntries(DOC_KEYWORDS.filter((k) => s[k] !== undefined).map((k) => [k, s[k]!]));
}

/** allOf: the members' properties, requirements and constraints join the schema's own; its own words win. */
function mergeInto(view: SchemaView, member: SchemaView): void {
  if (!view.types.length) view.types = member.types;
  view.format ??= member.format;
  view.enum ??= member.enum;
  view.items ??= member.items;
  view.variants ??= member.variants;
  if (view.additional === true) view.additional = member.additional;
  for (const [name, schema] of member.properties) if (!view.properties.has(name)) view.properties.set(name, schema);
  for (const name of member.required) view.required.add(name);
  view.constraints = { ...member.constraints, ...view.constraints };
  view.docs = { ...member.docs, ...view.docs };
  view.default ??= member.default;
  view.deprecated ||= member.deprecated;
  view.readOnly ||= member.readOnly;
  view.writeOnly ||= member.writeOnly;
  for (const [k, v] of member.rest) if (!view.rest.has(k)) view.rest.set(k, v);
}
