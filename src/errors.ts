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
//
// Only AstraError and AstraApiError have behaviour of their own; the other
// classes differ only by name, so they are made by `subclass` from one line
// each rather than written out as empty class declarations. Each is still a
// real class (`instanceof`, `extends`, `name` and `constructor.name` work),
// and its instance type is the interface of the same name.

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
function subclass<T extends AstraError>(name: string, base: AstraErrorClass<AstraError>, status?: number): AstraErrorClass<T> {
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

/** The class for a status: exact match, else the family (4xx, 5xx), else AstraApiError. */
export const errorClassFor = (status: number): AstraErrorClass<AstraApiError> => byStatus[status] ?? byStatus[(status / 100) | 0] ?? AstraApiError;
