// Routing from the model: the route table is built at start-up from the
// bundled spec through the generator's own model builder, so every path,
// method, media type, body schema, query parameter and problem list the
// simulator serves is the one the spec declares. Nothing here names a
// particular Astra resource.
//
// Collections: operations are grouped by collection path (the path without
// its trailing `{id}`), and groups that serve the same resource `type` (the
// app backups under `k8s/v1/apps/{app_id}/appBackups` and under
// `topology/v1/appBackups`) share one stored collection, so a resource
// created at one root is seen at every root the spec places it.
import { buildModel, isListEnvelope } from '../../scripts/model/build.ts';
import type { ApiModel, OperationModel, ProblemModel } from '../../scripts/model/types.ts';
import { type Json, type JsonObject } from '../../scripts/util/json.ts';
import { derefSchema, enumOf, hasFlag, isObject, propertiesOf } from './schema-walk.ts';

export interface CollectionSpec {
  /** Store key: the resource `type` (`application/astra-credential`), or the collection path when none is declared. */
  key: string;
  /** Pointer of the read schema (`#/components/schemas/Credential`), when known. */
  readSchema: string | null;
  /** Body members that are stored but never returned (writeOnly or x-astra-secret). */
  writeOnlyFields: Set<string>;
  /** Read-schema members owned by the server (readOnly): kept across a PUT. */
  serverOwnedFields: Set<string>;
  /** The read schema's `state` moves pending → running → completed. */
  lifecycle: boolean;
}

export interface Route {
  op: OperationModel;
  /** Path segments; `{name}` segments are parameters. */
  segments: string[];
  /** Path parameter of the resource itself (instance routes), e.g. `credential_id`. */
  idParam: string | null;
  collection: CollectionSpec;
  /** Success media types as declared, in declaration order. */
  responseTypes: string[];
  /** Request body media types as declared. */
  requestTypes: string[];
  /** Pointer (or inline schema) of the request body schema. */
  bodySchema: Json | null;
  /** Query parameters the operation declares, by name, with their schemas; `repeated` for array parameters (`filter=…&filter=…`). */
  query: Map<string, { schema: Json | undefined; required: boolean; repeated: boolean }>;
  /** x-astra-problems: status → problem numbers. */
  problems: Map<string, number[]>;
  /** The collection path template (without the trailing id). */
  collectionPath: string;
  /** Schema of a create's 201 body when it differs from the read schema (a new token shows its secret once). */
  createdSchema: string | null;
  /** A GET of one document that is neither a resource nor a list (metrics, the OpenAPI document). */
  singleton: boolean;
  /** The success response's JSON schema, when it has one. */
  responseSchema: Json | null;
}

export interface RouteTable {
  document: JsonObject;
  model: ApiModel;
  routes: Route[];
  collections: Map<string, CollectionSpec>;
  problemsByNumber: Map<number, ProblemModel>;
  /**
   * The GET route of the resource a path prefix names (`…/apps/{app_id}`), for
   * parent-existence checks. When the prefix is not a path of its own
   * (`k8s/v1/apps/{app_id}` only prefixes nested collections), the one current
   * instance path ending in the same `apps/{app_id}` stands in for it.
   */
  parentRoute(template: string): Route | undefined;
  match(method: string, pathname: string): RouteMatch;
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

const isParam = (segment: string) => segment.startsWith('{') && segment.endsWith('}');
const paramName = (segment: string) => segment.slice(1, -1);

interface TrieNode {
  literal: Map<string, TrieNode>;
  param: TrieNode | null;
  paramName: string | null;
  routes: Map<string, Route>;
}
const newNode = (): TrieNode => ({ literal: new Map(), param: null, paramName: null, routes: new Map() });

function contentTypes(
  doc: JsonObject,
  node: Json | undefined,
): { types: string[]; schemas: Map<string, Json | undefined> } {
  const target = derefSchema(doc, node);
  const content = isObject(target.content) ? target.content : {};
  const schemas = new Map<string, Json | undefined>();
  for (const [type, media] of Object.entries(content)) schemas.set(type, isObject(media) ? media.schema : undefined);
  return { types: [...schemas.keys()], schemas };
}

function operationObject(doc: JsonObject, op: OperationModel): JsonObject {
  const paths = isObject(doc.paths) ? doc.paths : {};
  const item = derefSchema(doc, paths[op.path]);
  const found = item[op.method.toLowerCase()];
  return isObject(found) ? found : {};
}

function schemaPointerOf(model: ApiModel, type: OperationModel['success']['type']): string | null {
  if (!type || type.kind !== 'ref') return null;
  const schema = model.schemas.find((s) => s.name === type.name);
  return schema ? `#/components/schemas/${schema.specName.replace(/~/g, '~0').replace(/\//g, '~1')}` : null;
}

export function buildRouteTable(document: JsonObject): RouteTable {
  const model = buildModel(document);
  const groups = new Map<string, OperationModel[]>();
  for (const op of model.operations) {
    const segments = op.path.split('/').filter(Boolean);
    const onInstance = segments.length > 0 && isParam(segments[segments.length - 1]!) && op.kind !== 'list';
    const collectionPath = onInstance ? '/' + segments.slice(0, -1).join('/') : op.path;
    groups.set(collectionPath, [...(groups.get(collectionPath) ?? []), op]);
  }

  const collections = new Map<string, CollectionSpec>();
  const routes: Route[] = [];
  for (const [collectionPath, ops] of groups) {
    // The read schema: what a GET of one returns, else what a create returns, else a list item.
    const readOp = ops.find((o) => o.kind === 'get') ?? ops.find((o) => o.kind === 'create');
    const readSchema =
      schemaPointerOf(model, readOp?.success.type ?? null) ??
      schemaPointerOf(model, ops.find((o) => o.kind === 'list')?.listItem ?? null);
    const typeValues = readSchema ? enumOf(document, propertiesOf(document, { $ref: readSchema }).get('type')) : [];
    const resourceType =
      ops.find((o) => o.resourceType)?.resourceType ??
      (typeValues.length === 1 && typeof typeValues[0] === 'string' ? typeValues[0] : null);
    // One media type served by two read schemas (the legacy `topology/v1/apps` and
    // the current `k8s/v2/apps`) means two representations: kept apart.
    let key = resourceType ?? collectionPath;
    const sameType = collections.get(key);
    if (sameType && readSchema && sameType.readSchema && sameType.readSchema !== readSchema)
      key = `${key} ${readSchema}`;
    let collection = collections.get(key);
    if (!collection) {
      collection = { key, readSchema, writeOnlyFields: new Set(), serverOwnedFields: new Set(), lifecycle: false };
      collections.set(key, collection);
    }
    if (!collection.readSchema && readSchema) collection.readSchema = readSchema;
    if (collection.readSchema) {
      const props = propertiesOf(document, { $ref: collection.readSchema });
      for (const [name, schema] of props)
        if (hasFlag(document, schema, 'readOnly')) collection.serverOwnedFields.add(name);
      const states = enumOf(document, props.get('state'));
      collection.lifecycle = ['pending', 'running', 'completed'].every((s) => states.includes(s));
    }
    for (const op of ops) {
      const raw = operationObject(document, op);
      const body = isObject(raw.requestBody)
        ? contentTypes(document, raw.requestBody)
        : { types: [], schemas: new Map() };
      const bodySchema = body.types.length
        ? (body.schemas.get(op.requestBody?.mediaType ?? body.types[0]!) ?? null)
        : null;
      if (bodySchema) {
        for (const [name, schema] of propertiesOf(document, bodySchema)) {
          if (hasFlag(document, schema, 'writeOnly') || hasFlag(document, schema, 'x-astra-secret'))
            collection.writeOnlyFields.add(name);
        }
      }
      for (const f of op.secretFields) collection.writeOnlyFields.add(f);
      const responses = isObject(raw.responses) ? raw.responses : {};
      const query = new Map<string, { schema: Json | undefined; required: boolean; repeated: boolean }>();
      for (const p of op.parameters.query) {
        const declared = [...(Array.isArray(raw.parameters) ? raw.parameters : []), ...sharedParameters(document, op)]
          .map((x) => derefSchema(document, x))
          .find((x) => x.name === p.name && x.in === 'query');
        query.set(p.name, {
          schema: declared?.schema,
          required: p.required,
          repeated: derefSchema(document, declared?.schema).type === 'array',
        });
      }
      const problems = new Map<string, number[]>();
      for (const e of op.errors) problems.set(e.status, e.problems);
      const segments = op.path.split('/').filter(Boolean);
      const last = segments[segments.length - 1] ?? '';
      const success = contentTypes(document, responses[op.success.status]);
      const jsonType = success.types.find((t) => /json$/.test(t));
      const responseSchema = jsonType ? (success.schemas.get(jsonType) ?? null) : null;
      const createdSchema = op.kind === 'create' ? schemaPointerOf(model, op.success.type) : null;
      routes.push({
        createdSchema: createdSchema !== collection.readSchema ? createdSchema : null,
        singleton:
          op.method === 'GET' &&
          op.path === collectionPath &&
          !(responseSchema && isListEnvelope(responseSchema, document)),
        responseSchema,
        op,
        segments,
        idParam: op.path !== collectionPath && isParam(last) ? paramName(last) : null,
        collection,
        responseTypes: success.types,
        requestTypes: body.types,
        bodySchema,
        query,
        problems,
        collectionPath,
      });
    }
  }

  const root = newNode();
  for (const route of routes) {
    let node = root;
    for (const segment of route.segments) {
      if (isParam(segment)) {
        node.param ??= newNode();
        node.paramName ??= paramName(segment);
        node = node.param;
      } else {
        let next = node.literal.get(segment);
        if (!next) node.literal.set(segment, (next = newNode()));
        node = next;
      }
    }
    node.routes.set(route.op.method, route);
  }

  const instanceByPath = new Map<string, Route>();
  const instanceBySuffix = new Map<string, Route[]>();
  for (const r of routes) {
    if (r.op.kind !== 'get' || !r.idParam) continue;
    instanceByPath.set(r.op.path, r);
    if (r.op.deprecated) continue;
    const suffix = r.segments.slice(-2).join('/');
    instanceBySuffix.set(suffix, [...(instanceBySuffix.get(suffix) ?? []), r]);
  }

  return {
    document,
    model,
    routes,
    collections,
    problemsByNumber: new Map(model.problems.map((p) => [p.number, p])),
    parentRoute(template) {
      const exact = instanceByPath.get(template);
      if (exact) return exact;
      const segments = template.split('/').filter(Boolean);
      let candidates = instanceBySuffix.get(segments.slice(-2).join('/')) ?? [];
      // Several (`k8s/v2/apps/{app_id}`, `topology/v2/managedClusters/{…}/apps/{app_id}`): the same category, then the same depth.
      if (candidates.length > 1) candidates = candidates.filter((r) => r.segments[2] === segments[2]);
      if (candidates.length > 1) candidates = candidates.filter((r) => r.segments.length === segments.length);
      return candidates.length === 1 ? candidates[0] : undefined;
    },
    match(method, pathname) {
      const segments = pathname.split('/').filter(Boolean);
      const values: string[] = [];
      const node = walk(root, segments, 0, values);
      if (!node) return { kind: 'not-found' };
      const route = node.routes.get(method);
      if (!route) return { kind: 'method-not-allowed', allowed: [...node.routes.keys()] };
      const params: Record<string, string> = {};
      let i = 0;
      for (const s of route.segments) if (isParam(s)) params[paramName(s)] = values[i++]!;
      return { kind: 'found', route, params };
    },
  };
}

/** Depth-first match, literal segments before parameters; `values` collects parameter values in order. */
function walk(node: TrieNode, segments: string[], index: number, values: string[]): TrieNode | null {
  if (index === segments.length) return node.routes.size ? node : null;
  const segment = segments[index]!;
  const literal = node.literal.get(segment);
  if (literal) {
    const found = walk(literal, segments, index + 1, values);
    if (found) return found;
  }
  if (node.param) {
    let value: string;
    try {
      value = decodeURIComponent(segment);
    } catch {
      return null;
    }
    values.push(value);
    const found = walk(node.param, segments, index + 1, values);
    if (found) return found;
    values.pop();
  }
  return null;
}

function sharedParameters(doc: JsonObject, op: OperationModel): Json[] {
  const paths = isObject(doc.paths) ? doc.paths : {};
  const item = derefSchema(doc, paths[op.path]);
  return Array.isArray(item.parameters) ? item.parameters : [];
}
