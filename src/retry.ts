// Retries. Only transient failures are retried: no response at all
// (AstraConnectionError) or 429, 502, 503, 504, and only for idempotent
// methods (GET, HEAD, OPTIONS, PUT, DELETE), never POST or PATCH. Never a timeout (a per-attempt
// timeout would otherwise multiply), a redirect, a configuration error, a
// 409. Separately, a 401 is retried once, at once and for any method (the
// service rejected the request before acting on it), when the token is a
// function: the next attempt calls it again and so picks up a rotated token.
//
// Delays grow exponentially with jitter up to `maxDelayMs`. A `Retry-After`
// header (delta-seconds or an HTTP-date, RFC 9110 §10.2.3; anything else is
// ignored) replaces the backoff, capped at `maxRetryAfterMs`. Waits end early
// when the caller aborts; the next attempt then reports the abort.

import { AstraApiError, AstraConnectionError, AstraError, UnauthorizedError } from './errors.js';
import { sleep } from './internal/abort.js';

export interface RetryOptions {
  /** First backoff step; doubles with each retry. Default 200 ms. */
  baseDelayMs?: number;
  /** Largest backoff step. Default 5 000 ms. */
  maxDelayMs?: number;
  /** Largest wait a Retry-After header can impose. Default 30 000 ms. */
  maxRetryAfterMs?: number;
}

export interface RetryPolicy extends Required<RetryOptions> {
  /** Retries of transient failures (idempotent calls only). */
  maxRetries: number;
  /** Whether the call may be retried at all on transient failures (its method is idempotent: not POST, not PATCH). */
  idempotent: boolean;
  /** Whether a 401 is retried once with a freshly fetched token. */
  refreshOn401: boolean;
}

export const RETRY_DEFAULTS: Required<RetryOptions> = { baseDelayMs: 200, maxDelayMs: 5_000, maxRetryAfterMs: 30_000 };

export const isTransient = (err: AstraError): boolean =>
  err instanceof AstraConnectionError || (err instanceof AstraApiError && [429, 502, 503, 504].includes(err.status));

/** Milliseconds to wait before retry number `retry + 1` (counting from 0). */
export function retryDelay(retry: number, err: AstraError, p: RetryOptions & typeof RETRY_DEFAULTS): number {
  const ra = (err as AstraApiError).retryAfterMs;
  if (ra !== undefined) return Math.min(ra, p.maxRetryAfterMs);
  // "Equal jitter": half the step, plus up to another half at random.
  const step = Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** retry) / 2;
  return step + Math.random() * step;
}

/**
 * `Retry-After` in ms: a non-negative integer of seconds, or an HTTP-date
 * (a past date means now). Undefined when absent or invalid (`-5`, `1.5`,
 * words), so that the backoff applies.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  // An HTTP-date starts with a day name (IMF-fixdate, RFC 850 or asctime);
  // Date.parse alone would also take `1.5` or `-5` as dates.
  if (!/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /.test(v)) return undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Observes a retry before its wait (the runtime's onRetry hook). */
export type OnRetry = (error: AstraError, attempt: number, delayMs: number) => void;

/**
 * Runs `attempt(0)`, `attempt(1)`, … until one succeeds or fails for good,
 * waiting between them as the policy says. `attempt` throws AstraErrors;
 * anything else (a hook's own error) ends the call as it is. The call's
 * final failure is thrown as `final` maps it (when given).
 */
export function withRetries<T>(
  policy: RetryPolicy,
  attempt: (n: number) => Promise<T>,
  signal?: AbortSignal,
  onRetry?: OnRetry,
  final?: (err: unknown) => unknown,
): Promise<T> {
  // The first attempt outside the loop, and the final failure mapped in it:
  // a call that succeeds costs one promise more than its attempt.
  return attempt(0).catch((err: unknown) => retryAfterFailure(policy, attempt, err, signal, onRetry, final));
}

async function retryAfterFailure<T>(
  policy: RetryPolicy,
  attempt: (n: number) => Promise<T>,
  first: unknown,
  signal?: AbortSignal,
  onRetry?: OnRetry,
  final?: (err: unknown) => unknown,
): Promise<T> {
  let retries = 0;
  let refreshed = !policy.refreshOn401;
  for (let n = 1, err = first; ; n++) {
    let delayMs = 0;
    if (err instanceof UnauthorizedError && !refreshed) refreshed = true;
    else if (err instanceof AstraError && policy.idempotent && retries < policy.maxRetries && isTransient(err))
      delayMs = retryDelay(retries++, err, policy);
    else throw final ? final(err) : err;
    onRetry?.(err, n - 1, delayMs);
    if (delayMs > 0) await sleep(delayMs, signal);
    try {
      return await attempt(n);
    } catch (next) {
      err = next;
    }
  }
}
