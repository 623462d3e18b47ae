// Public entry point of astra-control-sdk.

import type { problemTypes } from '../generated/problems.js';

export { createAstraClient, type AstraClient, type AstraClientOptions } from './client.js';
/** The problem catalogue: `problemTypes.credentialExists.type` is the URI to compare with `err.problemType`. */
export { problemTypes } from '../generated/problems.js';
export type ProblemName = keyof typeof problemTypes;
export { createRuntime, type RuntimeOptions } from './runtime.js';
export { createRawClient, type RawClient, type RawClientOptions } from './raw.js';
export { where, and, Filter, quoteFilterValue, type FilterField, type FilterValue, type FilterOperator } from './filter.js';
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
  AstraConnectionError,
  AstraTimeoutError,
  AstraAbortError,
  type Problem,
  type InvalidEntry,
  type ProblemTypeRef,
} from './errors.js';
export type { Hooks, RequestEvent, ResponseEvent, RetryEvent } from './hooks.js';
export type { RedactedRequest } from './redact.js';
export type { RetryOptions } from './retry.js';
export type { TokenSource } from './auth.js';
export { encodePathSegment } from './request.js';
export type {
  BodyInput,
  CollectionQuery,
  FilterExpression,
  HttpMethod,
  ListQuery,
  OperationDescriptor,
  OrderBy,
  Page,
  Pager,
  QueryParamName,
  RequestOptions,
  Runtime,
  Selected,
} from './operation.js';
