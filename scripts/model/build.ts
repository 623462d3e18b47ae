// Stage 3, model: turn the bundled document into the ApiModel. Each builder
// below says which part of the spec it reads and which Astra quirk it absorbs.
import { createHash } from 'node:crypto';
import { type Json, type JsonObject, isObject, resolvePointer } from '../util/json.ts';
import { SENT_METHODS } from './methods.ts';
import { compareText, sortBy } from '../util/order.ts';
import { camelCase, fileStem, identifier, schemaTypeNames, typeName, uniqueNames } from './naming.ts';
import { buildProblems, catalogueEntries } from './problems.ts';
import { RAW_BODY_TYPE, chooseRequestMediaType } from './media-types.ts';
import {
  type SchemaContext,
  docOf,
  resourceTypeOf,
  schemaToType,
  secretFieldsOf,
  nonEmptyMapsOf,
  failedStatesOf,
  stateValuesOf,
  versionsOf,
  UNKNOWN,
} from './schemas.ts';
import type {
  ApiModel,
  MethodArgModel,
  OperationKind,
  OperationModel,
  ParameterModel,
  QueryModel,
  ResourceNodeModel,
  RuntimeVerb,
  SchemaModel,
  TagModel,
  TypeNode,
} from './types.ts';

const DEFAULT_TAG = 'Default';

/** Follows a chain of $refs (parameters, responses, bodies) to the object itself. */
function deref(node: Json | undefined, doc: JsonObject, depth = 0): JsonObject {
  if (!isObject(node)) return {};
  if (typeof node.$ref === 'string' && depth < 32) return deref(resolvePointer(doc, node.$ref), doc, depth + 1);
  return node;
}

/**
 * A multipart body's type: its form typed field by field (a named form
 * schema too), where a file part is a `Blob`: a binary string, whatever names
 * it (schemas.ts), or a string field whose `encoding` gives it a content type
 * other than text or JSON (`image/png`, `application/octet-stream`).
 */
function multipartType(schema: Json | undefined, encoding: Json | undefined, doc: JsonObject, ctx: SchemaContext) {
  const form = isObject(schema) && typeof schema.$ref === 'string' ? deref(schema, doc) : schema;
  const type = schemaToType(form, { ...ctx, fileFields: true });
  if (type.kind !== 'object' || !isObject(encoding)) return type;
  const isFilePart = (name: string) => {
    const part = encoding[name];
    const contentType = isObject(part) && typeof part.contentType === 'string' ? part.contentType : '';
    return contentType !== '' && !/^\s*(text\/|[^,;]*json\s*(;|,|$))/i.test(contentType);
  };
  const fileOf = (t: TypeNode): TypeNode =>
    t.kind === 'primitive' && t.type === 'string'
      ? { kind: 'primitive', type: 'Blob' }
      : t.kind === 'array'
        ? { ...t, items: fileOf(t.items) }
        : t;
  return {
    ...type,
    properties: type.properties.map((p) => (isFilePart(p.name) ? { ...p, type: fileOf(p.type) } : p)),
  };
}

export function hashSpec(bundled: JsonObject): string {
  return createHash('sha256').update(JSON.stringify(bundled)).digest('hex');
}

export function buildModel(bundled: JsonObject): ApiModel {
  const schemaKeys = Object.keys(
    (isObject(bundled.components) && isObject(bundled.components.schemas)
      ? bundled.components.schemas
      : {}) as JsonObject,
  ).sort(compareText);
  const typeNames = schemaTypeNames(schemaKeys);
  const ctx: SchemaContext = {
    document: bundled,
    schemaNames: new Map(schemaKeys.map((k, i) => [k, typeNames[i]!.name])),
  };
  const shadowed = new Map(typeNames.flatMap((t) => (t.shadows ? [[t.name, t.shadows] as const] : [])));

  const tags = buildTags(bundled);
  const operations = buildOperations(bundled, ctx, tags);
  const schemas = buildSchemas(bundled, ctx, operations, tags).map((s) =>
    shadowed.has(s.name) ? { ...s, shadows: shadowed.get(s.name)! } : s,
  );
  const resources = buildResourceTree(bundled, operations, tags);
  const problems = buildProblems(bundled, operations, resources);
  const info = isObject(bundled.info) ? bundled.info : {};
  const astraShaped = operations.some((o) => o.usesAccount) || isObject(bundled['x-astra-problem-catalogue']);
  return {
    title: typeof info.title === 'string' ? info.title : 'API',
    clientName: astraShaped ? 'astra' : 'client',
    apiVersion: typeof info.version === 'string' ? info.version : '',
    ...(typeof info.description === 'string' ? { description: info.description } : {}),
    specHash: hashSpec(bundled),
    tags,
    schemas,
    operations,
    resources,
    problems,
  };
}

/**
 * Tags: one per resource. Tags used by operations but not declared at the
 * root still get a module; an operation with no tag goes to "Default".
 */
export function buildTags(doc: JsonObject): TagModel[] {
  const declared = new Map<string, string | undefined>();
  if (Array.isArray(doc.tags)) {
    for (const t of doc.tags) {
      if (isObject(t) && typeof t.name === 'string')
        declared.set(t.name, typeof t.description === 'string' ? t.description : undefined);
    }
  }
  for (const item of Object.values(isObject(doc.paths) ? doc.paths : {})) {
    const pathItem = deref(item, doc);
    for (const m of SENT_METHODS) {
      const op = pathItem[m];
      if (!isObject(op)) continue;
      const tag = Array.isArray(op.tags) && typeof op.tags[0] === 'string' ? op.tags[0] : DEFAULT_TAG;
      if (!declared.has(tag)) declared.set(tag, undefined);
    }
  }
  const names = sortBy(declared.keys(), (n) => n);
  const stems = uniqueNames(names.map((n) => fileStem(n)));
  return names.map((name, i) => ({
    name,
    module: stems[i]!,
    ...(declared.get(name) ? { description: declared.get(name)! } : {}),
  }));
}

/** Strips `/accounts/{account_id}` and Astra's `<category>/<version>` segments. */
export function collectionSegments(path: string): { segments: string[]; category: string | null } {
  let parts = path.split('/').filter(Boolean);
  if (parts[0] === 'accounts') {
    if (parts.length <= 2) return { segments: ['accounts', ...(parts[1] ? [parts[1]] : [])], category: null };
    parts = parts.slice(2);
  }
  let category: string | null = null;
  if (parts.length >= 2 && /^(core|k8s|topology)$/.test(parts[0]!) && /^v[0-9]+$/.test(parts[1]!)) {
    category = parts[0]!;
    parts = parts.slice(2);
  }
  return { segments: parts, category };
}

const isTemplate = (segment: string) => /^\{[^}]+\}$/.test(segment);

/**
 * Operations: parameters grouped by location (path ids after the account,
 * in path order), body and success media types, list item type, paging as
 * declared by x-astra-pagination (never guessed), versions from the body's
 * `version` enum, secrets from x-astra-secret, problem types per status from
 * x-astra-problems.
 */
export function buildOperations(doc: JsonObject, ctx: SchemaContext, _tags?: TagModel[]): OperationModel[] {
  const out: OperationModel[] = [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  const sorted = sortBy(Object.keys(paths), (p) => p);
  for (const path of sorted) {
    const pathItem = deref(paths[path], doc);
    const shared = Array.isArray(pathItem.parameters) ? pathItem.parameters : [];
    const action = isActionPath(path, pathItem, sorted);
    for (const m of SENT_METHODS) {
      const op = pathItem[m];
      if (!isObject(op)) continue;
      out.push(buildOperation(doc, ctx, path, m, op, shared, action && m !== 'get'));
    }
  }
  return out;
}

/**
 * A path that names an action, not a collection: outside Astra's
 * `<category>/<version>` layout, a literal segment right after an id
 * (`/pets/{petId}/vaccinate`) with no GET and no path below it. Nothing there
 * can be listed or read, so its operations are methods of the parent
 * resource (`pets.vaccinatePet(petId)`), named from their operationIds.
 */
export function isActionPath(path: string, pathItem: JsonObject, allPaths: readonly string[]): boolean {
  const parts = path.split('/').filter(Boolean);
  if (parts.length < 2 || isTemplate(parts.at(-1)!) || !isTemplate(parts.at(-2)!)) return false;
  if (collectionSegments(path).category !== null || isObject(pathItem.get)) return false;
  return !allPaths.some((p) => p.startsWith(`${path}/`));
}

/** Astra's collection query parameters: the runtime's `CollectionQuery` types them (paging, filter, include…). */
const COLLECTION_QUERY = new Set(['continue', 'filter', 'include', 'limit', 'orderBy', 'skip', 'count']);

/**
 * The query a method sends: every declared query parameter. On a list in
 * Astra's envelope, Astra's collection parameters are typed by the runtime
 * (`ListQuery`: `include` narrows the items, the pager follows `continue`);
 * every other parameter, and all of them elsewhere (a pet store's `limit`
 * means what its schema says), are typed from their schemas.
 */
export function queryOf(astraList: boolean, declared: ParameterModel[], repeated: string[] = []): QueryModel {
  const collection = astraList ? declared.filter((p) => COLLECTION_QUERY.has(p.name)) : [];
  return {
    collection: collection.map((p) => p.name),
    other: declared.filter((p) => !collection.includes(p)),
    required: declared.some((p) => p.required),
    repeated,
  };
}

/**
 * Whether an array query parameter is sent once per value (`status=a&status=b`):
 * OpenAPI's default for the query (`style: form`, `explode` defaulting to
 * true). `explode: false` joins the values with commas (`status=a,b`).
 */
function isRepeated(param: JsonObject, doc: JsonObject): boolean {
  const style = param.style ?? 'form';
  return deref(param.schema, doc).type === 'array' && style === 'form' && param.explode !== false;
}

/**
 * The runtime function behind a method. A CRUD kind calls its namesake; a
 * PATCH calls `patch` and a HEAD `head`, whatever the path shape; an
 * action or other shape sends its body through `create` when it has one (or
 * its method carries one), else reads through `get`.
 */
export function verbOf(kind: OperationKind, method: string, hasBody: boolean): RuntimeVerb {
  if (method === 'PATCH') return 'patch';
  if (method === 'HEAD') return 'head';
  if (kind !== 'action' && kind !== 'other') return kind;
  return hasBody || method === 'POST' || method === 'PUT' || method === 'PATCH' ? 'create' : 'get';
}

/**
 * The method's arguments: path ids, the body (creates and updates always;
 * patches and other shapes when the spec declares one), the query (when the operation
 * declares one), and the options. A body comes before the query so that a
 * required body never follows an optional query; an optional body before a
 * required query is then required too.
 */
export function argsOf(
  kind: OperationKind,
  ids: string[],
  query: QueryModel,
  body: OperationModel['requestBody'],
): MethodArgModel[] {
  const args: MethodArgModel[] = ids.map((name) => ({ name, role: 'id', optional: false }));
  if (kind === 'create' || kind === 'update') args.push({ name: 'body', role: 'body', optional: false });
  else if ((kind === 'action' || kind === 'other' || kind === 'patch') && body)
    args.push({ name: 'body', role: 'body', optional: !body.required && !query.required });
  if (query.collection.length || query.other.length)
    args.push({ name: 'query', role: 'query', optional: !query.required });
  args.push({ name: 'options', role: 'options', optional: true });
  return args;
}

function buildOperation(
  doc: JsonObject,
  ctx: SchemaContext,
  path: string,
  m: string,
  op: JsonObject,
  shared: Json[],
  action = false,
): OperationModel {
  const method = m.toUpperCase() as OperationModel['method'];
  const params = new Map<string, JsonObject>();
  for (const p of [...shared, ...(Array.isArray(op.parameters) ? op.parameters : [])]) {
    const param = deref(p, doc);
    if (typeof param.name === 'string' && typeof param.in === 'string') params.set(`${param.in}:${param.name}`, param);
  }
  const pathOrder = [...path.matchAll(/\{([^}]+)\}/g)].map((x) => x[1]!);
  const usesAccount = pathOrder.includes('account_id');
  const toParam = (p: JsonObject, location: ParameterModel['location']): ParameterModel => ({
    name: p.name as string,
    argName: identifier(p.name as string, 'id'),
    location,
    required: p.required === true || location === 'path',
    type: isObject(p.schema) || p.schema !== undefined ? schemaToType(p.schema, ctx) : UNKNOWN,
    doc: {
      ...docOf(isObject(p.schema) ? deref(p.schema, doc) : {}, ctx),
      ...(typeof p.description === 'string' ? { description: p.description } : {}),
    },
  });
  const pathParams = pathOrder
    .filter((n) => n !== 'account_id')
    .map((n) => toParam(params.get(`path:${n}`) ?? { name: n, in: 'path', required: true }, 'path'));
  const argNames = uniqueNames(pathParams.map((p) => p.argName));
  pathParams.forEach((p, i) => (p.argName = argNames[i]!));
  const byLocation = (loc: ParameterModel['location']) =>
    [...params.values()].filter((p) => p.in === loc).map((p) => toParam(p, loc));

  const body = isObject(op.requestBody) ? deref(op.requestBody, doc) : null;
  let requestBody: OperationModel['requestBody'] = null;
  let bodySchema: Json | undefined;
  if (body && isObject(body.content)) {
    const chosen = chooseRequestMediaType(Object.keys(body.content));
    if (chosen?.encoding === 'raw') {
      // Sent as given: its schema (a binary string, XML…) types nothing the caller passes.
      requestBody = { ...chosen, type: RAW_BODY_TYPE, required: body.required === true, nonEmptyMaps: [] };
    } else if (chosen) {
      const media = body.content[chosen.mediaType];
      bodySchema = isObject(media) ? media.schema : undefined;
      requestBody = {
        ...chosen,
        type:
          chosen.encoding === 'multipart'
            ? multipartType(bodySchema, isObject(media) ? media.encoding : undefined, doc, ctx)
            : schemaToType(bodySchema, ctx),
        required: body.required === true,
        nonEmptyMaps: nonEmptyMapsOf(bodySchema, ctx),
      };
    }
  }

  const responses = isObject(op.responses) ? op.responses : {};
  const successStatus =
    Object.keys(responses)
      .filter((s) => /^2/.test(s))
      .sort(compareText)[0] ?? 'default';
  const successResponse = deref(responses[successStatus], doc);
  let success: OperationModel['success'] = { status: successStatus, mediaType: null, type: null };
  let successSchema: Json | undefined;
  if (isObject(successResponse.content)) {
    const types = Object.keys(successResponse.content);
    // Prefer JSON-family media types: they are what the typed methods return.
    const mediaType = types.find((t) => /json/.test(t)) ?? types.sort(compareText)[0];
    if (mediaType) {
      const media = successResponse.content[mediaType];
      successSchema = isObject(media) ? media.schema : undefined;
      success = {
        status: successStatus,
        mediaType,
        type: /json/.test(mediaType) ? schemaToType(successSchema, ctx) : { kind: 'primitive', type: 'string' },
        ...(/json/.test(mediaType) && isScalarOrArraySchema(successSchema, doc) ? { anyJson: true } : {}),
      };
    }
  }

  const declaredPagination = op['x-astra-pagination'];
  const pagination = declaredPagination === 'continue' || declaredPagination === 'none' ? declaredPagination : null;
  const answersJson = success.mediaType !== null && /json/.test(success.mediaType);
  const envelope = answersJson && isListEnvelope(successSchema, doc);
  // A JSON array answered on a collection path is a list too (a single page).
  const bareArray = answersJson && !envelope && isArraySchema(successSchema, doc);
  const shapeUnknown = !answersJson || successSchema === undefined;
  const kind = action ? 'action' : operationKind(method, path, pagination, envelope || bareArray, shapeUnknown);
  const listShape = kind !== 'list' ? null : bareArray ? 'array' : 'envelope';
  const listItem =
    listShape === 'array'
      ? schemaToType(deref(successSchema, doc).items, ctx)
      : kind === 'list'
        ? listItemType(successSchema, ctx, doc)
        : null;
  const tag = Array.isArray(op.tags) && typeof op.tags[0] === 'string' ? op.tags[0] : DEFAULT_TAG;
  const problems = isObject(op['x-astra-problems']) ? op['x-astra-problems'] : {};
  // A problem about the request's query parameters (catalogue `aboutQuery`)
  // cannot answer a call that sends none: such an operation does not list it,
  // nor a status that only it explains.
  const takesQuery = [...params.values()].some((p) => p.in === 'query');
  const impossible = takesQuery ? new Set<number>() : queryProblemNumbers(doc);
  const errors = Object.keys(responses)
    .filter((s) => /^[45]/.test(s))
    .sort(compareText)
    .flatMap((status) => {
      const r = deref(responses[status], doc);
      const listed = problems[status];
      const numbers = Array.isArray(listed) ? listed.filter((n): n is number => typeof n === 'number') : [];
      const possible = numbers.filter((n) => !impossible.has(n));
      if (numbers.length && !possible.length) return [];
      return [{ status, description: typeof r.description === 'string' ? r.description : '', problems: possible }];
    });
  const header = byLocation('header');
  const states = kind === 'get' && success.type ? stateValuesOf(successSchema, ctx) : [];
  const id = typeof op.operationId === 'string' ? op.operationId : camelCase(`${m} ${path}`);
  const query = queryOf(
    listShape === 'envelope',
    byLocation('query'),
    [...params.values()].filter((p) => p.in === 'query' && isRepeated(p, doc)).map((p) => p.name as string),
  );
  return {
    id,
    method,
    path,
    kind,
    // Made unique on its accessor by buildResourceTree.
    methodName: kind === 'action' || kind === 'other' ? identifier(id, identifier(m)) : kind,
    verb: verbOf(kind, method, requestBody !== null),
    args: argsOf(
      kind,
      pathParams.map((p) => p.argName),
      query,
      requestBody,
    ),
    query,
    tag,
    summary: typeof op.summary === 'string' ? op.summary : '',
    ...(typeof op.description === 'string' ? { description: op.description } : {}),
    deprecated: op.deprecated === true,
    parameters: { path: pathParams, query: byLocation('query'), header },
    usesAccount,
    requestBody,
    success,
    listItem,
    listShape,
    pagination: kind === 'list' ? pagination : null,
    resourceType: requestBody ? resourceTypeOf(bodySchema, ctx) : null,
    versions: requestBody ? versionsOf(bodySchema, ctx) : [],
    secretFields: requestBody ? secretFieldsOf(bodySchema, ctx) : [],
    conditional: header.some((h) => h.name.toLowerCase() === 'if-match'),
    states,
    failedStates: failedStatesOf(states),
    errors,
  };
}

/**
 * CRUD kind from method and path shape. A PATCH or HEAD on an instance is
 * `patch` or `head`; elsewhere (a collection) it, like every OPTIONS, is
 * named from its operationId. A GET on a collection path is a list
 * when it answers a list (the envelope, or a JSON array), or when it is
 * declared as one (x-astra-pagination) and its answer has no JSON schema to
 * say otherwise. Astra's metrics (OpenMetrics text) and OpenAPI document (one
 * JSON object) are collection-shaped paths that are not lists: `get`.
 */
export function operationKind(
  method: string,
  path: string,
  pagination: string | null,
  answersList: boolean,
  answerUnknown = false,
): OperationKind {
  const last = path.split('/').filter(Boolean).pop() ?? '';
  const onInstance = isTemplate(last);
  switch (method) {
    case 'GET':
      if (onInstance) return 'get';
      return answersList || (pagination !== null && answerUnknown) ? 'list' : 'get';
    case 'POST':
      return onInstance ? 'other' : 'create';
    case 'PUT':
      return onInstance ? 'update' : 'other';
    case 'DELETE':
      return onInstance ? 'delete' : 'other';
    case 'PATCH':
      return onInstance ? 'patch' : 'other';
    case 'HEAD':
      return onInstance ? 'head' : 'other';
    default:
      return 'other';
  }
}

/** The item type of a list envelope: `items` members that are objects, not `include` projections. */
function listItemType(schema: Json | undefined, ctx: SchemaContext, doc: JsonObject): TypeNode {
  const envelope = deref(schema, doc);
  const items = isObject(envelope.properties) ? deref(envelope.properties.items, doc) : {};
  const member = items.items;
  if (isObject(member) && Array.isArray(member.anyOf ?? member.oneOf)) {
    const options = (member.anyOf ?? member.oneOf) as Json[];
    const objects = options.filter((o) => {
      const t = schemaToType(o, ctx);
      return !(t.kind === 'array') && !(t.kind === 'ref' && isArraySchema(o, doc));
    });
    if (objects.length === 1) return schemaToType(objects[0], ctx);
  }
  return member === undefined ? UNKNOWN : schemaToType(member, ctx);
}

/** A list envelope: an object schema whose `items` member is an array. */
export function isListEnvelope(schema: Json | undefined, doc: JsonObject): boolean {
  const envelope = deref(schema, doc);
  return isObject(envelope.properties) && isArraySchema(envelope.properties.items, doc);
}

/** A schema that is certainly not an object: an array, a string, a number, a boolean. */
function isScalarOrArraySchema(schema: Json | undefined, doc: JsonObject): boolean {
  const type = deref(schema, doc).type;
  return typeof type === 'string' && type !== 'object' && type !== 'null';
}

function isArraySchema(schema: Json | undefined, doc: JsonObject): boolean {
  const s = deref(schema, doc);
  return s.type === 'array';
}

/**
 * Named schemas, each placed in one model module: the module of the single
 * tag whose operations reach it, or `common` when several (or none) do. This
 * keeps per-resource files independent: importing one resource's models does
 * not pull in the others.
 */
export function buildSchemas(
  doc: JsonObject,
  ctx: SchemaContext,
  operations: OperationModel[],
  tags: TagModel[],
): SchemaModel[] {
  const schemas = (
    isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {}
  ) as JsonObject;
  const nameToKey = new Map([...ctx.schemaNames].map(([k, v]) => [v, k]));
  const typeOf = new Map<string, TypeNode>(); // type name → its type, built once
  const direct = new Map<string, Set<string>>(); // type name → names it refers to
  for (const [key, name] of ctx.schemaNames) {
    const type = schemaToType(schemas[key], ctx);
    typeOf.set(name, type);
    direct.set(name, refsIn(type));
  }
  const reachedBy = new Map<string, Set<string>>();
  const moduleOfTag = new Map(tags.map((t) => [t.name, t.module]));
  for (const op of operations) {
    const roots = new Set<string>();
    for (const t of [op.requestBody?.type, op.success.type, op.listItem, ...op.parameters.query.map((p) => p.type)]) {
      if (t) for (const r of refsIn(t)) roots.add(r);
    }
    const stack = [...roots];
    const visited = new Set<string>();
    while (stack.length) {
      const n = stack.pop()!;
      if (visited.has(n)) continue;
      visited.add(n);
      if (!reachedBy.has(n)) reachedBy.set(n, new Set());
      reachedBy.get(n)!.add(moduleOfTag.get(op.tag) ?? 'common');
      for (const r of direct.get(n) ?? []) stack.push(r);
    }
  }
  const out: SchemaModel[] = [];
  for (const name of sortBy(nameToKey.keys(), (n) => n)) {
    const key = nameToKey.get(name)!;
    const modules = reachedBy.get(name);
    const module = modules && modules.size === 1 ? [...modules][0]! : 'common';
    out.push({
      name,
      specName: key,
      module,
      type: typeOf.get(name)!,
      doc: docOf(schemas[key], ctx),
      versions: versionsOf(schemas[key], ctx),
    });
  }
  return out;
}

export function refsIn(t: TypeNode, acc: Set<string> = new Set()): Set<string> {
  switch (t.kind) {
    case 'ref':
      acc.add(t.name);
      break;
    case 'array':
      refsIn(t.items, acc);
      break;
    case 'object':
      for (const p of t.properties) refsIn(p.type, acc);
      if (t.additional) refsIn(t.additional, acc);
      break;
    case 'union':
    case 'intersection':
      for (const m of t.members) refsIn(m, acc);
      break;
  }
  return acc;
}

/**
 * The accessor tree. Each collection segment of a path becomes a node named
 * after it in camelCase (`managedClusters`, `appSnaps`); ids between segments
 * become positional parent ids. Category and version segments are not part
 * of the name, so `k8s/v2/apps` and `k8s/v1/apps/{app_id}/appSnaps` share the
 * `apps` node. Two different paths that would give one node the same method
 * must be told apart in the spec with `x-astra-accessor` on a path item; the
 * generator never guesses.
 */
export function buildResourceTree(
  doc: JsonObject,
  operations: OperationModel[],
  tags: TagModel[],
): ResourceNodeModel[] {
  const roots: ResourceNodeModel[] = [];
  const moduleOfTag = new Map(tags.map((t) => [t.name, t.module]));
  const paths = isObject(doc.paths) ? doc.paths : {};
  const nodeFor = (chain: string[], parentIds: string[], tag: string): ResourceNodeModel => {
    let level = roots;
    let node: ResourceNodeModel | undefined;
    for (let i = 0; i < chain.length; i++) {
      node = level.find((n) => n.accessor === chain[i]);
      if (!node) {
        const factoryName = identifier(`${chain.slice(0, i + 1).join(' ')} resource`);
        node = {
          accessor: chain[i]!,
          chain: chain.slice(0, i + 1),
          factoryName,
          typeName: factoryName.charAt(0).toUpperCase() + factoryName.slice(1),
          module: moduleOfTag.get(tag) ?? 'common',
          tag,
          parentIds: i === chain.length - 1 ? parentIds : [],
          operations: [],
          children: [],
          deprecated: true,
        };
        level.push(node);
      }
      level = node.children;
    }
    return node!;
  };
  const seenMethod = new Map<string, string>();
  const errors: string[] = [];
  for (const op of operations) {
    const item = deref(paths[op.path], doc);
    const override = typeof item['x-astra-accessor'] === 'string' ? item['x-astra-accessor'] : null;
    const { segments: pathSegments } = collectionSegments(op.path);
    // An action is a method of the resource its path continues.
    const segments = op.kind === 'action' ? pathSegments.slice(0, -1) : pathSegments;
    const collection = segments.filter((s) => !isTemplate(s)).map((s) => identifier(s, 'resource'));
    if (!collection.length) collection.push('root');
    if (override) collection[collection.length - 1] = identifier(override, 'resource');
    const node = nodeFor(
      collection,
      op.parameters.path.slice(0, countParentIds(segments)).map((p) => p.argName),
      op.tag,
    );
    if (!node.operations.length || node.tag === DEFAULT_TAG) {
      node.tag = op.tag;
      node.module = moduleOfTag.get(op.tag) ?? 'common';
      node.parentIds = op.parameters.path.slice(0, countParentIds(segments)).map((p) => p.argName);
    }
    const key = `${collection.join('.')}#${op.methodName}`;
    if (isNamedById(op)) {
      node.operations.push(op);
      if (!op.deprecated) node.deprecated = false;
      continue;
    }
    if (seenMethod.has(key)) {
      errors.push(
        `${op.method} ${op.path} and ${seenMethod.get(key)} both map to ${collection.join('.')}.${op.methodName}(); set x-astra-accessor on one path item`,
      );
      continue;
    }
    seenMethod.set(key, `${op.method} ${op.path}`);
    node.operations.push(op);
    if (!op.deprecated) node.deprecated = false;
  }
  if (errors.length) throw new AccessorCollisionError(errors);
  const finish = (nodes: ResourceNodeModel[]): ResourceNodeModel[] => {
    for (const n of nodes) {
      nameByOperationId(n.operations);
      n.children = finish(n.children);
      if (!n.operations.length) n.deprecated = n.children.every((c) => c.deprecated);
    }
    return sortBy(nodes, (n) => n.accessor);
  };
  return finish(roots);
}

const isNamedById = (op: OperationModel) => op.kind === 'action' || op.kind === 'other';

/**
 * Methods named from operationIds, made unique on their accessor: a name the
 * CRUD methods (or `waitFor`) already take, or an earlier one of these, gets
 * 2, 3, … appended, in path then method order.
 */
function nameByOperationId(operations: OperationModel[]): void {
  const taken = new Set(operations.filter((o) => !isNamedById(o)).map((o) => o.methodName));
  if (operations.some((o) => o.states.length)) taken.add('waitFor');
  for (const op of operations.filter(isNamedById)) {
    let name = op.methodName;
    for (let i = 2; taken.has(name); i++) name = `${op.methodName}${i}`;
    taken.add(name);
    op.methodName = name;
  }
}

export class AccessorCollisionError extends Error {
  constructor(readonly collisions: string[]) {
    super(collisions.join('\n'));
  }
}

/** Number of id segments before the last collection segment. */
function countParentIds(segments: string[]): number {
  let lastCollection = -1;
  segments.forEach((s, i) => {
    if (!isTemplate(s)) lastCollection = i;
  });
  return segments.slice(0, lastCollection).filter(isTemplate).length;
}

const queryProblemCache = new WeakMap<JsonObject, Set<number>>();

/** Numbers of the catalogue's problems that report query parameters (`aboutQuery: true`). */
function queryProblemNumbers(doc: JsonObject): Set<number> {
  let numbers = queryProblemCache.get(doc);
  if (!numbers) {
    numbers = new Set(catalogueEntries(doc).flatMap((e) => (e.entry.aboutQuery === true ? [e.number] : [])));
    queryProblemCache.set(doc, numbers);
  }
  return numbers;
}
