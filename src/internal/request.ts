// Turning a descriptor plus arguments into a URL, headers and a body. Each
// descriptor is compiled once per runtime (path split around its parameters,
// base URL and account id baked in, static headers built), so a call costs a
// WeakMap lookup and a few string concatenations.

import type { OperationDescriptor } from '../operation.js';
import { isForm } from './body.js';
import { configError } from './config.js';

export const SDK_USER_AGENT = 'astra-control-sdk/0.1.0';

/**
 * How a success body is decoded:
 * - `none`: read to the end (so the connection is reused) and dropped (update, delete);
 * - `json`: any JSON (list pages, which the pager checks);
 * - `resource`: a JSON object, else AstraInvalidResponseError (get, create);
 * - `text`: as text (every other media type of the API is text: OpenMetrics);
 * - `response`: not read at all; the Response is the result (`astra.raw`).
 */
export type Decode = 'none' | 'json' | 'resource' | 'text' | 'response';

export interface CompiledOp {
  readonly op: OperationDescriptor;
  /** The URL: literal pieces (base URL and account id included), and for each other path parameter its index in `ids`. */
  readonly parts: readonly (string | number)[];
  /** The request headers, Authorization included when the token is a constant string: the hot path sends this object as it is. */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The same headers as fetch's init carries them: for Node's fetch a Headers
   * object, which undici copies as it is where a record's every name and
   * value is converted and checked again on every request.
   */
  readonly fetchHeaders: Headers | Readonly<Record<string, string>>;
  readonly decode: Decode;
}

const encode = encodeURIComponent;

/**
 * The one path-encoding helper: a caller-supplied id becomes exactly one path
 * segment. `encodeURIComponent` escapes `/`, `?`, `#` and `%`. Empty ids,
 * `.` and `..` are refused: URL parsers treat them (even percent-encoded, `%2E%2E`) as
 * dot segments, so they could walk up the path; no Astra id looks like that.
 */
export function encodePathSegment(id: string): string {
  if (typeof id === 'string' && !/^\.{0,2}$/.test(id)) {
    try {
      return encode(id);
    } catch {
      // A lone surrogate: not well-formed Unicode.
    }
  }
  throw configError('id', `${JSON.stringify(String(id).slice(0, 80))} cannot be a path segment`);
}

export interface CompileEnv {
  baseUrl: string;
  accountId: string;
  /** Lower-cased client headers: user agent, and Authorization when the token is a constant string. */
  headers: Record<string, string>;
  /** Whether requests go to Node's own fetch (deadline.ts `isNodeFetch`). */
  nodeFetch: boolean;
}

export function compileOp(op: OperationDescriptor, env: CompileEnv): CompiledOp {
  // A capturing split alternates literal text and parameter names: [text, name, text, …, text].
  const parts = op.path
    .split(/\{([^}]+)\}/)
    .map((piece, i) =>
      i % 2 === 0 ? piece : piece === 'account_id' ? encodePathSegment(env.accountId) : op.pathParams.indexOf(piece),
    );
  parts[0] = env.baseUrl + parts[0];
  const headers: Record<string, string> = { ...env.headers };
  const accept = op.responseMediaType;
  if (accept) headers['accept'] = accept;
  // A form's Content-Type is fetch's to write (it knows the multipart boundary).
  if (!isForm(op.requestMediaType) && (op.requestMediaType || op.method === 'POST' || op.method === 'PUT'))
    headers['content-type'] = op.requestMediaType ?? 'application/json';
  return {
    op,
    parts,
    headers,
    fetchHeaders: env.nodeFetch ? new Headers(headers) : headers,
    // A HEAD answer has no body, whatever the spec says it would have been.
    decode:
      !accept || op.method === 'HEAD'
        ? 'none'
        : !/json$/i.test(accept)
          ? 'text'
          : op.pagination || op.responseShape
            ? 'json'
            : 'resource',
  };
}

export function buildUrl({ op, parts }: CompiledOp, ids: readonly string[]): string {
  const n = op.pathParams.length;
  if (ids.length !== n) throw configError('ids', `${op.id} takes ${n} ids, got ${ids.length}`);
  let url = '';
  for (const part of parts) url += typeof part === 'number' ? encodePathSegment(ids[part] as string) : part;
  return url;
}

/**
 * The query string (with its `?`) for a list call; `continue` is the pager's
 * token, which replaces any the query holds. A filter built with `where`
 * sends one `filter=` per condition; an array named in `repeated` one
 * parameter per value, any other array its values joined with commas.
 * Values are not validated here: the generated types restrict the
 * parameters to those the operation declares, and the service answers a bad
 * value with a 400 (problem 5 or 6).
 */
export function buildQuery(
  query: object | undefined,
  continueToken: string | undefined,
  repeated?: readonly string[],
): string {
  let qs = '';
  for (const key in query) {
    const v: unknown = (query as Record<string, unknown>)[key];
    const conditions = (v as { conditions?: unknown } | undefined)?.conditions;
    // `false` is a value the caller chose (`dryRun: false`), sent like any other; only undefined is left out.
    if (v === undefined || key === 'continue') continue;
    if (Array.isArray(conditions)) for (const f of conditions) qs += '&filter=' + encode(f);
    else if (Array.isArray(v) && repeated?.includes(key)) for (const x of v) qs += `&${key}=` + encode(String(x));
    else qs += `&${key}=` + encode(Array.isArray(v) ? v.join(',') : String(v));
  }
  if (continueToken !== undefined) qs += '&continue=' + encode(continueToken);
  return qs && '?' + qs.slice(1);
}

/**
 * The request body: an object gets `type` and `version` (default: the newest)
 * filled from the descriptor when it names them; any other body (an array, a
 * string) is sent as it is.
 */
export function fillBody(op: OperationDescriptor, body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !(op.resourceType || op.versions))
    return body;
  const out: Record<string, unknown> = { ...body };
  if (op.resourceType) out['type'] = op.resourceType;
  if (op.versions) out['version'] ??= op.versions[0];
  return out;
}

/**
 * The headers every request of a client sends: the caller's (checked and
 * lower-cased by the config) and the User-Agent. Shared by the runtime and
 * the raw client.
 */
export function clientHeaders(headers: Record<string, string>, userAgent: string | undefined): Record<string, string> {
  return { ...headers, 'user-agent': userAgent ? `${userAgent} ${SDK_USER_AGENT}` : SDK_USER_AGENT };
}
