// createRuntime: the implementation of the Runtime contract that generated
// resource modules call. One function, `send`, performs every HTTP exchange:
// auth, timeout and abort, decoding, typed errors, retries and hooks.
//
// Hot path (a GET that succeeds, no hooks, constant token): a WeakMap lookup,
// URL concatenation, one init object, one AbortController and timer for the
// timeout, fetch, text + JSON.parse. Redacted copies, secret lists and error
// objects are built only on the paths that need them.

import type { CollectionQuery, OperationDescriptor, Pager, RequestOptions, Runtime, Selected } from './operation.js';
import {
  AstraAbortError,
  AstraApiError,
  AstraConnectionError,
  AstraError,
  AstraInvalidResponseError,
  AstraTimeoutError,
  errorClassFor,
  type Problem,
} from './errors.js';
import { authorizationValue, callTokenFunction, type TokenSource } from './auth.js';
import type { Hooks } from './hooks.js';
import { ListPager } from './paging.js';
import { redactBody, redactHeaders, scrub, scrubDeep, secretValues, type RedactedRequest } from './redact.js';
import { buildQuery, buildUrl, compileOp, fillBody, normalizeHeaders, SDK_USER_AGENT, type CompiledOp, type CompileEnv, type Decode } from './request.js';
import { isRetryable, parseRetryAfter, retryDelay, retryPolicy, sleep, type RetryOptions } from './retry.js';

export interface RuntimeOptions {
  /** Where the API lives, e.g. `https://astra.netapp.io` (paths start with `/accounts/...`). */
  baseUrl: string;
  accountId: string;
  /** The API token, or a function returning it (called for every HTTP request). */
  token: TokenSource;
  /** A fetch implementation; defaults to the global one. */
  fetch?: typeof globalThis.fetch;
  /** Per-attempt timeout covering the response and its body. Default 30 000; 0 or Infinity disables. */
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

const TIMEOUT = Symbol('astra.timeout');
function fireTimeout(ctrl: AbortController): void {
  ctrl.abort(TIMEOUT);
}

const SNIPPET = 200;
const MAX_ERROR_BODY = 64 * 1024;

/** The start of a body, whitespace collapsed, for error messages. */
function snippetOf(text: string): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > SNIPPET ? s.slice(0, SNIPPET) + '…' : s;
}

/** Reads an error body, keeping what arrived if the stream fails (cut-off bodies). */
async function readErrorText(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (text.length > MAX_ERROR_BODY) {
        void reader.cancel().catch(() => {});
        break;
      }
    }
  } catch {
    // Truncated: use what we have.
  }
  return text + decoder.decode();
}

/** Wraps an exception thrown by a hook so it propagates unchanged. */
class HookFailure {
  constructor(readonly error: unknown) {}
}
function runHook<E>(fn: (event: E) => void, event: E): void {
  try {
    fn(event);
  } catch (error) {
    throw new HookFailure(error);
  }
}

function redactedRequest(c: CompiledOp, url: string, headers: Record<string, string>, body: object | undefined): RedactedRequest {
  const r: { -readonly [K in keyof RedactedRequest]: RedactedRequest[K] } = {
    operationId: c.op.id,
    method: c.method,
    url,
    headers: redactHeaders(headers),
  };
  if (body !== undefined) r.body = redactBody(body, c.op.secretFields);
  return r;
}

/** The exact secret strings of a call: the token and every string in the secret body members. */
function secretsOf(c: CompiledOp, token: string | undefined, body: object | undefined): string[] {
  const s: string[] = token === undefined ? [] : [token];
  return body === undefined ? s : secretValues(body, c.op.secretFields, s);
}

function abortError(c: CompiledOp, url: string, headers: Record<string, string>, body: object | undefined): AstraAbortError {
  return new AstraAbortError(`${c.method} ${pathOf(url)} was aborted`, { request: redactedRequest(c, url, headers, body) });
}

function pathOf(url: string): string {
  const i = url.indexOf('/', url.indexOf('//') + 2);
  return i < 0 ? url : url.slice(i);
}

export function createRuntime(options: RuntimeOptions): Runtime {
  const { accountId, token, hooks } = options;
  if (typeof options.baseUrl !== 'string' || !/^https?:\/\/[^/]/i.test(options.baseUrl)) {
    throw new TypeError('baseUrl must be an http(s) URL, e.g. https://astra.netapp.io');
  }
  if (typeof accountId !== 'string' || accountId === '') throw new TypeError('accountId is required');
  const fetchFn = options.fetch ?? globalThis.fetch;
  if (typeof fetchFn !== 'function') throw new TypeError('no fetch implementation: pass options.fetch');
  const tokenFn = typeof token === 'function' ? token : undefined;
  const staticAuthorization = tokenFn ? undefined : authorizationValue(token as string);
  const defaultTimeout = options.timeoutMs ?? 30_000;
  const policy = retryPolicy(options.maxRetries, options.retry);

  const clientHeaders = normalizeHeaders(options.headers);
  clientHeaders['user-agent'] = options.userAgent ? `${options.userAgent} ${SDK_USER_AGENT}` : SDK_USER_AGENT;
  delete clientHeaders['authorization'];
  const env: CompileEnv = { baseUrl: options.baseUrl.replace(/\/+$/, ''), accountId, headers: clientHeaders, staticAuthorization };

  const cache = new WeakMap<OperationDescriptor, CompiledOp>();
  function compiled(op: OperationDescriptor): CompiledOp {
    let c = cache.get(op);
    if (c === undefined) {
      c = compileOp(op, env);
      cache.set(op, c);
    }
    return c;
  }

  async function send(
    c: CompiledOp,
    url: string,
    body: Record<string, unknown> | undefined,
    decode: Decode,
    opts: RequestOptions | undefined,
  ): Promise<unknown> {
    const signal = opts?.signal;
    const timeoutMs = opts?.timeoutMs ?? defaultTimeout;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    let token = tokenFn ? undefined : (options.token as string);
    let headers: Record<string, string> = c.headers;

    for (let attempt = 0; ; attempt++) {
      let failure: AstraError;
      let ctrl: AbortController | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let unlink: (() => void) | undefined;
      try {
        if (signal?.aborted) throw abortError(c, url, headers, body);
        // Headers: the precompiled object when nothing varies per call.
        const pre = c.headersWithAuth;
        if (pre !== undefined && opts?.headers === undefined) headers = pre;
        else {
          if (tokenFn) token = await callTokenFunction(tokenFn);
          headers = opts?.headers ? { ...c.headers, ...normalizeHeaders(opts.headers) } : { ...c.headers };
          headers['authorization'] = authorizationValue(token as string);
        }
        if (hooks?.onRequest) runHook(hooks.onRequest, { request: redactedRequest(c, url, headers, body), attempt });

        // One signal for the timeout and the caller's signal.
        let fetchSignal = signal;
        if (timeoutMs > 0 && timeoutMs !== Infinity) {
          const ctl = (ctrl = new AbortController());
          timer = setTimeout(fireTimeout, timeoutMs, ctl);
          if (signal) {
            const onAbort = () => ctl.abort(signal.reason);
            signal.addEventListener('abort', onAbort, { once: true });
            unlink = () => signal.removeEventListener('abort', onAbort);
          }
          fetchSignal = ctl.signal;
        }

        const t0 = hooks?.onResponse ? performance.now() : 0;
        const res = await fetchFn(url, { method: c.method, headers, body: payload, signal: fetchSignal });
        if (hooks?.onResponse) {
          runHook(hooks.onResponse, {
            request: redactedRequest(c, url, headers, body),
            attempt,
            status: res.status,
            headers: redactHeaders(Object.fromEntries(res.headers)),
            durationMs: performance.now() - t0,
          });
        }
        if (res.ok) return await decodeBody(res, decode, c, url, headers, body, token);
        failure = await apiError(res, c, url, redactedRequest(c, url, headers, body), secretsOf(c, token, body));
      } catch (e) {
        if (e instanceof HookFailure) throw e.error;
        failure = classify(e, ctrl, signal, timeoutMs, c, url, headers, body, token);
      } finally {
        if (timer !== undefined) clearTimeout(timer);
        if (unlink !== undefined) unlink();
      }
      if (!c.idempotent || attempt >= policy.maxRetries || !isRetryable(failure) || signal?.aborted) {
        if (hooks?.onError) runHook(hooks.onError, { request: redactedRequest(c, url, headers, body), attempt, error: failure });
        throw failure;
      }
      const delayMs = retryDelay(attempt, failure, policy);
      if (hooks?.onRetry) hooks.onRetry({ request: redactedRequest(c, url, headers, body), attempt, error: failure, delayMs });
      const h = headers;
      await sleep(delayMs, signal, () => abortError(c, url, h, body));
    }
  }

  return {
    list<T, K extends keyof T = never>(
      op: OperationDescriptor,
      ids: readonly string[],
      query?: CollectionQuery<T, K>,
      opts?: RequestOptions,
    ): Pager<Selected<T, K>> {
      const c = compiled(op);
      const url = buildUrl(c, ids) + buildQuery(c, query);
      const fetchPage = (u: string) => send(c, u, undefined, 1, opts);
      return new ListPager<Selected<T, K>>(fetchPage, url, query?.continue, query?.include as readonly string[] | undefined, op.pagination !== 'none', op.id);
    },
    get<T>(op: OperationDescriptor, ids: readonly string[], opts?: RequestOptions): Promise<T> {
      try {
        const c = compiled(op);
        return send(c, buildUrl(c, ids), undefined, c.decode, opts) as Promise<T>;
      } catch (e) {
        return Promise.reject(e);
      }
    },
    create<T>(op: OperationDescriptor, ids: readonly string[], body: object, opts?: RequestOptions): Promise<T> {
      try {
        const c = compiled(op);
        return send(c, buildUrl(c, ids), fillBody(op, body), c.decode, opts) as Promise<T>;
      } catch (e) {
        return Promise.reject(e);
      }
    },
    async update(op: OperationDescriptor, ids: readonly string[], body: object, opts?: RequestOptions): Promise<void> {
      const c = compiled(op);
      await send(c, buildUrl(c, ids), fillBody(op, body), 0, opts);
    },
    async delete(op: OperationDescriptor, ids: readonly string[], opts?: RequestOptions): Promise<void> {
      const c = compiled(op);
      await send(c, buildUrl(c, ids), undefined, 0, opts);
    },
  };
}

async function decodeBody(
  res: Response,
  decode: Decode,
  c: CompiledOp,
  url: string,
  headers: Record<string, string>,
  body: object | undefined,
  token: string | undefined,
): Promise<unknown> {
  if (decode === 0) {
    // Drain whatever came so the connection can be reused.
    if (res.body) await res.arrayBuffer();
    return undefined;
  }
  if (decode === 3) return new Uint8Array(await res.arrayBuffer());
  const text = await res.text();
  if (decode === 2) return text;
  try {
    return JSON.parse(text);
  } catch {
    const contentType = res.headers.get('content-type');
    const what = text === '' ? 'an empty body' : `a body that is not valid JSON (${contentType ?? 'no content type'})`;
    throw new AstraInvalidResponseError(`${c.method} ${pathOf(url)} answered ${res.status} with ${what}`, {
      status: res.status,
      contentType,
      bodySnippet: snippetOf(scrub(text, secretsOf(c, token, body))),
      request: redactedRequest(c, url, headers, body),
    });
  }
}

async function apiError(res: Response, c: CompiledOp, url: string, request: RedactedRequest, secrets: string[]): Promise<AstraApiError> {
  const status = res.status;
  const text = scrub(await readErrorText(res), secrets);
  let problem: Problem | undefined;
  try {
    const j: unknown = JSON.parse(text);
    if (j !== null && typeof j === 'object' && !Array.isArray(j)) problem = scrubDeep(j as Problem, secrets);
  } catch {
    // Not JSON (an HTML page from a proxy) or cut off: keep a snippet.
  }
  const headers = redactHeaders(Object.fromEntries(res.headers));
  for (const k in headers) headers[k] = scrub(headers[k] as string, secrets);
  const title = typeof problem?.title === 'string' ? problem.title : res.statusText || 'HTTP error';
  let message = `${status} ${title}`;
  if (typeof problem?.detail === 'string' && problem.detail !== '') message += `: ${snippetOf(problem.detail)}`;
  const number = typeof problem?.type === 'string' ? /\/problems\/(\d+)$/.exec(problem.type)?.[1] : undefined;
  const extra: string[] = [];
  if (number) extra.push(`problem ${number}`);
  if (typeof problem?.correlationID === 'string') extra.push(`correlation ID ${problem.correlationID}`);
  if (extra.length) message += ` (${extra.join(', ')})`;
  const bodySnippet = problem ? undefined : snippetOf(text);
  if (bodySnippet) message += ` — body: ${bodySnippet.length > 80 ? bodySnippet.slice(0, 80) + '…' : bodySnippet}`;
  message += ` [${c.method} ${pathOf(url)}]`;
  const Cls = errorClassFor(status);
  return new Cls(message, {
    status,
    headers,
    problem,
    bodySnippet,
    retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
    request,
  });
}

function classify(
  e: unknown,
  ctrl: AbortController | undefined,
  signal: AbortSignal | undefined,
  timeoutMs: number,
  c: CompiledOp,
  url: string,
  headers: Record<string, string>,
  body: object | undefined,
  token: string | undefined,
): AstraError {
  const request = () => redactedRequest(c, url, headers, body);
  if (e instanceof AstraError) return e;
  const where = `${c.method} ${pathOf(url)}`;
  if (ctrl?.signal.reason === TIMEOUT) {
    return new AstraTimeoutError(`${where} timed out after ${timeoutMs} ms`, { timeoutMs, request: request() });
  }
  if (signal?.aborted) return new AstraAbortError(`${where} was aborted`, { request: request() });
  // A connection failure. Its text can quote request data (undici quotes an
  // invalid header value), so keep only a scrubbed copy of it.
  const s = secretsOf(c, token, body);
  const err = e as { message?: unknown; code?: unknown; cause?: { message?: unknown; code?: unknown } };
  const inner = err?.cause;
  const code = typeof inner?.code === 'string' ? inner.code : typeof err?.code === 'string' ? err.code : undefined;
  const detail = scrub(String(inner?.message ?? err?.message ?? e), s);
  const cause = new Error(scrub(String(err?.message ?? e), s) + (inner?.message ? `: ${detail}` : ''));
  if (code) (cause as { code?: string }).code = code;
  return new AstraConnectionError(`${where} failed: ${detail}${code && !detail.includes(code) ? ` (${code})` : ''}`, {
    code,
    cause,
    request: request(),
  });
}
