// The client's options, checked once at createAstraClient. Anything unusable
// is an AstraConfigError naming the option (never quoting a secret), so that
// it fails at construction rather than as a retried "connection error" on
// every call.

import { AstraConfigError } from '../errors.js';
import type { Hooks } from '../hooks.js';
import { RETRY_DEFAULTS, type RetryOptions } from '../retry.js';
import type { TokenSource } from '../auth.js';

export interface ClientOptions {
  /** Where the API lives, e.g. `https://astra.netapp.io` (paths start with `/accounts/...`). No `user:password@`. */
  baseUrl: string;
  accountId: string;
  /** The API token, or a function returning it (called for every HTTP request). */
  token: TokenSource;
  /** A fetch implementation; defaults to the global one. */
  fetch?: typeof globalThis.fetch;
  /** Per-attempt timeout covering the response and its body, in ms. Default 30 000; 0 disables. */
  timeoutMs?: number;
  /** Retries of transient failures of idempotent requests (GET, PUT, DELETE). Default 2. */
  maxRetries?: number;
  /** Backoff tuning. */
  retry?: RetryOptions;
  /** Most requests one listing may make (`for await`, `pages()`, `toArray`). Default 10 000. */
  maxPages?: number;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Prepended to the SDK's own User-Agent. */
  userAgent?: string;
  hooks?: Hooks;
}

/** The options after checking, with defaults filled. */
export interface Config {
  /** Origin and path, no trailing slash. */
  baseUrl: string;
  accountId: string;
  token: TokenSource;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  maxRetries: number;
  retry: Required<RetryOptions>;
  maxPages: number;
  headers: Record<string, string>;
  userAgent: string | undefined;
  hooks: Hooks | undefined;
}

/** The largest delay setTimeout honours (about 24.8 days). */
const MAX_TIMER = 2 ** 31 - 1;

export const configError = (option: string, problem: string): AstraConfigError =>
  new AstraConfigError(`invalid ${option}: ${problem}`, { option });

/** A header value (or token) that can be sent as it is: visible ASCII and inner spaces, no CR, LF or other control characters. */
export const isHeaderSafe = (v: unknown): v is string =>
  typeof v === 'string' && /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(v);

/** A duration option: a non-negative finite number of ms a timer can hold. */
export function checkMs(option: string, v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !(v >= 0 && v <= MAX_TIMER))
    throw configError(option, `expected a number of milliseconds from 0 to ${MAX_TIMER}`);
  return v;
}

function checkCount(option: string, v: unknown, fallback: number, min: number): number {
  if (v === undefined) return fallback;
  if (!Number.isInteger(v) || (v as number) < min) throw configError(option, `expected an integer of at least ${min}`);
  return v as number;
}

function checkBaseUrl(v: unknown): string {
  let url: URL;
  try {
    url = new URL(v as string);
  } catch {
    throw configError('baseUrl', 'not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw configError('baseUrl', 'must be http: or https:');
  // Never quote the URL here: it may hold the password.
  if (url.username || url.password)
    throw configError('baseUrl', 'must not hold user:password@ (pass the API token as `token`)');
  if (url.search || url.hash) throw configError('baseUrl', 'must not have a query or fragment');
  return (url.origin + url.pathname).replace(/\/+$/, '');
}

export function checkHeaders(option: string, h: unknown): Record<string, string> {
  if (h === undefined) return {};
  if (!h || typeof h !== 'object') throw configError(option, 'expected an object of header names to values');
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(h)) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
      throw configError(option, `header name ${JSON.stringify(name.slice(0, 40))} is not a token`);
    if (!isHeaderSafe(String(value)))
      throw configError(`${option}.${name}`, 'control characters or non-ASCII in the value');
    out[name.toLowerCase()] = String(value);
  }
  return out;
}

export function checkConfig(o: ClientOptions): Config {
  if (!o || typeof o !== 'object') throw configError('options', 'expected an object');
  const baseUrl = checkBaseUrl(o.baseUrl);
  if (typeof o.accountId !== 'string' || !o.accountId || /^\.{1,2}$/.test(o.accountId))
    throw configError('accountId', 'expected a non-empty id');
  const { token } = o;
  if (typeof token !== 'function' && !isHeaderSafe(token))
    throw configError('token', 'expected a non-empty string of visible ASCII characters, or a function returning one');
  if (o.fetch !== undefined && typeof o.fetch !== 'function') throw configError('fetch', 'expected a function');
  if (o.userAgent !== undefined && !isHeaderSafe(o.userAgent))
    throw configError('userAgent', 'control characters or non-ASCII');
  const hooks = o.hooks;
  if (hooks !== undefined) {
    if (!hooks || typeof hooks !== 'object') throw configError('hooks', 'expected an object of functions');
    for (const [name, fn] of Object.entries(hooks))
      if (typeof fn !== 'function') throw configError(`hooks.${name}`, 'expected a function');
  }
  const retry = o.retry ?? {};
  return {
    baseUrl,
    accountId: o.accountId,
    token,
    fetch: o.fetch ?? fetch,
    timeoutMs: checkMs('timeoutMs', o.timeoutMs, 30_000),
    maxRetries: checkCount('maxRetries', o.maxRetries, 2, 0),
    retry: {
      baseDelayMs: checkMs('retry.baseDelayMs', retry.baseDelayMs, RETRY_DEFAULTS.baseDelayMs),
      maxDelayMs: checkMs('retry.maxDelayMs', retry.maxDelayMs, RETRY_DEFAULTS.maxDelayMs),
      maxRetryAfterMs: checkMs('retry.maxRetryAfterMs', retry.maxRetryAfterMs, RETRY_DEFAULTS.maxRetryAfterMs),
    },
    maxPages: checkCount('maxPages', o.maxPages, 10_000, 1),
    headers: checkHeaders('headers', o.headers),
    userAgent: o.userAgent,
    hooks,
  };
}
