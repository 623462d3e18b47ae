// Checks over a loaded spec that the tests and the spec authors' check script
// share: every schema example validates against its schema (ajv, draft
// 2020-12), and the project's own extension rules hold.
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import formatsPlugin from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default export is the module.
const addFormats = formatsPlugin as unknown as typeof formatsPlugin.default;

type Json = Record<string, unknown>;

export interface ExampleFailure {
  pointer: string;
  errors: string;
}

/** Makes an ajv instance that understands OpenAPI 3.1 schema objects. */
export function makeAjv() {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  // OpenAPI-only keywords: annotations, not assertions.
  for (const keyword of ['example', 'discriminator', 'xml', 'externalDocs']) ajv.addKeyword(keyword);
  return ajv;
}

/**
 * `errorsOf(schema, value)`: ajv's complaints about `value` (none when it is
 * valid). Each schema is compiled once; its `example` is left out, as ajv
 * would otherwise check it too.
 */
export function schemaErrors(ajv = makeAjv()): (schema: Record<string, unknown>, value: unknown) => string[] {
  const compiled = new Map<object, ValidateFunction>();
  return (schema, value) => {
    let validate = compiled.get(schema);
    if (!validate) {
      const { example: _example, ...rest } = schema;
      validate = ajv.compile(rest);
      compiled.set(schema, validate);
    }
    return validate(value) ? [] : [ajv.errorsText(validate.errors)];
  };
}

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Walks a dereferenced document and validates every `example` that sits on
 * a schema object (not on parameters or media types) against that schema.
 */
export function invalidSchemaExamples(dereferenced: Json): ExampleFailure[] {
  const ajv = makeAjv();
  const failures: ExampleFailure[] = [];
  const seen = new Set<object>();
  const visit = (node: unknown, pointer: string, isSchema: boolean) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const obj = node as Json;
    if (isSchema && 'example' in obj) {
      const { example, ...schema } = obj;
      const validate = ajv.compile(schema);
      if (!validate(example)) {
        failures.push({ pointer, errors: ajv.errorsText(validate.errors) });
      }
    }
    for (const [key, value] of Object.entries(obj)) {
      const childIsSchema =
        key === 'schema' ||
        (isSchema && ['items', 'not', 'if', 'then', 'else', 'additionalProperties', 'contains'].includes(key));
      if (key === 'example' || key === 'examples') continue;
      if (
        isSchema &&
        ['properties', 'patternProperties', '$defs'].includes(key) &&
        value &&
        typeof value === 'object'
      ) {
        for (const [k, v] of Object.entries(value as Json)) visit(v, `${pointer}/${key}/${escapePointer(k)}`, true);
        continue;
      }
      if (isSchema && ['allOf', 'anyOf', 'oneOf', 'prefixItems'].includes(key) && Array.isArray(value)) {
        value.forEach((v, i) => visit(v, `${pointer}/${key}/${i}`, true));
        continue;
      }
      if (pointer === '#/components' && key === 'schemas' && value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value as Json)) visit(v, `${pointer}/schemas/${escapePointer(k)}`, true);
        continue;
      }
      visit(value, `${pointer}/${escapePointer(key)}`, childIsSchema);
    }
  };
  visit(dereferenced, '#', false);
  return failures;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

export interface OperationRef {
  path: string;
  method: string;
  operation: Json;
}

export function operationsOf(doc: Json): OperationRef[] {
  const out: OperationRef[] = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Json>)) {
    for (const method of METHODS) {
      const operation = item[method] as Json | undefined;
      if (operation) out.push({ path, method, operation });
    }
  }
  return out;
}

/**
 * The project's extension rules (see spec/CONVENTIONS.md): problem lists
 * match responses and the catalogue; list operations declare pagination.
 * Expects a dereferenced document.
 */
export function conventionViolations(doc: Json): string[] {
  const problems: string[] = [];
  const catalogue = (doc['x-astra-problem-catalogue'] ?? {}) as Record<string, { status: number }>;
  const ids = new Map<string, string>();
  for (const { path, method, operation } of operationsOf(doc)) {
    const where = `${method.toUpperCase()} ${path}`;
    const id = operation.operationId as string | undefined;
    if (!id) problems.push(`${where}: no operationId`);
    else if (!/^[a-z][a-zA-Z0-9]*$/.test(id)) problems.push(`${where}: operationId ${id} is not camelCase`);
    else if (ids.has(id)) problems.push(`${where}: operationId ${id} also used by ${ids.get(id)}`);
    else ids.set(id, where);
    if (!operation.summary) problems.push(`${where}: no summary`);
    const tags = operation.tags as string[] | undefined;
    if (!tags || tags.length !== 1) problems.push(`${where}: needs exactly one tag`);
    const responses = (operation.responses ?? {}) as Record<string, Json>;
    const declared = (operation['x-astra-problems'] ?? undefined) as Record<string, number[]> | undefined;
    if (!declared) problems.push(`${where}: no x-astra-problems`);
    const errorStatuses = Object.keys(responses).filter((s) => /^[45]/.test(s));
    for (const status of errorStatuses) {
      if (!declared?.[status]) problems.push(`${where}: response ${status} has no x-astra-problems entry`);
    }
    for (const [status, numbers] of Object.entries(declared ?? {})) {
      if (!responses[status]) problems.push(`${where}: x-astra-problems names ${status} but no such response`);
      for (const n of numbers) {
        const entry = catalogue[String(n)];
        if (!entry) problems.push(`${where}: problem ${n} is not in the catalogue`);
        else if (String(entry.status) !== status)
          problems.push(`${where}: problem ${n} has status ${entry.status}, listed under ${status}`);
      }
    }
    const isList = method === 'get' && !/\}$/.test(path) && responses['200'];
    const pagination = operation['x-astra-pagination'];
    const params = ((operation.parameters ?? []) as Json[]).map((p) => p.name);
    if (isList && path !== '/accounts/{account_id}/metrics') {
      if (pagination !== 'continue' && pagination !== 'none')
        problems.push(`${where}: list operation without x-astra-pagination: continue|none`);
      if ((pagination === 'continue') !== params.includes('continue'))
        problems.push(`${where}: x-astra-pagination ${pagination} disagrees with the continue parameter`);
    }
  }
  return problems;
}
