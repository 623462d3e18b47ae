// Entry point `astra-control-sdk`: the client, errors, the filter builder,
// the problem catalogue and every model type. The typed raw client lives in
// `astra-control-sdk/raw` and the generated-code contract in
// `astra-control-sdk/runtime`, so that this entry stays cheap to type-check.
// The runtime's internals (src/internal/) are not exported.

import type { problemTypes } from '../generated/problems.js';

export { createAstraClient, type AstraClient, type AstraClientOptions, type AstraRawClient } from './client.js';
/** The problem catalogue: `problemTypes.credentialExists.type` is the URI to compare with `err.problemType`. */
export { problemTypes } from '../generated/problems.js';
export type ProblemName = keyof typeof problemTypes;
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
/**
 * Every schema of the spec as a type (`Credential`, `AppSnap`, …). `Problem`
 * and `InvalidEntry` above are the runtime's (what `AstraApiError.problem`
 * holds) and take precedence over the spec's types of the same names.
 */
export type * from '../generated/models/index.js';
