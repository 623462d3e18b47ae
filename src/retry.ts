// Retry policy. Only idempotent methods (GET, PUT, DELETE) are retried, only
// when there was no response (AstraConnectionError) or the response was 429,
// 502, 503 or 504; never POST, never 409 (a conflict does not go away by
// asking again), never a timeout (a per-request timeout would otherwise
// multiply). Delays grow exponentially with jitter; a Retry-After header wins,
// clamped to `maxRetryAfterMs`.

import { AstraApiError, AstraConnectionError, type AstraError } from './errors.js';

export interface RetryOptions {
  /** First backoff step; doubles with each attempt. Default 200 ms. */
  baseDelayMs?: number;
  /** Largest backoff step. Default 5 000 ms. */
  maxDelayMs?: number;
  /** Largest wait a Retry-After header can impose. Default 30 000 ms. */
  maxRetryAfterMs?: number;
}

export type RetryPolicy = Required<RetryOptions> & { maxRetries: number };

export function retryPolicy(maxRetries = 2, o?: RetryOptions): RetryPolicy {
  if (!(Number.isInteger(maxRetries) && maxRetries >= 0)) throw new TypeError('maxRetries');
  return { maxRetries, baseDelayMs: 200, maxDelayMs: 5_000, maxRetryAfterMs: 30_000, ...o };
}

export const isRetryable = (err: AstraError): boolean =>
  err instanceof AstraConnectionError || (err instanceof AstraApiError && [429, 502, 503, 504].includes(err.status));

/** Milliseconds to wait before retry number `attempt + 1` (attempt counts from 0). */
export function retryDelay(attempt: number, err: AstraError, p: RetryPolicy): number {
  const ra = (err as AstraApiError).retryAfterMs;
  if (ra !== undefined) return Math.min(ra, p.maxRetryAfterMs);
  // "Equal jitter": half the step, plus up to another half at random.
  const step = Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** attempt) / 2;
  return step + Math.random() * step;
}

/** Retry-After as delta-seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const ms = /^\s*\d+\s*$/.test(value) ? +value * 1000 : Date.parse(value) - now;
  return ms >= 0 ? ms : ms < 0 ? 0 : undefined;
}

/**
 * Waits `ms`, or until `signal` aborts. It resolves either way: the next
 * attempt starts by checking the signal, which turns an abort into the
 * call's AstraAbortError.
 */
export const sleep = (ms: number, signal: AbortSignal | undefined): Promise<void> =>
  new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    if (signal?.aborted) done();
    else signal?.addEventListener('abort', done);
  });
