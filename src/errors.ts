// The error hierarchy. Every failure of a call is an AstraError:
//
// AstraError
// ├─ AstraApiError            any non-2xx response (status from HTTP)
// │  ├─ ClientError           other 4xx
// │  │  ├─ BadRequestError 400, UnauthorizedError 401, ForbiddenError 403,
// │  │  │  NotFoundError 404, NotAcceptableError 406, ConflictError 409,
// │  │  │  PreconditionFailedError 412
// │  └─ ServerError           other 5xx
// │     ├─ InternalServerError 500, BadGatewayError 502, ServiceUnavailableError 503
// ├─ AstraInvalidResponseError a 2xx whose body is not what the operation returns
// ├─ AstraRedirectError       a redirect the runtime refuses to follow (never retried)
// ├─ AstraConnectionError     no response (refused, reset, DNS, TLS, …)
// ├─ AstraTimeoutError        no response within timeoutMs (or waitFor ran out of time)
// ├─ AstraAbortError          the caller's signal aborted the call
// ├─ AstraConfigError         the client's options or a call's arguments are unusable
// ├─ AstraPageLimitError      a listing needed more than `maxPages` requests
// └─ AstraStateError          waitFor saw the resource reach a failed state
//
// Errors are built by one factory (`errorFor`, `failureOf`, in the style of
// openai-node's APIError.generate) from data that has been scrubbed of every
// secret by value (see internal/redact.ts), so message, JSON.stringify and
// util.inspect are safe to log.
//
// Only AstraError and AstraApiError have behaviour of their own; the other
// classes differ only by name, so they are made by `subclass` from one line
// each rather than written out as empty class declarations. Each is still a
// real class (`instanceof`, `extends`, `name` and `constructor.name` work),
// and its instance type is the interface of the same name.

import { scrubValue, type RedactedRequest } from './internal/redact.js';

/** One rejected query parameter, header or body field. */
export interface InvalidEntry {
  name: string;
  reason: string;
}

/** An RFC 7807 problem body as Astra sends it (`status` is a string there). */
export interface Problem {
  type?: string;
  title?: string;
  detail?: string;
  status?: string;
  correlationID?: string;
  invalidParams?: InvalidEntry[];
  invalidFields?: InvalidEntry[];
  [member: string]: unknown;
}

/** The shape of an entry of the generated `problemTypes` catalogue. */
export interface ProblemTypeRef {
  readonly type: string;
  readonly number?: number;
  readonly status?: number;
  readonly title?: string;
}

type Fields = Record<string, unknown>;

export class AstraError extends Error {
  /** A redacted copy of the request that failed (no token, no secrets). */
  declare readonly request?: RedactedRequest;

  /**
   * `fields` become own properties (undefined ones are skipped); `fields.cause`
   * becomes the standard, non-enumerable `cause` (assigning it again below
   * keeps it so).
   */
  constructor(message: string, fields?: Fields) {
    super(message, fields);
    for (const k in fields) if (fields[k] !== undefined) (this as Fields)[k] = fields[k];
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, ...(this as object) };
  }
}

export class AstraApiError extends AstraError {
  /** The HTTP status of the response (not the body's string `status`). */
  declare readonly status: number;
  /** The problem type URI, e.g. `https://astra.netapp.io/problems/10`. */
  declare readonly problemType?: string;
  declare readonly problemNumber?: number;
  declare readonly title?: string;
  declare readonly detail?: string;
  declare readonly correlationId?: string;
  declare readonly invalidFields?: InvalidEntry[];
  declare readonly invalidParams?: InvalidEntry[];
  /** Response headers (credential-bearing ones redacted). */
  declare readonly headers: Record<string, string>;
  /** The problem body as received (secrets scrubbed). */
  declare readonly problem?: Problem;
  /** When the body was not a JSON problem (an HTML proxy page, a cut-off body): its start. */
  declare readonly bodySnippet?: string;
  /** `Retry-After`, in milliseconds, when the response carried one. */
  declare readonly retryAfterMs?: number;

  /** True when this error is the given catalogue problem: `err.is(problemTypes.credentialExists)`. */
  is(problem: ProblemTypeRef | string): boolean {
    // A string has no `type`, so it is compared itself.
    return this.problemType === ((problem as ProblemTypeRef).type ?? problem);
  }
}

// `name` on the prototypes: survives minification, and is not an own property.
AstraError.prototype.name = 'AstraError';
AstraApiError.prototype.name = 'AstraApiError';

/** An error class whose instances are `T`. */
export interface AstraErrorClass<T extends AstraError> {
  new (message: string, fields?: Record<string, unknown>): T;
  readonly prototype: T;
}

/** The API error class of each status with one, plus the families under 4 (4xx) and 5 (5xx). */
const byStatus: Record<number, AstraErrorClass<AstraApiError>> = {};

/**
 * A subclass of `base` named `name`, registered for `status` when given. The
 * name is a computed key so that minifiers keep it as the constructor's name.
 */
function subclass<T extends AstraError>(
  name: string,
  base: AstraErrorClass<AstraError>,
  status?: number,
): AstraErrorClass<T> {
  const cls = { [name]: class extends base {} }[name] as unknown as AstraErrorClass<T>;
  cls.prototype.name = name;
  if (status) byStatus[status] = cls as unknown as AstraErrorClass<AstraApiError>;
  return cls;
}

export interface ClientError extends AstraApiError {}
export interface ServerError extends AstraApiError {}
export const ClientError = subclass<ClientError>('ClientError', AstraApiError, 4);
export const ServerError = subclass<ServerError>('ServerError', AstraApiError, 5);

export interface BadRequestError extends ClientError {}
export interface UnauthorizedError extends ClientError {}
export interface ForbiddenError extends ClientError {}
export interface NotFoundError extends ClientError {}
export interface NotAcceptableError extends ClientError {}
export interface ConflictError extends ClientError {}
export interface PreconditionFailedError extends ClientError {}
export const BadRequestError = subclass<BadRequestError>('BadRequestError', ClientError, 400);
export const UnauthorizedError = subclass<UnauthorizedError>('UnauthorizedError', ClientError, 401);
export const ForbiddenError = subclass<ForbiddenError>('ForbiddenError', ClientError, 403);
export const NotFoundError = subclass<NotFoundError>('NotFoundError', ClientError, 404);
export const NotAcceptableError = subclass<NotAcceptableError>('NotAcceptableError', ClientError, 406);
export const ConflictError = subclass<ConflictError>('ConflictError', ClientError, 409);
export const PreconditionFailedError = subclass<PreconditionFailedError>('PreconditionFailedError', ClientError, 412);

export interface InternalServerError extends ServerError {}
export interface BadGatewayError extends ServerError {}
export interface ServiceUnavailableError extends ServerError {}
export const InternalServerError = subclass<InternalServerError>('InternalServerError', ServerError, 500);
export const BadGatewayError = subclass<BadGatewayError>('BadGatewayError', ServerError, 502);
export const ServiceUnavailableError = subclass<ServiceUnavailableError>('ServiceUnavailableError', ServerError, 503);

/** A 2xx response whose body could not be decoded as the operation's result. */
export interface AstraInvalidResponseError extends AstraError {
  readonly status: number;
  readonly contentType?: string;
  readonly bodySnippet?: string;
}
export const AstraInvalidResponseError = subclass<AstraInvalidResponseError>('AstraInvalidResponseError', AstraError);

/** A redirect that was not followed: to another origin, of a non-GET request, a loop, or too many hops. */
export interface AstraRedirectError extends AstraError {
  readonly status: number;
  /** Where the server pointed (secrets scrubbed). */
  readonly location?: string;
}
export const AstraRedirectError = subclass<AstraRedirectError>('AstraRedirectError', AstraError);

/** Unusable options or arguments: thrown by createAstraClient, or by a call for its own arguments; never retried. */
export interface AstraConfigError extends AstraError {
  /** The option or argument at fault (`baseUrl`, `timeoutMs`, `token`, `ids[0]`, …). */
  readonly option: string;
}
export const AstraConfigError = subclass<AstraConfigError>('AstraConfigError', AstraError);

/** A listing was stopped after `maxPages` requests. */
export interface AstraPageLimitError extends AstraError {
  readonly maxPages: number;
}
export const AstraPageLimitError = subclass<AstraPageLimitError>('AstraPageLimitError', AstraError);

/** `waitFor` saw the resource reach a state it cannot come back from. */
export interface AstraStateError extends AstraError {
  readonly state: string;
  /** The resource as last read. */
  readonly resource: unknown;
}
export const AstraStateError = subclass<AstraStateError>('AstraStateError', AstraError);

/** The request got no response: connection refused or reset, DNS or TLS failure. */
export interface AstraConnectionError extends AstraError {
  /** The system error code when there is one (`ECONNREFUSED`, `ECONNRESET`, …). */
  readonly code?: string;
}
export const AstraConnectionError = subclass<AstraConnectionError>('AstraConnectionError', AstraError);

/** No complete response within `timeoutMs`. */
export interface AstraTimeoutError extends AstraError {
  readonly timeoutMs: number;
}
export const AstraTimeoutError = subclass<AstraTimeoutError>('AstraTimeoutError', AstraError);

/** The caller's `signal` aborted the call. */
export interface AstraAbortError extends AstraError {}
export const AstraAbortError = subclass<AstraAbortError>('AstraAbortError', AstraError);

// ---------- the factory ----------------------------------------------------

/** What an error needs to know about its call. Built only on failure paths. */
export interface CallContext {
  /** What the message starts with: `GET /accounts/…/credentials/c1`. */
  readonly label: string;
  /** A copy of the request with no secret in it. */
  readonly request: RedactedRequest;
  /** Removes every secret of the call from a server- or system-supplied string, by value, after decoding. */
  readonly scrub: (text: string) => string;
}

/** `text` on one line, cut to `max` characters, for messages (the full value stays on the error's fields). */
export const cut = (text: unknown, max = 200): string => {
  const s = String(text).replace(/\s+/g, ' ').trim();
  return s.length > max ? s.slice(0, max) + '…' : s;
};

/** An error about a call: the message starts with what failed, and the error carries the redacted request. */
export const callError = <T extends AstraError>(
  Cls: AstraErrorClass<T>,
  k: CallContext,
  what: string,
  fields?: object,
): T => new Cls(k.label + what, { ...fields, request: k.request });

const stringOr = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const entriesOr = (v: unknown): InvalidEntry[] | undefined => (Array.isArray(v) ? v : undefined);

/**
 * The typed error for a non-2xx response (the class by exact status, else by
 * family, else AstraApiError), from its body `text` (what was read of it) and
 * its `headers` (already redacted by name). The problem is parsed first and
 * then scrubbed member by member, so a secret the server wrote with JSON
 * escapes (`\/`, `\u002b`) is found in its decoded form.
 */
export function errorFor(
  status: number,
  statusText: string,
  text: string,
  headers: Record<string, string>,
  k: CallContext,
  retryAfterMs?: number,
): AstraApiError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (an HTML page from a proxy) or cut off: a snippet is kept instead.
  }
  const problem =
    parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (scrubValue(parsed, k.scrub) as Problem)
      : undefined;
  // Members are taken only when they have the documented type; a malformed problem still gives the right class.
  const problemType = stringOr(problem?.type);
  const title = stringOr(problem?.title);
  const detail = stringOr(problem?.detail);
  const correlationId = stringOr(problem?.correlationID);
  const problemNumber = Number(/\/problems\/(\d+)$/.exec(problemType ?? '')?.[1]) || undefined;
  const bodySnippet = problem ? undefined : cut(k.scrub(text));
  for (const name in headers) headers[name] = k.scrub(headers[name] as string);
  const what =
    `: ${status} ${cut(title ?? k.scrub(statusText))}` +
    (detail ? ': ' + cut(detail, 300) : '') +
    (problemNumber
      ? ` (problem ${problemNumber}${correlationId ? ', correlationID ' + cut(correlationId, 80) : ''})`
      : '') +
    (bodySnippet ? ' body: ' + bodySnippet : '');
  const Cls = byStatus[status] ?? byStatus[(status / 100) | 0] ?? AstraApiError;
  return callError(Cls, k, what, {
    status,
    problemType,
    problemNumber,
    title,
    detail,
    correlationId,
    invalidFields: entriesOr(problem?.invalidFields),
    invalidParams: entriesOr(problem?.invalidParams),
    headers,
    problem,
    bodySnippet,
    retryAfterMs,
  });
}

/** How an attempt ended, beside what it threw. */
export interface AttemptEnd {
  /** The caller's signal aborted: that wins over everything else. */
  aborted: boolean;
  /** The attempt's own timeout fired (its value), else undefined. */
  timedOutAfter?: number;
}

/**
 * The AstraError for whatever an attempt threw. The caller's abort always
 * wins; then errors already typed (responses, redirects); then this attempt's
 * timeout; then a TypeError without a cause, which is fetch refusing the
 * request itself (a malformed header, say: asking again cannot help); else a
 * connection failure. Its text can quote request data (undici quotes an
 * invalid header value), so only a scrubbed copy is kept, never the original
 * error as `cause`.
 */
export function failureOf(e: unknown, k: CallContext, end: AttemptEnd): AstraError {
  if (end.aborted) return callError(AstraAbortError, k, ' was aborted');
  if (e instanceof AstraError) return e;
  if (end.timedOutAfter !== undefined)
    return callError(AstraTimeoutError, k, ` timed out after ${end.timedOutAfter} ms`, {
      timeoutMs: end.timedOutAfter,
    });
  type SystemError = { message?: string; code?: string; cause?: SystemError } | undefined;
  // A request fetch (TypeError) or undici's dispatcher (InvalidArgumentError) refuses to send.
  if ((e instanceof TypeError && !e.cause) || (e as SystemError)?.code === 'UND_ERR_INVALID_ARG')
    return callError(AstraConfigError, k, ` could not be sent: ${cut(k.scrub(String((e as Error).message)))}`, {
      option: 'request',
    });
  // undici's own message is "fetch failed": the cause says what happened.
  const err = (e as SystemError)?.cause ?? (e as SystemError);
  const code = typeof err?.code === 'string' ? err.code : undefined;
  return callError(
    AstraConnectionError,
    k,
    ` failed: ${cut(k.scrub(String(err?.message)))}${code ? ` (${code})` : ''}`,
    { code },
  );
}
