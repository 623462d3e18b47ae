// The request pipeline, in Astra's order: route (404/405) → injected faults →
// bearer token (401) → parents named by the path exist (404) → content
// negotiation (406/415) → query or body validation (400) → preconditions
// (304/412) → the operation. Each step lives in its own module; this file
// only composes them. Every failure is a SimulatedProblem turned into an
// `application/problem+json` response at the top.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { JsonObject } from '../../scripts/util/json.ts';
import { evaluatePreconditions } from './conditional.ts';
import { type FaultInjector, type FaultRule, HTML_ERROR_PAGE } from './faults.ts';
import { type LifecycleState, stateAt, withState } from './lifecycle.ts';
import { listPage, parseListQuery } from './list-query.ts';
import { acceptsRequestType, negotiate, offeredTypes } from './negotiation.ts';
import { defaultProblemNumber, problemBody, SimulatedProblem } from './problems.ts';
import { fillRequired, newRepresentation, replacedRepresentation } from './representation.ts';
import type { Route, RouteTable } from './routes.ts';
import { missingParent, scopeOf } from './scope.ts';
import { isObject, propertiesOf, requiredOf } from './schema-walk.ts';
import type { Store, StoredResource } from './store.ts';
import { invalidEntries, type SchemaValidator } from './validation.ts';

export interface HandlerContext {
  table: RouteTable;
  store: Store;
  validator: SchemaValidator;
  faults: FaultInjector;
  /** How long a long-running resource takes from pending to completed. */
  lifecycleMs: number;
  now: () => number;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;

interface Reply {
  status: number;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export function createHandler(ctx: HandlerContext) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(ctx, req, res).catch((e: unknown) => {
      // A bug in the simulator: answer 500 rather than hang the client.
      if (!res.headersSent)
        send(res, problemReply(ctx, new SimulatedProblem(500, 34, `The simulator failed: ${(e as Error).message}`)));
      else res.destroy();
    });
  };
}

/** The request target, split without a full URL parse (the hot path of every request). */
interface RequestTarget {
  pathname: string;
  searchParams: URLSearchParams;
}

const NO_QUERY = new URLSearchParams();

function parseTarget(target: string): RequestTarget {
  const q = target.indexOf('?');
  return q < 0
    ? { pathname: target, searchParams: NO_QUERY }
    : { pathname: target.slice(0, q), searchParams: new URLSearchParams(target.slice(q + 1)) };
}

async function handle(ctx: HandlerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = parseTarget(req.url ?? '/');
  const method = req.method ?? 'GET';
  const match = ctx.table.match(method, url.pathname);
  if (match.kind === 'not-found')
    return send(
      res,
      problemReply(ctx, new SimulatedProblem(404, 2, 'The collection specified in the request URI was not found.')),
    );
  if (match.kind === 'method-not-allowed') {
    return send(
      res,
      problemReply(
        ctx,
        new SimulatedProblem(405, 69, `${method} is not supported here.`, {
          headers: { allow: match.allowed.join(', ') },
        }),
      ),
    );
  }
  const { route, params } = match;
  const faults = ctx.faults.pick(route.op);
  const latency = Math.max(0, ...faults.map((f) => f.latencyMs ?? 0));
  if (latency > 0) await new Promise((r) => setTimeout(r, latency));
  if (faults.some((f) => f.drop)) {
    req.socket.destroy();
    return;
  }
  const injected = faults.find((f) => f.html || f.status !== undefined);
  let reply: Reply;
  if (injected) {
    reply = faultReply(ctx, route, injected);
  } else {
    try {
      reply = await operate(ctx, req, url, route, params);
    } catch (e) {
      if (!(e instanceof SimulatedProblem)) throw e;
      reply = problemReply(ctx, e);
    }
  }
  if (faults.some((f) => f.truncate)) return sendTruncated(res, reply);
  send(res, reply);
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string | number> = { ...reply.headers };
  if (reply.body !== undefined) headers['content-length'] = Buffer.byteLength(reply.body);
  res.writeHead(reply.status, headers);
  res.end(reply.body);
}

/** Headers promising the whole body, half of it, then the connection closes. */
function sendTruncated(res: ServerResponse, reply: Reply): void {
  const body = Buffer.from(reply.body ?? '{"truncated":true}');
  res.writeHead(reply.status, {
    ...reply.headers,
    'content-length': body.length,
    'content-type': reply.headers['content-type'] ?? 'application/json',
  });
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
}

function problemReply(ctx: HandlerContext, problem: SimulatedProblem): Reply {
  return {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', ...problem.extra.headers },
    body: JSON.stringify(problemBody(ctx.table.problemsByNumber, problem)),
  };
}

function faultReply(ctx: HandlerContext, route: Route, rule: FaultRule): Reply {
  const status = rule.status ?? 502;
  const headers: Record<string, string> = {};
  if (rule.retryAfter !== undefined) headers['retry-after'] = String(rule.retryAfter);
  if (rule.html)
    return { status, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }, body: HTML_ERROR_PAGE };
  const number =
    rule.problem ?? defaultProblemNumber(ctx.table.problemsByNumber, route.problems.get(String(status)), status);
  const reply = problemReply(ctx, new SimulatedProblem(status, number, 'Injected by the simulator.'));
  return { ...reply, headers: { ...reply.headers, ...headers } };
}

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

function defaultVersion(route: Route): string | null {
  return route.op.versions[0] ?? null;
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

async function operate(
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
      const created = newRepresentation(
        {
          doc: ctx.table.document,
          collection: route.collection,
          defaultVersion: defaultVersion(route),
          userId: ctx.store.userId,
          nowMs: now,
        },
        input,
      );
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
      const next = replacedRepresentation(
        {
          doc: ctx.table.document,
          collection: route.collection,
          defaultVersion: defaultVersion(route),
          userId: ctx.store.userId,
          nowMs: now,
        },
        record,
        input,
      );
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
