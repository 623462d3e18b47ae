// Turning a descriptor plus arguments into a URL, headers and a body. Each
// descriptor is compiled once per runtime (path split around its parameters,
// base URL and account id baked in, static headers built), so a call costs a
// WeakMap lookup and a few string concatenations.

import type { CollectionQuery, OperationDescriptor } from './operation.js';

export const SDK_USER_AGENT = 'astra-control-sdk/0.1.0';

/** How a success body is decoded: 0 no body, 1 JSON, 2 text, 3 bytes (an ArrayBuffer). */
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
  /** `headers` plus Authorization when the token is a constant string. */
  readonly headersWithAuth: Readonly<Record<string, string>> | undefined;
  readonly decode: Decode;
}

const fail = (message: string): never => {
  throw new TypeError(message);
};

// encodeURIComponent throws a URIError on a lone surrogate, which is what we want.
const encode = encodeURIComponent;

/**
 * The one path-encoding helper: a caller-supplied id becomes exactly one path
 * segment. `encodeURIComponent` escapes `/`, `?`, `#` and `%`. `.` and `..`
 * are refused: URL parsers treat them (even percent-encoded, `%2E%2E`) as
 * dot segments, so they could walk up the path; no Astra id looks like that.
 */
export function encodePathSegment(id: string): string {
  return typeof id === 'string' && id !== '' && id !== '.' && id !== '..' ? encode(id) : fail(`invalid id ${JSON.stringify(id)}`);
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
  let acc = env.baseUrl;
  for (const piece of op.path.split(/(\{[^}]+\})/)) {
    const name = piece[0] === '{' ? piece.slice(1, -1) : undefined;
    if (name === undefined) acc += piece;
    else if (name === 'account_id') acc += encodePathSegment(env.accountId);
    else {
      const i = op.pathParams.indexOf(name);
      if (i < 0) fail(`${op.id}: {${name}} not in pathParams`);
      parts.push(acc);
      order.push(i);
      acc = '';
    }
  }
  parts.push(acc);
  const headers: Record<string, string> = { ...env.headers };
  const accept = op.responseMediaType;
  if (accept) headers['accept'] = accept;
  if (op.method === 'POST' || op.method === 'PUT') headers['content-type'] = op.requestMediaType ?? 'application/json';
  return {
    op,
    method: op.method,
    parts,
    order,
    headers,
    headersWithAuth: env.staticAuthorization ? { ...headers, authorization: env.staticAuthorization } : undefined,
    decode: !accept ? 0 : /json$/i.test(accept) ? 1 : /^text\/|openmetrics-text/i.test(accept) ? 2 : 3,
  };
}

export function buildUrl(c: CompiledOp, ids: readonly string[]): string {
  const { parts, order } = c;
  if (ids.length !== order.length) fail(`${c.op.id} takes ${order.length} ids`);
  let url = parts[0] as string;
  for (let i = 0; i < order.length; i++) url += encodePathSegment(ids[order[i] as number] as string) + parts[i + 1];
  return url;
}

/**
 * The query string (with its `?`) for a list call, without `continue` (the
 * pager adds it). A filter built with `where` sends one `filter=` per
 * condition. Values are not validated here: the generated types restrict the
 * parameters to those the operation declares, and the service answers a bad
 * value with a 400 (problem 5 or 6).
 */
export function buildQuery(query: CollectionQuery<any, any> | undefined): string {
  let qs = '';
  for (const key in query) {
    const v: unknown = (query as Record<string, unknown>)[key];
    const conditions = (v as { conditions?: unknown } | undefined)?.conditions;
    if (v === undefined || key === 'continue' || v === false) continue;
    if (Array.isArray(conditions)) for (const f of conditions) qs += '&filter=' + encode(f);
    else qs += `&${key}=` + encode(Array.isArray(v) ? v.join(',') : String(v));
  }
  return qs && '?' + qs.slice(1);
}

/** The request body: the caller's fields with `type` and `version` (default: the newest) filled from the descriptor. */
export function fillBody(op: OperationDescriptor, body: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body };
  if (op.resourceType) out['type'] = op.resourceType;
  if (op.versions) out['version'] ??= op.versions[0];
  return out;
}

/** Lower-cases header names so caller headers replace ours instead of doubling them. */
export function normalizeHeaders(h: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k in h) out[k.toLowerCase()] = String(h[k]);
  return out;
}

/** The shared User-Agent/headers setup of the runtime and the raw client. */
export function clientHeaders(headers: Record<string, string> | undefined, userAgent: string | undefined): Record<string, string> {
  const out = normalizeHeaders(headers);
  out['user-agent'] = userAgent ? `${userAgent} ${SDK_USER_AGENT}` : SDK_USER_AGENT;
  delete out['authorization'];
  return out;
}
