// Retry policy. Only idempotent methods (GET, PUT, DELETE) are retried, only
// when there was no response (AstraConnectionError) or the response was 429,
// 502, 503 or 504; never POST, never 409 (a conflict does not go away by
// asking again), never a timeout (a per-request timeout would otherwise
// multiply). Delays grow exponentially with jitter; a Retry-After header wins,
// clamped to `maxRetryAfterMs`.

import { AstraAbortError, AstraApiError, AstraConnectionError, type AstraError } from './errors.js';

export interface RetryOptions {
  /** First backoff step; doubles with each attempt. Default 200 ms. */
  baseDelayMs?: number;
  /** Largest backoff step. Default 5 000 ms. */
  maxDelayMs?: number;
  /** Largest wait a Retry-After header can impose. Default 30 000 ms. */
  maxRetryAfterMs?: number;
}

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
}

export function retryPolicy(maxRetries: number | undefined, o: RetryOptions | undefined): RetryPolicy {
  const n = maxRetries ?? 2;
  if (!Number.isInteger(n) || n < 0) throw new TypeError(`maxRetries must be a non-negative integer, got ${n}`);
  return {
    maxRetries: n,
    baseDelayMs: o?.baseDelayMs ?? 200,
    maxDelayMs: o?.maxDelayMs ?? 5_000,
    maxRetryAfterMs: o?.maxRetryAfterMs ?? 30_000,
  };
}

export function isRetryable(err: AstraError): boolean {
  if (err instanceof AstraConnectionError) return true;
  if (err instanceof AstraApiError) {
    const s = err.status;
    return s === 429 || s === 502 || s === 503 || s === 504;
  }
  return false;
}

/** Milliseconds to wait before retry number `attempt + 1` (attempt counts from 0). */
export function retryDelay(attempt: number, err: AstraError, p: RetryPolicy): number {
  const ra = err instanceof AstraApiError ? err.retryAfterMs : undefined;
  if (ra !== undefined) return Math.min(ra, p.maxRetryAfterMs);
  // "Equal jitter": half the step, plus up to another half at random.
  const step = Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** attempt);
  return step / 2 + Math.random() * (step / 2);
}

/** Retry-After as delta-seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

/** Waits `ms`, rejecting with AstraAbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined, abortError: () => AstraAbortError): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
