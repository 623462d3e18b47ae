// Observation hooks. They are synchronous observers called with redacted
// data only: no token, no Authorization header, no secret body member, and
// server-supplied text (response headers) scrubbed of the call's secrets by
// value. A hook that throws fails the call with its own error (except
// onError, whose failure is ignored). The payloads are built only when the
// hook is set, so unused hooks cost nothing per request.

import type { AstraError } from './errors.js';
import type { RedactedRequest } from './internal/redact.js';

export interface RequestEvent {
  request: RedactedRequest;
  /** 0 for the first attempt, 1 for the first retry, … */
  attempt: number;
}

export interface ResponseEvent extends RequestEvent {
  status: number;
  /** Response headers, credential-bearing ones redacted. */
  headers: Record<string, string>;
  durationMs: number;
}

export interface RetryEvent extends RequestEvent {
  /** Why the attempt failed. */
  error: AstraError;
  /** How long the runtime waits before the next attempt. */
  delayMs: number;
}

export interface ErrorEvent {
  error: AstraError;
  /** Absent for the client's own configuration errors. */
  request?: RedactedRequest;
  /** The attempt that failed last. */
  attempt: number;
}

export interface Hooks {
  /** Before each HTTP request (each attempt). */
  onRequest?(event: RequestEvent): void;
  /** After each HTTP response, success or not, before its body is read. */
  onResponse?(event: ResponseEvent): void;
  /** Before waiting to retry. */
  onRetry?(event: RetryEvent): void;
  /**
   * When a call fails for good (after retries), with the error it throws;
   * also for configuration errors (of createAstraClient, with no request, or
   * of a call's arguments).
   */
  onError?(event: ErrorEvent): void;
}
