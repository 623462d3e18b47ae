// Turning a descriptor plus arguments into a URL, headers and a body. Each
// descriptor is compiled once per runtime (path split around its parameters,
// base URL and account id baked in, static headers built), so a call costs a
// WeakMap lookup and a few string concatenations.

import type { CollectionQuery, OperationDescriptor, QueryParamName } from './operation.js';
import { Filter } from './filter.js';

export const SDK_USER_AGENT = 'astra-control-sdk/0.1.0';

/** How a success body is decoded: 0 no body, 1 JSON, 2 text, 3 bytes. */
export type Decode = 0 | 1 | 2 | 3;

export interface CompiledOp {
  readonly op: OperationDescriptor;
  readonly method: string;
  /** Literal URL pieces around the path parameters (`pathParams.length + 1`). */
  readonly parts: readonly string[];
  /** For each path parameter in the template, its index in `ids`. */
  readonly order: readonly number[];
  /** Headers without Authorization. */
  readonly headers: Readonly<Record<string, string>>;
  /** `headers` plus Authorization when the token is a constant string; else undefined. */
  readonly headersWithAuth: Readonly<Record<string, string>> | undefined;
  readonly decode: Decode;
  readonly idempotent: boolean;
}

const PARAM = /\{([^}]+)\}/g;

/**
 * The one path-encoding helper: a caller-supplied id becomes exactly one path
 * segment. `encodeURIComponent` escapes `/`, `?`, `#` and `%`. `.` and `..`
 * are refused: URL parsers treat them (even percent-encoded, `%2E%2E`) as
 * dot segments, so they could walk up the path; no Astra id looks like that.
 */
export function encodePathSegment(id: string): string {
  if (typeof id !== 'string' || id === '' || id === '.' || id === '..') {
    throw new TypeError(`path parameter must be a non-empty string other than '.' or '..', got ${JSON.stringify(id)}`);
  }
  try {
    return encodeURIComponent(id);
  } catch {
    throw new TypeError('path parameter is not well-formed Unicode (lone surrogate)');
  }
}

function decodeFor(mediaType: string | undefined): Decode {
  if (!mediaType) return 0;
  if (/[/+]json$/i.test(mediaType)) return 1;
  if (/^text\/|openmetrics-text/i.test(mediaType)) return 2;
  return 3;
}

export interface CompileEnv {
  baseUrl: string;
  accountId: string;
  /** Lower-cased client headers, user agent included. */
  headers: Record<string, string>;
  /** The Authorization value when the token is a constant string. */
  staticAuthorization: string | undefined;
}

export function compileOp(op: OperationDescriptor, env: CompileEnv): CompiledOp {
  const parts: string[] = [];
  const order: number[] = [];
  let last = 0;
  let acc = env.baseUrl;
  for (const m of op.path.matchAll(PARAM)) {
    const name = m[1] as string;
    acc += op.path.slice(last, m.index);
    last = (m.index as number) + m[0].length;
    if (name === 'account_id') {
      acc += encodePathSegment(env.accountId);
      continue;
    }
    const i = op.pathParams.indexOf(name);
    if (i < 0) throw new TypeError(`operation ${op.id}: path parameter {${name}} is not in pathParams`);
    parts.push(acc);
    order.push(i);
    acc = '';
  }
  parts.push(acc + op.path.slice(last));
  if (order.length !== op.pathParams.length) {
    throw new TypeError(`operation ${op.id}: pathParams ${op.pathParams.join(', ')} do not match ${op.path}`);
  }
  const headers: Record<string, string> = { ...env.headers };
  if (op.responseMediaType) headers['accept'] = op.responseMediaType;
  if (op.method === 'POST' || op.method === 'PUT') headers['content-type'] = op.requestMediaType ?? 'application/json';
  return {
    op,
    method: op.method,
    parts,
    order,
    headers,
    headersWithAuth: env.staticAuthorization === undefined ? undefined : { ...headers, authorization: env.staticAuthorization },
    decode: decodeFor(op.responseMediaType),
    idempotent: op.method !== 'POST',
  };
}

export function buildUrl(c: CompiledOp, ids: readonly string[]): string {
  const n = c.order.length;
  if (ids.length !== n) {
    throw new TypeError(`operation ${c.op.id} takes ${n} id${n === 1 ? '' : 's'} (${c.op.pathParams.join(', ')}), got ${ids.length}`);
  }
  const parts = c.parts;
  let url = parts[0] as string;
  for (let i = 0; i < n; i++) url += encodePathSegment(ids[c.order[i] as number] as string) + parts[i + 1];
  return url;
}

/** The query string (with its `?`) for a list call, without `continue`. */
export function buildQuery(c: CompiledOp, query: CollectionQuery<any, any> | undefined): string {
  if (!query) return '';
  const accepted = c.op.queryParams;
  let qs = '';
  for (const key in query) {
    const v = (query as Record<string, unknown>)[key];
    if (v === undefined || key === 'continue') continue;
    if (accepted && !accepted.includes(key as QueryParamName)) {
      throw new TypeError(`operation ${c.op.id} does not accept the query parameter '${key}' (accepts: ${accepted.join(', ') || 'none'})`);
    }
    switch (key) {
      case 'filter':
        if (v instanceof Filter) for (const cond of v.conditions) qs += '&filter=' + enc(cond);
        else qs += '&filter=' + enc(String(v));
        break;
      case 'include':
        qs += '&include=' + enc((v as readonly string[]).join(','));
        break;
      case 'count':
        if (v) qs += '&count=true';
        break;
      case 'limit':
      case 'skip':
        if (!Number.isInteger(v) || (v as number) < 1) throw new TypeError(`${key} must be a positive integer, got ${String(v)}`);
        qs += `&${key}=${v as number}`;
        break;
      case 'orderBy':
        qs += '&orderBy=' + enc(String(v));
        break;
      default:
        throw new TypeError(`unknown query parameter '${key}'`);
    }
  }
  return qs === '' ? '' : '?' + qs.slice(1);
}

function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    throw new TypeError('query value is not well-formed Unicode (lone surrogate)');
  }
}

/** Appends the continue token to a URL built by buildUrl + buildQuery. */
export function withContinue(url: string, token: string): string {
  return url + (url.includes('?') ? '&continue=' : '?continue=') + enc(token);
}

/** The request body: the caller's fields with `type` and `version` filled from the descriptor. */
export function fillBody(op: OperationDescriptor, body: object): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new TypeError(`operation ${op.id}: the body must be an object`);
  }
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  if (op.resourceType) out['type'] = op.resourceType;
  const versions = op.versions;
  if (versions && versions.length > 0) {
    const v = out['version'];
    if (v === undefined) out['version'] = versions[0];
    else if (!versions.includes(v as string)) {
      throw new TypeError(`operation ${op.id} accepts version ${versions.join(' or ')}, not ${JSON.stringify(v)}`);
    }
  }
  return out;
}

/** Lower-cases header names so caller headers replace ours instead of doubling them. */
export function normalizeHeaders(h: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (h) for (const k in h) out[k.toLowerCase()] = String(h[k]);
  return out;
}
