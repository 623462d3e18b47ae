// createRuntime: the implementation of the Runtime contract that generated
// resource modules call. One function, `send`, performs every HTTP exchange:
// auth, timeout and abort, decoding, typed errors, retries and hooks.
//
// Hot path (a GET that succeeds, no hooks, constant token): a WeakMap lookup,
// URL concatenation, one init object, one AbortController and timer for the
// timeout, fetch, text + JSON.parse. Redacted copies, secret lists and error
// objects are built only on the paths that need them.

import type { OperationDescriptor, RequestOptions, Runtime } from './operation.js';
import { AstraAbortError, AstraConnectionError, AstraError, AstraInvalidResponseError, AstraTimeoutError, errorClassFor, problemFields, type Problem } from './errors.js';
import { authorizationValue, callTokenFunction, type TokenSource } from './auth.js';
import type { Hooks } from './hooks.js';
import { createPager } from './paging.js';
import { addSecret, redactBody, redactHeaders, scrub, secretValues, type RedactedRequest } from './redact.js';
import { buildQuery, buildUrl, clientHeaders, compileOp, fillBody, normalizeHeaders, type CompiledOp, type Decode } from './request.js';
import { isRetryable, parseRetryAfter, retryDelay, retryPolicy, sleep, type RetryOptions } from './retry.js';

export interface RuntimeOptions {
  /** Where the API lives, e.g. `https://astra.netapp.io` (paths start with `/accounts/...`). */
  baseUrl: string;
  accountId: string;
  /** The API token, or a function returning it (called for every HTTP request). */
  token: TokenSource;
  /** A fetch implementation; defaults to the global one. */
  fetch?: typeof globalThis.fetch;
  /** Per-attempt timeout covering the response and its body, in ms. Default 30 000; 0 disables. */
  timeoutMs?: number;
  /** Retries of idempotent requests (GET, PUT, DELETE). Default 2. */
  maxRetries?: number;
  /** Backoff tuning. */
  retry?: RetryOptions;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Prepended to the SDK's own User-Agent. */
  userAgent?: string;
  hooks?: Hooks;
}

/** Everything known about one call, for the paths that need more than the hot path. */
interface Call {
  c: CompiledOp;
  url: string;
  body: Record<string, unknown> | undefined;
  headers: Record<string, string>;
  token: string | undefined;
}

const TIMEOUT = Symbol();
const fireTimeout = (ctrl: AbortController) => ctrl.abort(TIMEOUT);

/** The start of a body, whitespace collapsed, for error messages. */
const snippetOf = (text: string) => {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > 200 ? s.slice(0, 200) + '…' : s;
};

const where = (k: Call) => `${k.c.method} ${new URL(k.url).pathname}`;

const redacted = (k: Call): RedactedRequest => {
  const r: RedactedRequest = { operationId: k.c.op.id, method: k.c.method, url: k.url, headers: redactHeaders(k.headers) };
  return k.body ? { ...r, body: redactBody(k.body, k.c.op.secretFields) } : r;
};

/** The exact secret strings of a call: the token and every string in the secret body members. */
const secretsOf = (k: Call): string[] => {
  const s: string[] = [];
  if (k.token) addSecret(s, k.token);
  return k.body ? secretValues(k.body, k.c.op.secretFields, s) : s;
};

/** Wraps an exception thrown by a hook so it propagates unchanged. */
class HookFailure {
  constructor(readonly error: unknown) {}
}

/** Reads an error body (up to 64 KiB), keeping what arrived if the stream fails (cut-off bodies). */
async function readErrorText(res: Response): Promise<string> {
  let text = '';
  const reader = res.body?.getReader();
  if (reader) {
    const decoder = new TextDecoder();
    try {
      for (let r; !(r = await reader.read()).done && text.length < 65536; ) text += decoder.decode(r.value, { stream: true });
      reader.cancel().catch(() => {});
    } catch {
      // Truncated: use what we have.
    }
  }
  return text;
}

export function createRuntime(options: RuntimeOptions): Runtime {
  const { baseUrl, accountId, token, hooks } = options;
  if (!/^https?:\/\/./i.test(baseUrl)) throw new TypeError('baseUrl must be http(s)');
  if (!accountId) throw new TypeError('no accountId');
  const fetchFn = options.fetch ?? fetch;
  const tokenFn = typeof token === 'function' ? token : undefined;
  const staticAuthorization = tokenFn ? undefined : authorizationValue(token);
  const defaultTimeout = options.timeoutMs ?? 30_000;
  const policy = retryPolicy(options.maxRetries, options.retry);
  const env = { baseUrl: baseUrl.replace(/\/+$/, ''), accountId, headers: clientHeaders(options.headers, options.userAgent), staticAuthorization };

  /** Calls a hook, if set, with a payload built only then. */
  const hook = (name: keyof Hooks, k: Call, attempt: number, extra?: object) => {
    const fn = hooks?.[name] as ((event: object) => void) | undefined;
    if (fn) {
      try {
        fn({ request: redacted(k), attempt, ...extra });
      } catch (error) {
        throw new HookFailure(error);
      }
    }
  };

  const cache = new WeakMap<OperationDescriptor, CompiledOp>();
  const compiled = (op: OperationDescriptor): CompiledOp => {
    let c = cache.get(op);
    if (!c) cache.set(op, (c = compileOp(op, env)));
    return c;
  };

  async function send(c: CompiledOp, url: string, body: Record<string, unknown> | undefined, decode: Decode, opts: RequestOptions | undefined): Promise<unknown> {
    const signal = opts?.signal;
    const timeoutMs = opts?.timeoutMs ?? defaultTimeout;
    const payload = body && JSON.stringify(body);
    const k: Call = { c, url, body, headers: c.headers, token: tokenFn ? undefined : (token as string) };

    for (let attempt = 0; ; attempt++) {
      let failure: AstraError;
      let ctrl: AbortController | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let unlink: (() => void) | undefined;
      try {
        signal?.throwIfAborted();
        // Headers: the precompiled object when nothing varies per call.
        if (c.headersWithAuth && !opts?.headers) k.headers = c.headersWithAuth;
        else {
          if (tokenFn) k.token = await callTokenFunction(tokenFn);
          k.headers = { ...c.headers, ...normalizeHeaders(opts?.headers), authorization: authorizationValue(k.token) };
        }
        hook('onRequest', k, attempt);

        // One signal for the timeout and the caller's signal.
        let fetchSignal = signal;
        if (timeoutMs > 0 && timeoutMs < Infinity) {
          const ctl = (ctrl = new AbortController());
          timer = setTimeout(fireTimeout, timeoutMs, ctl);
          if (signal) {
            const onAbort = () => ctl.abort();
            signal.addEventListener('abort', onAbort);
            unlink = () => signal.removeEventListener('abort', onAbort);
          }
          fetchSignal = ctl.signal;
        }

        const t0 = hooks?.onResponse && performance.now();
        const res = await fetchFn(url, { method: c.method, headers: k.headers, body: payload, signal: fetchSignal });
        if (t0) hook('onResponse', k, attempt, { status: res.status, headers: redactHeaders(Object.fromEntries(res.headers)), durationMs: performance.now() - t0 });
        if (res.ok) {
          if (decode !== 1) return decode === 2 ? await res.text() : decode === 3 ? await res.arrayBuffer() : void (await res.arrayBuffer());
          const text = await res.text();
          try {
            return JSON.parse(text);
          } catch {
            const contentType = res.headers.get('content-type');
            throw new AstraInvalidResponseError(`${where(k)}: ${res.status} body is not JSON (${contentType}${text ? '' : ', empty'})`, {
              status: res.status,
              contentType,
              bodySnippet: snippetOf(scrub(text, secretsOf(k))),
              request: redacted(k),
            });
          }
        }
        failure = await apiError(res, k);
      } catch (e) {
        if (e instanceof HookFailure) throw e.error;
        failure = classify(e, k, ctrl, signal, timeoutMs);
      } finally {
        clearTimeout(timer);
        unlink?.();
      }
      if (c.method === 'POST' || attempt >= policy.maxRetries || !isRetryable(failure) || signal?.aborted) {
        hook('onError', k, attempt, { error: failure });
        throw failure;
      }
      const delayMs = retryDelay(attempt, failure, policy);
      hook('onRetry', k, attempt, { error: failure, delayMs });
      await sleep(delayMs, signal, () => new AstraAbortError(`${where(k)} was aborted`, { request: redacted(k) }));
    }
  }

  const call = (op: OperationDescriptor, ids: readonly string[], body: object | undefined, decode: Decode | undefined, opts?: RequestOptions) => {
    try {
      const c = compiled(op);
      return send(c, buildUrl(c, ids), body && fillBody(op, body), decode ?? c.decode, opts);
    } catch (e) {
      return Promise.reject(e);
    }
  };

  return {
    list(op, ids, query, opts) {
      const c = compiled(op);
      const url = buildUrl(c, ids) + buildQuery(query);
      return createPager((u) => send(c, u, undefined, 1, opts), url, query?.continue, query?.include as string[] | undefined, op.pagination !== 'none', op.id);
    },
    get: (op, ids, opts) => call(op, ids, undefined, undefined, opts) as Promise<any>,
    create: (op, ids, body, opts) => call(op, ids, body, undefined, opts) as Promise<any>,
    update: (op, ids, body, opts) => call(op, ids, body, 0, opts) as Promise<void>,
    delete: (op, ids, opts) => call(op, ids, undefined, 0, opts) as Promise<void>,
  };
}

async function apiError(res: Response, k: Call) {
  const { status, headers } = res;
  const secrets = secretsOf(k);
  // Scrubbed before parsing, so the problem object holds no secret either.
  const text = scrub(await readErrorText(res), secrets);
  let problem: Problem | undefined;
  try {
    problem = JSON.parse(text);
  } catch {
    // Not JSON (an HTML page from a proxy) or cut off: keep a snippet.
  }
  if (!problem || typeof problem !== 'object' || Array.isArray(problem)) problem = undefined;
  const bodySnippet = problem ? undefined : snippetOf(text);
  const h = redactHeaders(Object.fromEntries(headers));
  for (const name in h) h[name] = scrub(h[name] as string, secrets);
  const f = problemFields(problem);
  const message =
    `${status} ${f.title ?? res.statusText}` +
    (f.detail ? ': ' + snippetOf(f.detail) : '') +
    (f.problemNumber ? ` (problem ${f.problemNumber}${f.correlationId ? ', correlationID ' + f.correlationId : ''})` : '') +
    (bodySnippet ? ` body: ${bodySnippet}` : '') +
    ` [${where(k)}]`;
  const Cls = errorClassFor(status);
  return new Cls(message, { status, headers: h, problem, ...f, bodySnippet, retryAfterMs: parseRetryAfter(headers.get('retry-after')), request: redacted(k) });
}

function classify(e: unknown, k: Call, ctrl: AbortController | undefined, signal: AbortSignal | undefined, timeoutMs: number): AstraError {
  if (e instanceof AstraError) return e;
  const request = redacted(k);
  if (ctrl?.signal.reason === TIMEOUT) return new AstraTimeoutError(`${where(k)} timed out after ${timeoutMs} ms`, { timeoutMs, request });
  if (signal?.aborted) return new AstraAbortError(`${where(k)} was aborted`, { request });
  // A connection failure. Its text can quote request data (undici quotes an
  // invalid header value), so keep only a scrubbed copy, never the original.
  const err = e as { message?: string; code?: string; cause?: { message?: string; code?: string } };
  const code = err?.cause?.code ?? err?.code;
  const message = scrub(`${err?.message}${err?.cause?.message ? ': ' + err.cause.message : ''}`, secretsOf(k));
  return new AstraConnectionError(`${where(k)} failed: ${message}${code ? ` (${code})` : ''}`, { code, cause: Object.assign(new Error(message), { code }), request });
}
