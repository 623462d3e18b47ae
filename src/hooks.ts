// Observation hooks. They are synchronous observers called with redacted
// data only: no token, no Authorization header, no secret body member. A hook
// that throws fails the call with its own error. The payloads are built only
// when the hook is set, so unused hooks cost nothing per request.

import type { AstraError } from './errors.js';
import type { RedactedRequest } from './redact.js';

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

export interface Hooks {
  /** Before each HTTP request (each attempt). */
  onRequest?(event: RequestEvent): void;
  /** After each HTTP response, success or not, before its body is read. */
  onResponse?(event: ResponseEvent): void;
  /** Before waiting to retry. */
  onRetry?(event: RetryEvent): void;
  /** When a call fails for good (after retries), with the error it throws. */
  onError?(event: RequestEvent & { error: AstraError }): void;
}
