// Public entry point of astra-control-sdk: what users call and the types
// they name. The runtime's internals (src/internal/, the Runtime contract the
// generated code uses) are not exported.

import type { problemTypes } from '../generated/problems.js';

export { createAstraClient, type AstraClient, type AstraClientOptions } from './client.js';
/** The problem catalogue: `problemTypes.credentialExists.type` is the URI to compare with `err.problemType`. */
export { problemTypes } from '../generated/problems.js';
export type ProblemName = keyof typeof problemTypes;
export type { RawClient } from './raw.js';
export {
  where,
  and,
  Filter,
  quoteFilterValue,
  type FilterField,
  type FilterValue,
  type FilterOperator,
} from './filter.js';
export {
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
  AstraRedirectError,
  AstraConnectionError,
  AstraTimeoutError,
  AstraAbortError,
  AstraConfigError,
  AstraPageLimitError,
  AstraStateError,
  type Problem,
  type InvalidEntry,
  type ProblemTypeRef,
} from './errors.js';
export type { Hooks, RequestEvent, ResponseEvent, RetryEvent, ErrorEvent } from './hooks.js';
export type { RedactedRequest } from './internal/redact.js';
export type { RetryOptions } from './retry.js';
export type { TokenSource } from './auth.js';
export type {
  ApiPromise,
  BodyInput,
  CollectionQuery,
  ConditionalRequestOptions,
  FilterExpression,
  ListQuery,
  OrderBy,
  Page,
  Pager,
  RequestOptions,
  Selected,
  WaitOptions,
  WithResponse,
} from './operation.js';
