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

interface ErrorInit {
  request?: RedactedRequest | undefined;
  cause?: unknown;
}

export class AstraError extends Error {
  /** A redacted copy of the request that failed (no token, no secrets). */
  readonly request?: RedactedRequest;

  constructor(message: string, init?: ErrorInit) {
    super(message, init && init.cause !== undefined ? { cause: init.cause } : undefined);
    if (init?.request) this.request = init.request;
  }

  toJSON(): Record<string, unknown> {
    return Object.assign({ name: this.name, message: this.message }, this as object);
  }
}

export interface ApiErrorInit extends ErrorInit {
  status: number;
  headers: Record<string, string>;
  problem?: Problem | undefined;
  /** Start of the body when it was not a JSON problem (already scrubbed). */
  bodySnippet?: string | undefined;
  retryAfterMs?: number | undefined;
}

const PROBLEM_NUMBER = /\/problems\/(\d+)$/;

export class AstraApiError extends AstraError {
  /** The HTTP status of the response (not the body's string `status`). */
  readonly status: number;
  /** The problem type URI, e.g. `https://astra.netapp.io/problems/10`. */
  readonly problemType?: string;
  readonly problemNumber?: number;
  readonly title?: string;
  readonly detail?: string;
  readonly correlationId?: string;
  readonly invalidFields?: InvalidEntry[];
  readonly invalidParams?: InvalidEntry[];
  /** Response headers (credential-bearing ones redacted). */
  readonly headers: Record<string, string>;
  /** The problem body as received (secrets scrubbed). */
  readonly problem?: Problem;
  /** When the body was not a JSON problem (an HTML proxy page, a cut-off body): its start. */
  readonly bodySnippet?: string;
  /** `Retry-After`, in milliseconds, when the response carried one. */
  readonly retryAfterMs?: number;

  constructor(message: string, init: ApiErrorInit) {
    super(message, init);
    this.status = init.status;
    this.headers = init.headers;
    const p = init.problem;
    if (p) {
      this.problem = p;
      if (typeof p.type === 'string') {
        this.problemType = p.type;
        const m = PROBLEM_NUMBER.exec(p.type);
        if (m) this.problemNumber = Number(m[1]);
      }
      if (typeof p.title === 'string') this.title = p.title;
      if (typeof p.detail === 'string') this.detail = p.detail;
      if (typeof p.correlationID === 'string') this.correlationId = p.correlationID;
      if (Array.isArray(p.invalidFields)) this.invalidFields = p.invalidFields;
      if (Array.isArray(p.invalidParams)) this.invalidParams = p.invalidParams;
    }
    if (init.bodySnippet !== undefined) this.bodySnippet = init.bodySnippet;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }

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
  readonly status: number;
  readonly contentType?: string;
  readonly bodySnippet?: string;
  constructor(message: string, init: ErrorInit & { status: number; contentType?: string | null; bodySnippet?: string }) {
    super(message, init);
    this.status = init.status;
    if (init.contentType) this.contentType = init.contentType;
    if (init.bodySnippet !== undefined) this.bodySnippet = init.bodySnippet;
  }
}

/** The request got no response: connection refused or reset, DNS or TLS failure. */
export class AstraConnectionError extends AstraError {
  /** The system error code when there is one (`ECONNREFUSED`, `ECONNRESET`, …). */
  readonly code?: string;
  constructor(message: string, init: ErrorInit & { code?: string | undefined }) {
    super(message, init);
    if (init.code) this.code = init.code;
  }
}

/** No complete response within `timeoutMs`. */
export class AstraTimeoutError extends AstraError {
  readonly timeoutMs: number;
  constructor(message: string, init: ErrorInit & { timeoutMs: number }) {
    super(message, init);
    this.timeoutMs = init.timeoutMs;
  }
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
for (const [name, cls] of Object.entries(classes)) {
  Object.defineProperty(cls.prototype, 'name', { value: name, writable: true, configurable: true });
}

type ApiErrorClass = new (message: string, init: ApiErrorInit) => AstraApiError;

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
