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
// ├─ AstraConnectionError     no response (refused, reset, DNS, TLS, …)
// ├─ AstraTimeoutError        no response within timeoutMs
// └─ AstraAbortError          the caller's signal aborted the call
//
// Errors hold only redacted data (see redact.ts), so message, JSON.stringify
// and util.inspect are safe to log.

import type { RedactedRequest } from './redact.js';

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

  /** `fields` become own properties (undefined ones are skipped); `cause` becomes the standard `cause`. */
  constructor(message: string, fields?: Fields) {
    super(message, fields && fields['cause'] !== undefined ? { cause: fields['cause'] } : undefined);
    for (const k in fields) if (k !== 'cause' && fields[k] !== undefined) (this as Fields)[k] = fields[k];
  }

  toJSON(): Record<string, unknown> {
    return Object.assign({ name: this.name, message: this.message }, this as object);
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const arr = (v: unknown) => (Array.isArray(v) ? (v as InvalidEntry[]) : undefined);

/** The AstraApiError fields derived from a problem body. */
export function problemFields(p: Problem = {}) {
  const problemType = str(p.type);
  const n = problemType && /\/problems\/(\d+)$/.exec(problemType)?.[1];
  return {
    problemType,
    problemNumber: n ? +n : undefined,
    title: str(p.title),
    detail: str(p.detail),
    correlationId: str(p.correlationID),
    invalidFields: arr(p.invalidFields),
    invalidParams: arr(p.invalidParams),
  };
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
    return this.problemType !== undefined && this.problemType === (typeof problem === 'string' ? problem : problem.type);
  }
}

export class ClientError extends AstraApiError {}
export class ServerError extends AstraApiError {}
export class BadRequestError extends ClientError {}
export class UnauthorizedError extends ClientError {}
export class ForbiddenError extends ClientError {}
export class NotFoundError extends ClientError {}
export class NotAcceptableError extends ClientError {}
export class ConflictError extends ClientError {}
export class PreconditionFailedError extends ClientError {}
export class InternalServerError extends ServerError {}
export class BadGatewayError extends ServerError {}
export class ServiceUnavailableError extends ServerError {}

/** A 2xx response whose body could not be decoded as the operation's result. */
export class AstraInvalidResponseError extends AstraError {
  declare readonly status: number;
  declare readonly contentType?: string;
  declare readonly bodySnippet?: string;
}

/** The request got no response: connection refused or reset, DNS or TLS failure. */
export class AstraConnectionError extends AstraError {
  /** The system error code when there is one (`ECONNREFUSED`, `ECONNRESET`, …). */
  declare readonly code?: string;
}

/** No complete response within `timeoutMs`. */
export class AstraTimeoutError extends AstraError {
  declare readonly timeoutMs: number;
}

/** The caller's `signal` aborted the call. */
export class AstraAbortError extends AstraError {}

// `name` on the prototypes: survives minification, and is not an own property.
const classes = {
  AstraError,
  AstraApiError,
  ClientError,
  ServerError,
  BadRequestError,
  UnauthorizedError,
  ForbiddenError,
  NotFoundError,
  NotAcceptableError,
  ConflictError,
  PreconditionFailedError,
  InternalServerError,
  BadGatewayError,
  ServiceUnavailableError,
  AstraInvalidResponseError,
  AstraConnectionError,
  AstraTimeoutError,
  AstraAbortError,
};
for (const [name, cls] of Object.entries(classes)) cls.prototype.name = name;

type ApiErrorClass = typeof AstraApiError;

const BY_STATUS: Record<number, ApiErrorClass> = {
  400: BadRequestError,
  401: UnauthorizedError,
  403: ForbiddenError,
  404: NotFoundError,
  406: NotAcceptableError,
  409: ConflictError,
  412: PreconditionFailedError,
  500: InternalServerError,
  502: BadGatewayError,
  503: ServiceUnavailableError,
};

/** The class for a status: exact match, else the family, else AstraApiError. */
export function errorClassFor(status: number): ApiErrorClass {
  return BY_STATUS[status] ?? (status >= 400 && status < 500 ? ClientError : status >= 500 && status < 600 ? ServerError : AstraApiError);
}
