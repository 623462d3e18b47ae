// Small builders for model unit tests: a schema context over a handful of
// named schemas, and an OpenAPI document around a few paths.
import type { JsonObject } from '../../../scripts/pipeline/load.ts';
import type { SchemaContext } from '../../../scripts/model/schemas.ts';
import { typeName, uniqueNames } from '../../../scripts/model/naming.ts';
import { compareText } from '../../../scripts/util/order.ts';

/** A document with these components/schemas, and the context buildModel would make for it. */
export function contextFor(schemas: JsonObject = {}, extra: JsonObject = {}): SchemaContext {
  const document: JsonObject = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {},
    ...extra,
    components: { schemas },
  };
  const keys = Object.keys(schemas).sort(compareText);
  const names = uniqueNames(keys.map((k) => typeName(k)));
  return { document, schemaNames: new Map(keys.map((k, i) => [k, names[i]!])) };
}

/** An OpenAPI document with these paths (and optional components). */
export function documentWith(paths: JsonObject, components: JsonObject = {}, extra: JsonObject = {}): JsonObject {
  return { openapi: '3.1.0', info: { title: 't', version: '1' }, paths, components, ...extra };
}

export const ok = { '200': { description: 'OK.' } };
export const noContent = { '204': { description: 'Done.' } };
export const json = (schema: JsonObject, status = '200') => ({
  [status]: { description: 'OK.', content: { 'application/json': { schema } } },
});
