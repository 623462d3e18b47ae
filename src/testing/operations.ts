// The operations: bearer token (401) → parents named by the path exist (404)
// → content negotiation (406/415) → query or body validation (400) →
// preconditions (304/412) → list, read, create, replace or delete in the
// store. Each step's rules live in their own module; this file applies them
// in Astra's order.
import type { IncomingMessage } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { JsonObject } from '../../scripts/util/json.ts';
import { evaluatePreconditions } from './conditional.ts';
import type { HandlerContext } from './handler.ts';
import { type LifecycleState, stateAt, withState } from './lifecycle.ts';
import { listPage, parseListQuery } from './list-query.ts';
import { acceptsRequestType, negotiate, offeredTypes } from './negotiation.ts';
import { SimulatedProblem } from './problems.ts';
import { fillRequired, newRepresentation, replacedRepresentation, type NewResourceContext } from './representation.ts';
import type { Route } from './routes.ts';
import { missingParent, scopeOf } from './scope.ts';
import { isObject, propertiesOf, requiredOf } from './schema-walk.ts';
import type { StoredResource } from './store.ts';
import { invalidEntries } from './validation.ts';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface RequestTarget {
  pathname: string;
  searchParams: URLSearchParams;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;

function authenticate(ctx: HandlerContext, req: IncomingMessage): void {
  const header = req.headers.authorization;
  const m = header === undefined ? null : /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  if (!m) throw new SimulatedProblem(401, 3, 'The request has no bearer token in its Authorization header.');
  if (m[1] !== ctx.store.token) throw new SimulatedProblem(401, 4, 'The bearer token is not valid.');
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new SimulatedProblem(413, 85, 'The request body is too large.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function jsonBody(ctx: HandlerContext, req: IncomingMessage, route: Route): Promise<JsonObject> {
  if (route.requestTypes.length && !acceptsRequestType(req.headers['content-type'], route.requestTypes)) {
    throw new SimulatedProblem(
      415,
      32,
      `The request body must be sent as ${route.requestTypes.join(' or ')}${route.requestTypes.includes('application/json') ? '' : ' or application/json'}.`,
    );
  }
  const raw = await readBody(req);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch (e) {
    throw new SimulatedProblem(400, 7, `The request body is not valid JSON: ${(e as Error).message}.`);
  }
  if (!isObject(parsed))
    throw new SimulatedProblem(400, 9, 'The request body must be a JSON object.', {
      invalidFields: [{ name: 'body', reason: 'must be an object' }],
    });
  if (route.bodySchema) {
    const errors = ctx.validator.check(route.bodySchema, parsed);
    if (errors.length)
      throw new SimulatedProblem(400, 9, 'The request body does not match the schema of the resource.', {
        invalidFields: invalidEntries(errors, 'body'),
      });
  }
  return parsed;
}

function chooseType(req: IncomingMessage, offered: string[]): string {
  const chosen = negotiate(req.headers.accept, offered);
  if (!chosen)
    throw new SimulatedProblem(
      406,
      32,
      `No representation matches the Accept header; available: ${offered.join(', ')}.`,
    );
  return chosen;
}

/** Moves a long-running resource to the state its age puts it in (persisted like any change). */
function advance(ctx: HandlerContext, record: StoredResource): StoredResource {
  if (!ctx.table.collections.get(record.collection)?.lifecycle) return record;
  const state = record.body.state;
  if (state !== 'pending' && state !== 'running') return record;
  const now = ctx.now();
  const next: LifecycleState = stateAt(now - record.createdMs, ctx.lifecycleMs);
  if (next === state) return record;
  const collection = ctx.table.collections.get(record.collection)!;
  const declared = new Set(
    propertiesOf(ctx.table.document, collection.readSchema ? { $ref: collection.readSchema } : {}).keys(),
  );
  return ctx.store.replace(record, withState(record.body, next, declared), record.secrets, now);
}

function resourceHeaders(record: StoredResource, type: string): Record<string, string> {
  return { 'content-type': type, etag: record.etag, 'last-modified': record.lastModified };
}

/** What a new or replaced representation is made with: the route's collection and version, the caller, the time. */
function resourceContext(ctx: HandlerContext, route: Route, nowMs: number): NewResourceContext {
  return {
    doc: ctx.table.document,
    collection: route.collection,
    defaultVersion: route.op.versions[0] ?? null,
    userId: ctx.store.userId,
    nowMs,
  };
}

function findResource(ctx: HandlerContext, route: Route, params: Record<string, string>): StoredResource {
  const id = params[route.idParam!]!;
  const record = ctx.store.get(route.collection.key, id);
  // A resource is reachable under every path that names its parents rightly.
  const scope = scopeOf(route, params);
  if (!record || Object.entries(scope).some(([k, v]) => record.parents[k] !== undefined && record.parents[k] !== v)) {
    throw new SimulatedProblem(404, 1, `The resource ${id} was not found.`);
  }
  return advance(ctx, record);
}

export async function operate(
  ctx: HandlerContext,
  req: IncomingMessage,
  url: RequestTarget,
  route: Route,
  params: Record<string, string>,
): Promise<Reply> {
  authenticate(ctx, req);
  const missing = missingParent(ctx.table, ctx.store, route, params);
  if (missing)
    throw new SimulatedProblem(404, 2, `The collection specified in the request URI was not found: ${missing}.`);
  const op = route.op;
  if (route.singleton) return singletonReply(ctx, req, route);
  switch (op.kind) {
    case 'list': {
      const type = chooseType(req, route.responseTypes);
      const query = parseListQuery(route, url.searchParams, ctx.validator);
      const scope = scopeOf(route, params);
      const scopeEntries = Object.entries(scope);
      const inScope: StoredResource[] = [];
      for (const r of ctx.store.all(route.collection.key)) {
        if (scopeEntries.every(([k, v]) => r.parents[k] === v)) inScope.push(r);
      }
      const current = route.collection.lifecycle ? inScope.map((r) => advance(ctx, r)) : inScope;
      return { status: 200, headers: { 'content-type': type }, body: listPage(current, query, op.pagination) };
    }
    case 'get': {
      const type = chooseType(req, offeredTypes(route.responseTypes));
      rejectQuery(route, url);
      const record = findResource(ctx, route, params);
      if (evaluatePreconditions('GET', req.headers, record) === 'not-modified')
        return { status: 304, headers: { etag: record.etag } };
      if (!/json$/.test(type))
        return { status: 200, headers: { ...resourceHeaders(record, type) }, body: gzipSync(record.bytes) };
      return { status: 200, headers: resourceHeaders(record, type), body: record.bytes };
    }
    case 'create': {
      const type = chooseType(req, offeredTypes(route.responseTypes));
      rejectQuery(route, url);
      const input = await jsonBody(ctx, req, route);
      const scope = scopeOf(route, params);
      if (typeof input.name === 'string' && route.problems.get('409')?.includes(10)) {
        for (const r of ctx.store.all(route.collection.key)) {
          if (r.body.name === input.name && Object.entries(scope).every(([k, v]) => r.parents[k] === v)) {
            throw new SimulatedProblem(409, 10, `A resource named ${JSON.stringify(input.name)} already exists.`, {
              invalidFields: [{ name: 'name', reason: 'is already used by another resource' }],
            });
          }
        }
      }
      if (typeof input.id === 'string' && ctx.store.get(route.collection.key, input.id)) {
        throw new SimulatedProblem(409, 10, `A resource with id ${input.id} already exists.`, {
          invalidFields: [{ name: 'id', reason: 'is already used by another resource' }],
        });
      }
      const now = ctx.now();
      const created = newRepresentation(resourceContext(ctx, route, now), input);
      let body = created.body;
      if (route.collection.lifecycle) {
        const declared = new Set(propertiesOf(ctx.table.document, { $ref: route.collection.readSchema! }).keys());
        body = withState(body, 'pending', declared);
      }
      const record = ctx.store.insert(route.collection.key, created.id, scope, body, created.secrets, now);
      const host = req.headers.host ?? 'localhost';
      const headers = {
        ...resourceHeaders(record, type),
        location: `http://${host}${url.pathname.replace(/\/$/, '')}/${encodeURIComponent(record.id)}`,
      };
      if (!route.createdSchema) return { status: 201, headers, body: record.bytes };
      // The 201 body carries members shown only once (a new token's secret), generated from the schema.
      const shownOnce = { ...record.body };
      fillRequired(ctx.table.document, route.createdSchema, shownOnce, null);
      return { status: 201, headers, body: JSON.stringify(shownOnce) };
    }
    case 'update': {
      rejectQuery(route, url);
      const record = findResource(ctx, route, params);
      const input = await jsonBody(ctx, req, route);
      evaluatePreconditions('PUT', req.headers, record);
      const now = ctx.now();
      const next = replacedRepresentation(resourceContext(ctx, route, now), record, input);
      const updated = ctx.store.replace(record, next.body, next.secrets, now);
      return { status: 204, headers: { etag: updated.etag } };
    }
    case 'delete': {
      rejectQuery(route, url);
      const record = findResource(ctx, route, params);
      evaluatePreconditions('DELETE', req.headers, record);
      ctx.store.remove(record.collection, record.id);
      return { status: 204, headers: {} };
    }
    default:
      throw new SimulatedProblem(405, 69, `${op.method} ${op.path} is not simulated.`);
  }
}

/** Query parameters on an operation that declares none (or not these): problem 6. */
function rejectQuery(route: Route, url: RequestTarget): void {
  if (url.searchParams.size === 0) return;
  const unsupported = [...new Set(url.searchParams.keys())].filter((k) => !route.query.has(k));
  if (unsupported.length) {
    throw new SimulatedProblem(400, 6, 'The query has parameters this operation does not support.', {
      invalidParams: unsupported.map((name) => ({ name, reason: 'is not supported by this operation' })),
    });
  }
}

/**
 * A GET of one document that is neither a list nor a resource: the service's
 * own OpenAPI description (a schema requiring `openapi`) is the bundled spec;
 * anything else (the OpenMetrics text) an empty document of its type.
 */
function singletonReply(ctx: HandlerContext, req: IncomingMessage, route: Route): Reply {
  const type = chooseType(req, offeredTypes(route.responseTypes));
  if (!/json$/.test(type))
    return {
      status: 200,
      headers: { 'content-type': type },
      body: type === 'application/openmetrics-text' ? '# EOF\n' : '',
    };
  const describesApi =
    route.responseSchema !== null && requiredOf(ctx.table.document, route.responseSchema).includes('openapi');
  return {
    status: 200,
    headers: { 'content-type': type },
    body: describesApi ? JSON.stringify(ctx.table.document) : '{}',
  };
}
