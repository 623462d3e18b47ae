// createRuntime: the implementation of the Runtime contract that generated
// resource modules call. One function, `send`, performs every HTTP exchange:
// auth, timeout and abort, decoding, typed errors, retries and hooks.
//
// Hot path (a GET that succeeds, no hooks, constant token): a WeakMap lookup,
// URL concatenation, one init object with the precompiled headers (no copy),
// one AbortController and timer for the timeout, fetch, text + JSON.parse.
// Redacted copies, secret lists and error objects are built only on the paths
// that need them.
//
// The timeout aborts the request rather than just stop waiting for it: a
// timed-out request to a server that never answers would otherwise hold its
// connection, and keep the process alive, until undici's own 300 s timeouts.
// That signal is most of what the runtime costs over a bare fetch on
// loopback: undici links every signal it is given into the request (a WeakRef,
// an abort listener, a FinalizationRegistry entry), about 5% of a loopback
// GET with the controller itself. Without a timeout (`timeoutMs: 0`) the
// caller's signal, if any, is passed to fetch as it is.

import type { OperationDescriptor, RequestOptions, Runtime } from './operation.js';
import { AstraAbortError, AstraConnectionError, AstraError, AstraInvalidResponseError, AstraTimeoutError, errorClassFor, type AstraErrorClass, type Problem } from './errors.js';
import { authorizationValue, currentToken, type TokenSource } from './auth.js';
import type { Hooks } from './hooks.js';
import { createPager } from './paging.js';
import { redactBody, redactHeaders, scrub, secretStrings, type RedactedRequest } from './redact.js';
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
  op: OperationDescriptor;
  url: string;
  body: Record<string, unknown> | undefined;
  init: RequestInit & { headers: Record<string, string> };
  token: string | undefined;
  /** The attempt in flight was aborted by its timeout. */
  timedOut?: boolean;
  /** A hook threw: its error fails the call as it is. */
  hookFailed?: boolean;
}

/** The start of a body (or of a problem's detail, whatever its type), whitespace collapsed, for error messages. */
const snippetOf = (text: unknown) => {
  const s = String(text).replace(/\s+/g, ' ').trim();
  return s.length > 200 ? s.slice(0, 200) + '…' : s;
};

const redacted = ({ op, url, init, body }: Call): RedactedRequest => ({
  operationId: op.id,
  method: op.method,
  url,
  headers: redactHeaders(init.headers),
  ...(body && { body: redactBody(body, op.secretFields) }),
});

/** An error about call `k`: the message starts with what failed (`GET /accounts/…/credentials/c1`), and the error carries the redacted request. */
const callError = <T extends AstraError>(Cls: AstraErrorClass<T>, k: Call, what: string, fields?: object): T =>
  new Cls(`${k.op.method} ${new URL(k.url).pathname}${what}`, { ...fields, request: redacted(k) });

const secretsOf = (k: Call) => secretStrings(k.token, k.body, k.op.secretFields);

/** Response headers as a record, credential-bearing ones redacted. */
const headersOf = (res: Response) => redactHeaders(Object.fromEntries(res.headers));

/** Reads an error body (up to 64 KiB), keeping what arrived if the stream fails (cut-off bodies). */
async function readErrorText(res: Response): Promise<string> {
  let text = '';
  const decoder = new TextDecoder();
  try {
    // Leaving the loop early cancels the rest of the body.
    for await (const chunk of res.body ?? []) if ((text += decoder.decode(chunk, { stream: true })).length > 65536) break;
  } catch {
    // Cut off: use what we have.
  }
  return text;
}

/** The typed error for a non-2xx response, built from its problem body when it has one. */
async function apiError(res: Response, k: Call): Promise<AstraError> {
  const { status } = res;
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
  // The members are taken as the API documents them (like success bodies,
  // problems are not schema-checked); a malformed one still gives the right class.
  const { type: problemType, title, detail, correlationID: correlationId, invalidFields, invalidParams }: Problem = problem ?? {};
  const problemNumber = Number(/\/problems\/(\d+)$/.exec(problemType ?? '')?.[1]) || undefined;
  const bodySnippet = problem ? undefined : snippetOf(text);
  const headers = headersOf(res);
  for (const name in headers) headers[name] = scrub(headers[name] as string, secrets);
  const what =
    `: ${status} ${title ?? res.statusText}` +
    (detail ? ': ' + snippetOf(detail) : '') +
    (problemNumber ? ` (problem ${problemNumber}${correlationId ? ', correlationID ' + correlationId : ''})` : '') +
    (bodySnippet ? ' body: ' + bodySnippet : '');
  return callError(errorClassFor(status), k, what, {
    status,
    problemType,
    problemNumber,
    title,
    detail,
    correlationId,
    invalidFields,
    invalidParams,
    headers,
    problem,
    bodySnippet,
    retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
  });
}

/** The AstraError for whatever an attempt threw. */
function classify(e: unknown, k: Call, signal: AbortSignal | undefined): AstraError {
  if (e instanceof AstraError) return e;
  if (signal?.aborted) return callError(AstraAbortError, k, ' was aborted');
  // A connection failure. Its text can quote request data (undici quotes an
  // invalid header value), so keep only a scrubbed copy of the text, and not
  // the original error as `cause`.
  // undici's own message is "fetch failed": the cause says what happened.
  type SystemError = { message?: string; code?: string; cause?: SystemError } | undefined;
  const err = (e as SystemError)?.cause ?? (e as SystemError);
  const code = err?.code;
  return callError(AstraConnectionError, k, ` failed: ${scrub(String(err?.message), secretsOf(k))}${code ? ` (${code})` : ''}`, { code });
}

export function createRuntime(options: RuntimeOptions): Runtime {
  const { baseUrl, accountId, token, hooks } = options;
  if (!/^https?:\/\/./i.test(baseUrl)) throw new TypeError('baseUrl must be http(s)');
  if (!accountId) throw new TypeError('no accountId');
  const fetchFn = options.fetch ?? fetch;
  const tokenFn = typeof token === 'function';
  const defaultTimeout = options.timeoutMs ?? 30_000;
  const policy = retryPolicy(options.maxRetries, options.retry);
  const headers = clientHeaders(options.headers, options.userAgent);
  // A constant token is validated now and baked into every operation's headers.
  if (!tokenFn) headers['authorization'] = authorizationValue(token);
  const env = { baseUrl: baseUrl.replace(/\/+$/, ''), accountId, headers };

  /** Calls a hook, if set, with a payload built only then. */
  const hook = (name: keyof Hooks, k: Call, attempt: number, extra?: object) => {
    const fn = hooks?.[name] as ((event: object) => void) | undefined;
    if (fn) {
      try {
        fn({ request: redacted(k), attempt, ...extra });
      } catch (error) {
        k.hookFailed = true;
        throw error;
      }
    }
  };

  const cache = new WeakMap<OperationDescriptor, CompiledOp>();
  const compiled = (op: OperationDescriptor): CompiledOp => {
    let c = cache.get(op);
    if (!c) cache.set(op, (c = compileOp(op, env)));
    return c;
  };

  /** One HTTP exchange: the response, decoded, or the AstraError it amounts to. */
  async function exchange(k: Call, decode: Decode, attempt: number): Promise<unknown> {
    const t0 = hooks?.onResponse && performance.now();
    const res = await fetchFn(k.url, k.init);
    if (t0) hook('onResponse', k, attempt, { status: res.status, headers: headersOf(res), durationMs: performance.now() - t0 });
    if (!res.ok) throw await apiError(res, k);
    // Read to the end even when there is no body to return, so that the connection is reused.
    const text = await res.text();
    if (decode !== 1) return decode ? text : undefined;
    try {
      return JSON.parse(text);
    } catch {
      const contentType = res.headers.get('content-type');
      throw callError(AstraInvalidResponseError, k, `: ${res.status} body is not JSON (${contentType}${text ? '' : ', empty'})`, {
        status: res.status,
        contentType,
        bodySnippet: snippetOf(scrub(text, secretsOf(k))),
      });
    }
  }

  /** A call: `url` is given for list pages, built from `ids` otherwise; `decode` defaults to the operation's. */
  async function send(op: OperationDescriptor, ids: readonly string[], input: object | undefined, decode: Decode | undefined, opts: RequestOptions | undefined, url?: string): Promise<unknown> {
    const c = compiled(op);
    url ??= buildUrl(c, ids);
    decode ??= c.decode;
    const body = input && fillBody(op, input);
    const signal = opts?.signal;
    const timeoutMs = opts?.timeoutMs ?? defaultTimeout;
    const k: Call = { op, url, body, token: tokenFn ? undefined : token, init: { method: op.method, headers: c.headers, body: body && JSON.stringify(body), signal } };

    for (let attempt = 0; ; attempt++) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let unlink: (() => void) | undefined;
      try {
        signal?.throwIfAborted();
        // The precompiled headers, unless the token is a function (called for
        // every attempt, so that rotation works) or the call adds headers.
        if (tokenFn || opts?.headers) {
          k.token = await currentToken(token);
          k.init.headers = { ...c.headers, ...normalizeHeaders(opts?.headers), authorization: authorizationValue(k.token) };
        }
        hook('onRequest', k, attempt);
        if (timeoutMs > 0 && timeoutMs < Infinity) {
          // One signal for the timeout and the caller's signal.
          const ctrl = new AbortController();
          timer = setTimeout(() => {
            k.timedOut = true;
            ctrl.abort();
          }, timeoutMs);
          if (signal) {
            const onAbort = () => ctrl.abort();
            signal.addEventListener('abort', onAbort);
            unlink = () => signal.removeEventListener('abort', onAbort);
          }
          k.init.signal = ctrl.signal;
        }
        return await exchange(k, decode, attempt);
      } catch (e) {
        if (k.hookFailed) throw e;
        const failure = k.timedOut ? callError(AstraTimeoutError, k, ` timed out after ${timeoutMs} ms`, { timeoutMs }) : classify(e, k, signal);
        // (An abort by the caller is an AstraAbortError, which is not retryable.)
        if (op.method === 'POST' || attempt >= policy.maxRetries || !isRetryable(failure)) {
          hook('onError', k, attempt, { error: failure });
          throw failure;
        }
        const delayMs = retryDelay(attempt, failure, policy);
        hook('onRetry', k, attempt, { error: failure, delayMs });
        await sleep(delayMs, signal);
      } finally {
        clearTimeout(timer);
        unlink?.();
      }
    }
  }

  return {
    list(op, ids, query, opts) {
      return createPager(op, query, buildUrl(compiled(op), ids) + buildQuery(query), (url) => send(op, ids, undefined, 1, opts, url));
    },
    get: (op, ids, opts) => send(op, ids, undefined, undefined, opts) as Promise<any>,
    create: (op, ids, body, opts) => send(op, ids, body, undefined, opts) as Promise<any>,
    // An update or delete resolves to undefined (a body, if any, is drained).
    update: (op, ids, body, opts) => send(op, ids, body, 0, opts) as Promise<void>,
    delete: (op, ids, opts) => send(op, ids, undefined, 0, opts) as Promise<void>,
  };
}
