// Model builder for JSON Schema conditionals that discriminate an object by one
// property: `if` pins the property to values (by `const` or `enum`), `then`
// says what the object must hold for them. Astra writes its extended
// validation this way (a credential's keyType decides which keyStore members
// are required; an execution hook's action decides its stage), and a union is
// what TypeScript can check of it: one variant per rule, the property narrowed
// to the rule's values and `then`'s members added, plus one for every other
// value. So `keyType: 's3'` with `keyStore: { certificate }` is a compile error.
//
// The rules are rewritten as JSON schemas (one per variant) for schemaToType to
// convert, so every keyword it knows keeps its meaning. Recognised: rules in
// the object's own `if`/`then` or in its `allOf` members (through $refs, and
// through `allOf`s that hold only rules), every `if` pinning the same property
// and nothing else but `required`, no `else`, values disjoint between rules.
// Anything else stays validation-only documentation, as before.
import { type Json, type JsonObject, resolvePointer } from '../util/json.ts';

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

interface Rule {
  /** The values `if` pins the property to. */
  values: Json[];
  /** Whether `if` requires the property (if not, a value without it meets `if` too). */
  requiresProperty: boolean;
  then: JsonObject;
}

export interface Discrimination {
  property: string;
  /** One JSON schema per variant: each rule's, then the one for every other value (when there is one). */
  variants: JsonObject[];
  /** Indexes of the `allOf` members the rules came from: they are replaced by the variants. */
  consumedAllOf: Set<number>;
}

const MAX_REF_DEPTH = 16;

function deref(node: Json | undefined, document: JsonObject): Json | undefined {
  for (let i = 0; i < MAX_REF_DEPTH && isObject(node) && typeof node.$ref === 'string'; i++) {
    node = resolvePointer(document, node.$ref);
  }
  return node;
}

/** The property an `if` pins and its values, or null when the `if` is anything else. */
function pinnedBy(ifSchema: Json | undefined): { property: string; values: Json[]; required: boolean } | null {
  if (!isObject(ifSchema) || !isObject(ifSchema.properties)) return null;
  if (Object.keys(ifSchema).some((k) => k !== 'properties' && k !== 'required')) return null;
  const names = Object.keys(ifSchema.properties);
  if (names.length !== 1) return null;
  const property = names[0]!;
  const pin = ifSchema.properties[property];
  if (!isObject(pin)) return null;
  const values = 'const' in pin ? [pin.const as Json] : Array.isArray(pin.enum) ? pin.enum : null;
  if (!values?.length) return null;
  const required = Array.isArray(ifSchema.required) ? ifSchema.required : [];
  if (required.some((r) => r !== property)) return null;
  return { property, values, required: required.includes(property) };
}

/** The rules a schema holds, when it holds nothing but rules (`if`/`then`, or an `allOf` of such). */
function rulesOf(schema: Json | undefined, document: JsonObject, depth = 0): (Rule & { property: string })[] | null {
  const s = deref(schema, document);
  if (!isObject(s) || depth > MAX_REF_DEPTH) return null;
  const meaningful = Object.keys(s).filter((k) => !['description', '$comment', 'title'].includes(k));
  if (meaningful.length === 1 && Array.isArray(s.allOf)) {
    const nested = s.allOf.map((m) => rulesOf(m, document, depth + 1));
    return nested.every((n) => n !== null) ? nested.flat() : null;
  }
  return ownRule(s, meaningful);
}

function ownRule(s: JsonObject, keys: string[]): (Rule & { property: string })[] | null {
  if (!(keys.length === 2 && 'if' in s && isObject(s.then))) return null;
  const pin = pinnedBy(s.if);
  return pin ? [{ property: pin.property, values: pin.values, requiresProperty: pin.required, then: s.then }] : null;
}

/** Every value the object's own schema allows for the property, or null when the set is open or unknown. */
function closedValues(schema: JsonObject, property: string, document: JsonObject): Json[] | null {
  const prop = isObject(schema.properties) ? deref(schema.properties[property], document) : undefined;
  if (!isObject(prop)) return null;
  if (Array.isArray(prop.enum)) return prop.enum;
  if ('const' in prop) return [prop.const as Json];
  return null;
}

/** `then` as a variant's member schema: its members typed from `then`, or from the map the object declares. */
function refinedMember(base: Json | undefined, refinement: Json | undefined, document: JsonObject): Json {
  if (!isObject(refinement)) return refinement ?? true;
  const required = Array.isArray(refinement.required)
    ? refinement.required.filter((r): r is string => typeof r === 'string')
    : [];
  const given = isObject(refinement.properties) ? refinement.properties : {};
  if (!required.length && !Object.keys(given).length) return refinement; // `{ const: post }`: the value itself
  const baseSchema = deref(base, document);
  // A member `then` only requires takes the type of the object's map values (a keyStore part is Base64Data).
  const valueSchema = isObject(baseSchema) ? (baseSchema.additionalProperties ?? true) : true;
  const properties: JsonObject = {};
  for (const name of [...required, ...Object.keys(given)]) {
    if (!(name in properties)) properties[name] = given[name] ?? (valueSchema === false ? true : valueSchema);
  }
  return { type: 'object', required, properties };
}

function variantFor(rule: Rule, property: string, schema: JsonObject, document: JsonObject): JsonObject {
  const baseProperties = isObject(schema.properties) ? schema.properties : {};
  const thenProperties = isObject(rule.then.properties) ? rule.then.properties : {};
  const thenRequired = Array.isArray(rule.then.required) ? rule.then.required : [];
  const properties: JsonObject = {
    [property]: rule.values.length === 1 ? { const: rule.values[0]! } : { enum: rule.values },
  };
  for (const [name, refinement] of Object.entries(thenProperties)) {
    if (name === property) continue;
    properties[name] = refinedMember(baseProperties[name], refinement, document);
  }
  const required = [...new Set([...(rule.requiresProperty ? [property] : []), ...thenRequired])];
  return { type: 'object', required, properties };
}

/**
 * The variants an object schema's discriminating rules make, or null when it
 * has none (or rules this builder does not turn into a union).
 */
export function discriminationOf(schema: JsonObject, document: JsonObject): Discrimination | null {
  const rules: (Rule & { property: string })[] = [];
  const consumedAllOf = new Set<number>();
  if ('if' in schema) {
    const own = ownRule(
      schema,
      ['if', 'then'].filter((k) => k in schema),
    );
    if (!own || 'else' in schema) return null;
    rules.push(...own);
  }
  if (Array.isArray(schema.allOf)) {
    schema.allOf.forEach((member, i) => {
      const found = rulesOf(member, document);
      if (found?.length) {
        rules.push(...found);
        consumedAllOf.add(i);
      }
    });
  }
  if (!rules.length) return null;
  const property = rules[0]!.property;
  if (rules.some((r) => r.property !== property)) return null;
  const pinned = rules.flatMap((r) => r.values.map((v) => JSON.stringify(v)));
  if (new Set(pinned).size !== pinned.length) return null;

  const variants = rules.map((r) => variantFor(r, property, schema, document));
  // Every other value: the rest of a closed set, or (when it is open) no narrowing at all.
  const all = closedValues(schema, property, document);
  const rest = all?.filter((v) => !pinned.includes(JSON.stringify(v))) ?? null;
  const absentMeetsNoRule = rules.every((r) => r.requiresProperty);
  if (rest === null) variants.push({ type: 'object' });
  else if (rest.length || absentMeetsNoRule) {
    // Absent too when no rule fires without the property; `false` (never) when no value is left.
    const other: Json = rest.length ? { enum: rest } : false;
    variants.push({ type: 'object', required: absentMeetsNoRule ? [] : [property], properties: { [property]: other } });
  }
  return { property, variants, consumedAllOf };
}

const COMPONENT_PREFIX = '#/components/schemas/';

/**
 * Rules-only named schemas (`CredentialKeyStoreRules`) and the variants the
 * schemas applying them get, where every one gets the same: such a schema is
 * emitted as that union and referenced (`CredentialCreate = {…} &
 * CredentialKeyStoreRules`) instead of being repeated in each. Keyed by the
 * `$ref` and by the schema object itself (which is what the model converts
 * when it emits the named schema).
 */
export interface SharedRules {
  byRef: Map<string, string>;
  byTarget: Map<JsonObject, JsonObject[]>;
}

const sharedCache = new WeakMap<JsonObject, SharedRules>();

/** The one `$ref` a discrimination's rules all come from, or null (own `if`, several members, inline rules). */
function singleRulesRef(schema: JsonObject, discrimination: Discrimination): string | null {
  if ('if' in schema || discrimination.consumedAllOf.size !== 1 || !Array.isArray(schema.allOf)) return null;
  const member = schema.allOf[[...discrimination.consumedAllOf][0]!];
  return isObject(member) && typeof member.$ref === 'string' && member.$ref.startsWith(COMPONENT_PREFIX)
    ? member.$ref
    : null;
}

export function sharedRules(document: JsonObject): SharedRules {
  const cached = sharedCache.get(document);
  if (cached) return cached;
  const schemas =
    isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {};
  const variantsByRef = new Map<string, string | null>();
  for (const schema of Object.values(schemas)) {
    if (!isObject(schema)) continue;
    const discrimination = discriminationOf(schema, document);
    const ref = discrimination && singleRulesRef(schema, discrimination);
    if (!ref) continue;
    const json = JSON.stringify(discrimination.variants);
    variantsByRef.set(ref, variantsByRef.has(ref) && variantsByRef.get(ref) !== json ? null : json);
  }
  const shared: SharedRules = { byRef: new Map(), byTarget: new Map() };
  for (const [ref, json] of variantsByRef) {
    const target = resolvePointer(document, ref);
    if (json === null || !isObject(target)) continue;
    shared.byRef.set(ref, json);
    shared.byTarget.set(target, JSON.parse(json) as JsonObject[]);
  }
  sharedCache.set(document, shared);
  return shared;
}

/** The `$ref` of the named rules schema whose union this discrimination is, when it is shared. */
export function sharedRulesRefFor(
  schema: JsonObject,
  discrimination: Discrimination,
  document: JsonObject,
): string | null {
  const ref = singleRulesRef(schema, discrimination);
  return ref && sharedRules(document).byRef.get(ref) === JSON.stringify(discrimination.variants) ? ref : null;
}
