// Stage 3, model: turn the bundled document into the ApiModel. Each builder
// below says which part of the spec it reads and which Astra quirk it absorbs.
import { createHash } from 'node:crypto';
import { type Json, type JsonObject, HTTP_METHODS, isObject, resolvePointer } from '../util/json.ts';
import { compareText, sortBy } from '../util/order.ts';
import { camelCase, fileStem, identifier, typeName, uniqueNames } from './naming.ts';
import {
  type SchemaContext,
  docOf,
  resourceTypeOf,
  schemaToType,
  secretFieldsOf,
  failedStatesOf,
  stateValuesOf,
  versionsOf,
  UNKNOWN,
} from './schemas.ts';
import type {
  ApiModel,
  OperationKind,
  OperationModel,
  ParameterModel,
  ProblemModel,
  ResourceNodeModel,
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

export function hashSpec(bundled: JsonObject): string {
  return createHash('sha256').update(JSON.stringify(bundled)).digest('hex');
}

export function buildModel(bundled: JsonObject): ApiModel {
  const schemaKeys = Object.keys(
    (isObject(bundled.components) && isObject(bundled.components.schemas)
      ? bundled.components.schemas
      : {}) as JsonObject,
  ).sort(compareText);
  const typeNames = uniqueNames(schemaKeys.map((k) => typeName(k)));
  const ctx: SchemaContext = { document: bundled, schemaNames: new Map(schemaKeys.map((k, i) => [k, typeNames[i]!])) };

  const tags = buildTags(bundled);
  const operations = buildOperations(bundled, ctx, tags);
  const schemas = buildSchemas(bundled, ctx, operations, tags);
  const resources = buildResourceTree(bundled, operations, tags);
  const problems = buildProblems(bundled);
  const info = isObject(bundled.info) ? bundled.info : {};
  return {
    title: typeof info.title === 'string' ? info.title : 'API',
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
    for (const m of HTTP_METHODS) {
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
  for (const path of sortBy(Object.keys(paths), (p) => p)) {
    const pathItem = deref(paths[path], doc);
    const shared = Array.isArray(pathItem.parameters) ? pathItem.parameters : [];
    for (const m of HTTP_METHODS) {
      const op = pathItem[m];
      if (!isObject(op)) continue;
      out.push(buildOperation(doc, ctx, path, m, op, shared));
    }
  }
  return out;
}

function buildOperation(
  doc: JsonObject,
  ctx: SchemaContext,
  path: string,
  m: string,
  op: JsonObject,
  shared: Json[],
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
    const mediaType = Object.keys(body.content).sort(compareText)[0];
    if (mediaType) {
      const media = body.content[mediaType];
      bodySchema = isObject(media) ? media.schema : undefined;
      requestBody = { mediaType, type: schemaToType(bodySchema, ctx), required: body.required === true };
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
      };
    }
  }

  const declaredPagination = op['x-astra-pagination'];
  const pagination = declaredPagination === 'continue' || declaredPagination === 'none' ? declaredPagination : null;
  const answersJson = success.mediaType !== null && /json/.test(success.mediaType);
  const envelope = answersJson && isListEnvelope(successSchema, doc);
  // A JSON array answered on a collection path is a list too (a single page).
  const bareArray = answersJson && !envelope && isArraySchema(successSchema, doc);
  const kind = operationKind(method, path, pagination, envelope || bareArray);
  const listShape = kind !== 'list' ? null : bareArray ? 'array' : 'envelope';
  const listItem =
    listShape === 'array'
      ? schemaToType(deref(successSchema, doc).items, ctx)
      : kind === 'list'
        ? listItemType(successSchema, ctx, doc)
        : null;
  const tag = Array.isArray(op.tags) && typeof op.tags[0] === 'string' ? op.tags[0] : DEFAULT_TAG;
  const problems = isObject(op['x-astra-problems']) ? op['x-astra-problems'] : {};
  const errors = Object.keys(responses)
    .filter((s) => /^[45]/.test(s))
    .sort(compareText)
    .map((status) => {
      const r = deref(responses[status], doc);
      const listed = problems[status];
      return {
        status,
        description: typeof r.description === 'string' ? r.description : '',
        problems: Array.isArray(listed) ? listed.filter((n): n is number => typeof n === 'number') : [],
      };
    });
  const header = byLocation('header');
  const states = kind === 'get' && success.type ? stateValuesOf(successSchema, ctx) : [];
  return {
    id: typeof op.operationId === 'string' ? op.operationId : camelCase(`${m} ${path}`),
    method,
    path,
    kind,
    methodName: kind === 'other' ? identifier(m) : kind,
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
    pagination,
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
 * CRUD kind from method and path shape. A GET on a collection path is a list
 * only when it is declared as one (x-astra-pagination) or answers a list (the
 * envelope, or a JSON array); Astra's metrics endpoint is a collection-shaped
 * path that is not.
 */
export function operationKind(
  method: string,
  path: string,
  pagination: string | null,
  answersListEnvelope: boolean,
): OperationKind {
  const last = path.split('/').filter(Boolean).pop() ?? '';
  const onInstance = isTemplate(last);
  switch (method) {
    case 'GET':
      if (onInstance) return 'get';
      return pagination || answersListEnvelope ? 'list' : 'get';
    case 'POST':
      return onInstance ? 'other' : 'create';
    case 'PUT':
      return onInstance ? 'update' : 'other';
    case 'DELETE':
      return onInstance ? 'delete' : 'other';
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
  const direct = new Map<string, Set<string>>(); // type name → names it refers to
  for (const [key, name] of ctx.schemaNames) {
    direct.set(name, refsIn(schemaToType(schemas[key], ctx)));
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
      type: schemaToType(schemas[key], ctx),
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
        node = {
          accessor: chain[i]!,
          chain: chain.slice(0, i + 1),
          factoryName: identifier(`${chain.slice(0, i + 1).join(' ')} resource`),
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
    const { segments } = collectionSegments(op.path);
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
      n.children = finish(n.children);
      if (!n.operations.length) n.deprecated = n.children.every((c) => c.deprecated);
    }
    return sortBy(nodes, (n) => n.accessor);
  };
  return finish(roots);
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

/**
 * The problem catalogue from `x-astra-problem-catalogue` (number → status,
 * title, description, extensions). Titles repeat across numbers, so constant
 * names get the number appended when a title is shared.
 */
export function buildProblems(doc: JsonObject): ProblemModel[] {
  const catalogue = isObject(doc['x-astra-problem-catalogue']) ? doc['x-astra-problem-catalogue'] : {};
  const entries = Object.keys(catalogue)
    .filter((k) => /^[0-9]+$/.test(k) && isObject(catalogue[k]))
    .map((k) => ({ number: Number(k), entry: catalogue[k] as JsonObject }))
    .sort((a, b) => a.number - b.number);
  const baseNames = entries.map(({ entry, number }) =>
    identifier(typeof entry.title === 'string' ? entry.title : `problem ${number}`, 'problem'),
  );
  const counts = new Map<string, number>();
  for (const n of baseNames) counts.set(n, (counts.get(n) ?? 0) + 1);
  return entries.map(({ number, entry }, i) => ({
    number,
    name: counts.get(baseNames[i]!)! > 1 ? `${baseNames[i]}${number}` : baseNames[i]!,
    status: typeof entry.status === 'number' ? entry.status : Number(entry.status),
    title: typeof entry.title === 'string' ? entry.title : '',
    description: typeof entry.description === 'string' ? entry.description : '',
    uri: `https://astra.netapp.io/problems/${number}`,
    extensions: Array.isArray(entry.extensions)
      ? entry.extensions.filter((e): e is string => typeof e === 'string')
      : [],
  }));
}
