// Request bodies and query parameters checked against the spec's own
// schemas with ajv in the spec's dialect (JSON Schema 2020-12, as OpenAPI 3.1
// uses). A failure becomes what Astra sends: 400 with `invalidFields` (body
// members) or `invalidParams` (query parameters), each naming the field and
// saying why, never echoing the value (it may be a secret).
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import type { Json, JsonObject } from '../../scripts/util/json.ts';
import type { InvalidEntry } from './problems.ts';

// ajv-formats is CommonJS; under NodeNext its default export is the module.
const addFormats = formatsPlugin as unknown as typeof formatsPlugin.default;

const SPEC_ID = 'urn:astra-simulator:spec';

export class SchemaValidator {
  private readonly ajv: Ajv2020;
  private readonly compiled = new WeakMap<object, ValidateFunction>();

  constructor(document: JsonObject) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true, validateSchema: false });
    addFormats(this.ajv);
    // OpenAPI-only keywords: annotations, not assertions.
    for (const keyword of ['example', 'discriminator', 'xml', 'externalDocs']) this.ajv.addKeyword(keyword);
    this.ajv.addSchema({ ...document, $id: SPEC_ID } as object, undefined, undefined, false);
  }

  /**
   * Validates `value` against a schema object of the document (a `{ $ref }`
   * or an inline schema, whose own `#/…` references point into the document).
   */
  check(schema: Json, value: unknown): ErrorObject[] {
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return [];
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(anchored(schema) as object);
      this.compiled.set(schema, validate);
    }
    return validate(value) ? [] : [...(validate.errors ?? [])];
  }
}

/** A copy of a schema whose local references name the registered document. */
function anchored(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(anchored);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(schema))
    out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${SPEC_ID}${v}` : anchored(v);
  return out;
}

/** `/metadata/labels/0/name` → `metadata.labels[0].name`. */
export function fieldName(instancePath: string, child?: string): string {
  const tokens = instancePath
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) tokens.push(child);
  let out = '';
  for (const t of tokens) out += /^[0-9]+$/.test(t) ? `[${t}]` : out ? `.${t}` : t;
  return out;
}

/** ajv errors → Astra's invalid entries, one per field and reason. */
export function invalidEntries(errors: ErrorObject[], whole: string): InvalidEntry[] {
  const out: InvalidEntry[] = [];
  for (const e of errors) {
    // Summaries of combinators restate what their members already said.
    if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'allOf') continue;
    if (e.keyword === 'required')
      out.push({ name: fieldName(e.instancePath, String(e.params.missingProperty)), reason: 'is required' });
    else if (e.keyword === 'additionalProperties')
      out.push({ name: fieldName(e.instancePath, String(e.params.additionalProperty)), reason: 'is not allowed' });
    else out.push({ name: fieldName(e.instancePath) || whole, reason: e.message ?? 'is invalid' });
  }
  if (!out.length && errors.length) out.push({ name: whole, reason: errors[0]!.message ?? 'is invalid' });
  return out;
}
