// createRuntime: the implementation of the Runtime contract that generated
// resource modules call, and the transport of `astra.raw`. `send` is a call:
// its arguments checked, then attempts under the retry policy (retry.ts);
// `attempt` is one HTTP exchange: token, hooks, per-attempt timeout, manual
// redirects, typed errors (errors.ts), decoding.
//
// Hot path (a GET that succeeds, no hooks, constant token): a WeakMap lookup,
// URL concatenation, one init object with the precompiled headers (no copy),
// the attempt's deadline as fetch's dispatcher (deadline.ts), fetch, text +
// JSON.parse. Redacted copies, secret lists and error objects
// are built only on the paths that need them.
//
// The timeout aborts the request rather than just stop waiting for it: a
// timed-out request to a server that never answers would otherwise hold its
// connection, and keep the process alive, until undici's own 300 s timeouts.
// Each attempt arms its own deadline and clears it when it ends, so a
// back-off sleep is never counted as a timeout. The caller's signal, when
// there is one, goes to fetch as it is (to a fetch other than Node's, linked
// with the deadline's), and it is checked first when an attempt fails, so an
// abort always wins, whatever the call was doing.

import type {
  CollectionQuery,
  ConditionalRequestOptions,
  OperationDescriptor,
  RequestOptions,
  Runtime,
  WithResponse,
} from '../operation.js';
import {
  AstraError,
  AstraInvalidResponseError,
  callError,
  cut,
  errorFor,
  failureOf,
  type AstraErrorClass,
  type CallContext,
} from '../errors.js';
import { authorizationValue, currentToken } from '../auth.js';
import type { Hooks } from '../hooks.js';
import { createPager } from '../paging.js';
import { parseRetryAfter, withRetries, type RetryPolicy } from '../retry.js';
import { apiPromise } from '../api-promise.js';
import { waitFor } from '../wait.js';
import { ABORTED, abortable } from './abort.js';
import { Deadline } from './deadline.js';
import {
  Dispatched,
  ERROR_TEXT_LIMIT,
  FetchReceived,
  globalDispatcher,
  isNodeFetch,
  loadGlobalDispatcher,
  type Received,
} from './transport.js';
import {
  checkConfig,
  checkHeaders,
  checkMs,
  configError,
  isHeaderSafe,
  type ClientOptions,
  type Config,
} from './config.js';
import { redactBody, redactHeaders, scrubber, scrubValue, secretValues } from './redact.js';
import { isRedirect, redirectTarget } from './redirect.js';
import { encodeBody } from './body.js';
import { buildQuery, buildUrl, clientHeaders, compileOp, fillBody, type CompiledOp, type Decode } from './request.js';

/** Everything known about one call. */
interface Call {
  op: OperationDescriptor;
  /** The URL first requested (redirects are followed from it). */
  url: string;
  /** The body as the caller gave it (type and version filled), before encoding: what redacted copies show. */
  body: unknown;
  /** fetch's init; `dispatcher` is Node fetch's own option (deadline.ts). */
  init: RequestInit & { dispatcher?: Deadline };
  /** The headers the attempt in flight sends, as a record (what redacted copies show). */
  sent: Record<string, string>;
  decode: Decode;
  /** The token sent by the attempt in flight. */
  token: string | undefined;
  /** The caller's signal. */
  signal: AbortSignal | undefined;
  timeoutMs: number;
  /** The operation's precompiled headers. */
  headers: Readonly<Record<string, string>>;
  /** Headers the call adds (lower-cased), when any. */
  extraHeaders: Record<string, string> | undefined;
  /** The attempt in flight, from 0. */
  attempt: number;
  /** A list page's: shown a success body's text before it is parsed (paging.ts reads the next continue token early). */
  peek?: ((text: string) => void) | undefined;
  /** Sent to undici's dispatcher by the runtime itself (transport.ts), rather than through fetch. */
  direct: boolean;
}

/** A hook threw: its error ends the call as it is, unretried. */
class HookFailure {
  constructor(readonly error: unknown) {}
}

/** The transport of `astra.raw`: a Request in, the final Response out, through the same attempts. */
export type RawTransport = (request: Request) => Promise<Response>;

export interface InternalRuntime extends Runtime {
  readonly config: Config;
  readonly raw: RawTransport;
}

export function createRuntime(options: ClientOptions): InternalRuntime {
  const config = checkConfig(options);
  const { token, hooks, fetch: fetchFn } = config;
  const tokenFn = typeof token === 'function';
  const nodeFetch = isNodeFetch(fetchFn);
  const headers = clientHeaders(config.headers, config.userAgent);
  // A constant token is baked into every operation's headers.
  if (!tokenFn) headers['authorization'] = authorizationValue(token);
  const env = { baseUrl: config.baseUrl, accountId: config.accountId, headers, nodeFetch };
  // Requests the runtime sends to undici's dispatcher itself (transport.ts): with Node's own fetch,
  // and unless the client asks for compressed answers (fetch decompresses; the dispatcher does not).
  const direct = nodeFetch && !('accept-encoding' in headers);
  if (direct) loadGlobalDispatcher(fetchFn);
  const origin = new URL(config.baseUrl).origin;
  const policy = (idempotent: boolean): RetryPolicy => ({
    ...config.retry,
    maxRetries: config.maxRetries,
    idempotent,
    refreshOn401: tokenFn,
  });
  // RFC 9110 §9.2.2: these are idempotent; POST, PATCH (and a method the
  // runtime does not know, through astra.raw) are not, so they are never retried.
  const retried = policy(true);
  const once = policy(false);
  const policyOf = (method: string) => (/^(GET|HEAD|OPTIONS|PUT|DELETE)$/.test(method) ? retried : once);

  /** What an error or hook may know about call `k`: secrets scrubbed by value, the request redacted. */
  const contextOf = (k: Call): CallContext => {
    const scrub = scrubber(secretValues(k.token, k.body, k.op.secretFields));
    return {
      label: `${k.op.method} ${scrub(new URL(k.url).pathname)}`,
      scrub,
      request: {
        operationId: k.op.id,
        method: k.op.method,
        url: scrub(k.url),
        headers: scrubHeaders(redactHeaders(k.sent), scrub),
        ...(k.body !== undefined && { body: scrubValue(redactBody(k.body, k.op.secretFields), scrub) }),
      },
    };
  };
  const scrubHeaders = (h: Record<string, string>, scrub: (s: string) => string) => {
    for (const name in h) h[name] = scrub(h[name] as string);
    return h;
  };

  /** Calls a hook, if set, with a payload built only then. */
  const hook = (name: keyof Hooks, k: Call, attempt: number, extra?: object, ctx?: CallContext) => {
    const fn = hooks?.[name] as ((event: object) => void) | undefined;
    if (fn) {
      try {
        fn({ request: (ctx ?? contextOf(k)).request, attempt, ...extra });
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

  /** The call's own arguments, checked: anything unusable is an AstraConfigError, never sent. */
  function prepare(
    op: OperationDescriptor,
    ids: readonly string[],
    input: unknown,
    decode: Decode | undefined,
    opts: ConditionalRequestOptions | undefined,
    url: (() => string) | undefined,
  ): Call {
    const c = compiled(op);
    const body = input === undefined ? undefined : fillBody(op, input);
    let extraHeaders: Record<string, string> | undefined;
    if (opts?.headers || opts?.ifMatch !== undefined) {
      extraHeaders = checkHeaders('options.headers', opts.headers);
      if (opts.ifMatch !== undefined) {
        if (!isHeaderSafe(opts.ifMatch))
          throw configError('options.ifMatch', 'expected an ETag of visible ASCII characters');
        extraHeaders['if-match'] = opts.ifMatch;
      }
    }
    const signal = opts?.signal;
    const encoded = body === undefined ? undefined : encodeBody(op.requestMediaType, body);
    return {
      op,
      url: url ? url() : buildUrl(c, ids),
      body,
      decode: decode ?? c.decode,
      token: tokenFn ? undefined : (token as string),
      signal,
      timeoutMs: opts?.timeoutMs === undefined ? config.timeoutMs : checkMs('options.timeoutMs', opts.timeoutMs, 0),
      headers: c.headers,
      sent: c.headers,
      extraHeaders,
      attempt: 0,
      init: {
        method: op.method,
        headers: c.fetchHeaders,
        body: encoded,
        signal,
        redirect: 'manual',
        // Declared here, so that setting it per attempt keeps the object's shape.
        dispatcher: undefined,
      },
      // A form or binary body is fetch's to encode; so is an answer the caller asked to have compressed.
      direct: direct && (encoded === undefined || typeof encoded === 'string') && !extraHeaders?.['accept-encoding'],
    };
  }

  /** One HTTP exchange: the decoded result and its response, or the AstraError it amounts to. */
  async function attempt(k: Call, n: number): Promise<WithResponse<unknown>> {
    const { signal } = k;
    let deadline: Deadline | undefined;
    k.attempt = n;
    try {
      if (signal?.aborted) throw ABORTED;
      // The precompiled headers, unless the token is a function (called for
      // every attempt, so that rotation works) or the call adds headers.
      if (tokenFn || k.extraHeaders) {
        if (tokenFn) k.token = await abortable(currentToken(token), signal);
        k.init.headers = k.sent = { ...k.headers, ...k.extraHeaders, authorization: authorizationValue(k.token) };
      }
      if (hooks) hook('onRequest', k, n);
      if (k.timeoutMs > 0) {
        deadline = new Deadline(k.timeoutMs);
        // With Node's undici the deadline is the request's dispatcher (for the runtime's own handler or
        // Node's fetch), which the caller's signal ends too (deadline.ts).
        if (nodeFetch) {
          k.init.dispatcher = deadline;
          k.init.signal = undefined;
          deadline.endOnAbort(signal);
        } else k.init.signal = deadline.signal(signal);
      }
      const t0 = hooks?.onResponse && performance.now();
      let res = await exchange(k, k.url, deadline);
      if (isRedirect(res.status)) res = await followRedirects(res, k, deadline);
      if (t0) {
        const ctx = contextOf(k);
        hook(
          'onResponse',
          k,
          n,
          {
            status: res.status,
            headers: scrubHeaders(redactHeaders(Object.fromEntries(res.headers)), ctx.scrub),
            durationMs: performance.now() - t0,
          },
          ctx,
        );
      }
      if (k.decode === 'response') return rawResult(res.response, k);
      if (!res.ok)
        throw errorFor(
          res.status,
          res.statusText,
          await res.errorText(),
          redactHeaders(Object.fromEntries(res.headers)),
          contextOf(k),
          parseRetryAfter(res.headers.get('retry-after')),
        );
      // Read to the end even when there is no body to return, so that the connection is reused.
      const text = await res.text();
      k.peek?.(text);
      return new Result(decodeBody(text, res, k), res);
    } catch (e) {
      if (e instanceof HookFailure) throw e;
      throw failureOf(e, contextOf(k), {
        aborted: e === ABORTED || !!signal?.aborted,
        timedOutAfter: deadline?.expired ? k.timeoutMs : undefined,
      });
    } finally {
      deadline?.clear();
    }
  }

  /**
   * Sends the attempt's request to `url`: to undici's dispatcher, under the
   * deadline (which relays the caller's signal) or else the caller's signal,
   * when the call can go that way (transport.ts); else through fetch, which
   * Node's own ends at the deadline by its dispatcher, and any other may
   * ignore its signal.
   */
  function exchange(k: Call, url: string, deadline: Deadline | undefined): Promise<Received> {
    const dispatcher = k.direct && globalDispatcher();
    if (dispatcher)
      return Dispatched.send(
        deadline ?? dispatcher,
        { origin, path: pathOf(url), method: k.op.method, headers: k.sent, body: k.init.body as string | undefined },
        deadline ? undefined : k.signal,
      );
    const fetching = fetchFn(url, k.init);
    return (deadline && !nodeFetch ? deadline.race(fetching) : fetching).then(received);
  }

  /** Follows redirect `res` within the rules of redirect.ts: the final response, or the AstraRedirectError that refuses a hop. */
  async function followRedirects(res: Received, k: Call, deadline: Deadline | undefined): Promise<Received> {
    for (const visited = [k.url]; isRedirect(res.status);) {
      const next = redirectTarget(res, k.op.method, visited, () => contextOf(k));
      visited.push(next);
      res = await exchange(k, next, deadline);
    }
    return res;
  }

  /** Statuses a raw call retries (so it needs them as errors): the transient ones, and 401 when the token can be refreshed. */
  const retriedStatus = (status: number) =>
    status === 429 || status === 502 || status === 503 || status === 504 || (status === 401 && tokenFn);
  /** The responses of raw calls' retried failures, to hand the last one back. */
  const rawResponses = new WeakMap<AstraError, Response>();

  /**
   * A raw call's response, read within the attempt (so that the timeout and
   * the caller's signal cover the body) and handed back as a fresh Response;
   * a status the raw call retries becomes its typed error.
   */
  async function rawResult(res: Response, k: Call): Promise<WithResponse<unknown>> {
    const bytes = new Uint8Array(await res.arrayBuffer());
    const { status, statusText } = res;
    const copy = new Response(bytes.length && status !== 204 && status !== 205 && status !== 304 ? bytes : null, {
      status,
      statusText,
      headers: res.headers,
    });
    if (!res.ok && retriedStatus(status)) {
      const error = errorFor(
        status,
        statusText,
        new TextDecoder().decode(bytes.subarray(0, ERROR_TEXT_LIMIT)),
        redactHeaders(Object.fromEntries(res.headers)),
        contextOf(k),
        parseRetryAfter(res.headers.get('retry-after')),
      );
      rawResponses.set(error, copy);
      throw error;
    }
    return { data: copy, response: copy };
  }

  function decodeBody(text: string, res: Received, k: Call): unknown {
    if (k.decode === 'none') return undefined;
    if (k.decode === 'text') return text;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = invalidBody;
    }
    const shapeOk =
      data !== invalidBody &&
      (k.decode === 'json' || (typeof data === 'object' && data !== null && !Array.isArray(data)));
    if (shapeOk) return data;
    const ctx = contextOf(k);
    const contentType = res.headers.get('content-type');
    const what =
      data === invalidBody
        ? `body is not JSON (${contentType}${text ? '' : ', empty'})`
        : `body is ${data === null ? 'null' : Array.isArray(data) ? 'an array' : typeof data}, not a resource object`;
    throw callError(AstraInvalidResponseError, ctx, `: ${res.status} ${what} (${k.op.id})`, {
      status: res.status,
      contentType,
      bodySnippet: cut(ctx.scrub(text)),
    });
  }

  /**
   * A call, start to end: `prepare` checks its arguments; every failure, those
   * included, reaches onError once; with `deferReport`, when `report` is
   * called with it (a page's failure when the consumer reaches it, a read's
   * when it ends a wait).
   */
  function run(prepare: () => Call, deferReport = false): Promise<WithResponse<unknown>> {
    let k: Call;
    try {
      k = prepare();
    } catch (e) {
      return Promise.reject(finalFailure(e, undefined, deferReport));
    }
    const call = k;
    const onRetry =
      hooks?.onRetry &&
      ((error: AstraError, n: number, delayMs: number) => hook('onRetry', call, n, { error, delayMs }));
    return withRetries(
      policyOf(call.op.method),
      (n) => attempt(call, n),
      call.signal,
      onRetry,
      (e) => finalFailure(e, call, deferReport),
    );
  }

  /** What a call rejects with: a hook's own error as it is; anything else typed, and reported to onError (now, or by `report`). */
  function finalFailure(e: unknown, k: Call | undefined, deferReport = false): unknown {
    if (e instanceof HookFailure) return e.error;
    const error = e instanceof AstraError ? e : configError('arguments', e instanceof Error ? e.message : String(e));
    if (deferReport) unreported.set(error, k);
    else reportError(error, k);
    return error;
  }

  /** The calls of failures run with `deferReport`, until `report` reports them. */
  const unreported = new WeakMap<AstraError, Call | undefined>();
  /**
   * Reports `error` to onError (a failure of a call run with `deferReport`
   * with its call; not a hook's own error), and throws it.
   */
  const report = (error: unknown): never => {
    if (error instanceof AstraError) reportError(error, unreported.get(error));
    throw error;
  };

  const send = (
    op: OperationDescriptor,
    ids: readonly string[],
    input: unknown,
    decode: Decode | undefined,
    opts: ConditionalRequestOptions | undefined,
    url?: () => string,
  ) => run(() => prepare(op, ids, input, decode, opts, url));

  /** onError, for a call's final failure; a throwing onError cannot replace the error. */
  function reportError(error: AstraError, k: Call | undefined): void {
    try {
      hooks?.onError?.({ error, request: error.request ?? (k && contextOf(k).request), attempt: k?.attempt ?? 0 });
    } catch {
      // The call's own error is what the caller needs to see.
    }
  }

  /** A raw call (`astra.raw`): the request as openapi-fetch built it, under the client's base URL. */
  function rawCall(request: Request, body: ArrayBuffer | undefined): Call {
    const { url, method } = request;
    const base = config.baseUrl;
    if (!(url === base || url.startsWith(base + '/') || url.startsWith(base + '?')))
      throw configError('url', 'astra.raw only calls the base URL of the client');
    const op: OperationDescriptor = {
      id: 'raw',
      method: method as OperationDescriptor['method'],
      path: new URL(url).pathname,
      pathParams: [],
    };
    const signal = request.signal;
    return {
      op,
      url,
      body: undefined,
      decode: 'response',
      token: tokenFn ? undefined : (token as string),
      signal,
      timeoutMs: config.timeoutMs,
      headers,
      sent: headers,
      extraHeaders: checkHeaders('headers', Object.fromEntries(request.headers)),
      attempt: 0,
      init: { method, headers, body, signal, redirect: 'manual' },
      // A raw call hands fetch's Response back.
      direct: false,
    };
  }

  const resultOf = <T>(p: Promise<WithResponse<unknown>>) => apiPromise<T>(p as Promise<WithResponse<T>>);
  /** The URL of a call that is not a list but declares query parameters; undefined (the compiled URL) without a query. */
  const withQuery = (op: OperationDescriptor, ids: readonly string[], query: object | undefined) =>
    query && (() => buildUrl(compiled(op), ids) + buildQuery(query, undefined, op.repeatedQueryParams));

  const runtime: InternalRuntime = {
    config,
    list(op, ids, query, opts) {
      const pageUrl = (continueToken: string | undefined) => () =>
        buildUrl(compiled(op), ids) + buildQuery(query, continueToken, op.repeatedQueryParams);
      const fail = <E extends AstraError>(Cls: AstraErrorClass<E>, what: string, fields?: object): E => {
        const k = prepare(op, ids, undefined, 'json', opts, pageUrl(undefined));
        const error = callError(Cls, contextOf(k), what, fields);
        reportError(error, k);
        return error;
      };
      return createPager(op, query as CollectionQuery<any, any> | undefined, {
        fetch: (continueToken, signal, peek) =>
          run(
            () =>
              Object.assign(prepare(op, ids, undefined, 'json', { ...opts, signal }, pageUrl(continueToken)), { peek }),
            true,
          ).then((r) => r.data),
        reached: report,
        fail,
        signal: opts?.signal,
        maxPages: config.maxPages,
      });
    },
    get: (op, ids, opts, query) => resultOf(send(op, ids, undefined, undefined, opts, withQuery(op, ids, query))),
    create: (op, ids, body, opts, query) => resultOf(send(op, ids, body, undefined, opts, withQuery(op, ids, query))),
    // An update or delete resolves to undefined (a body, if any, is drained).
    update: (op, ids, body, opts, query) => resultOf(send(op, ids, body, 'none', opts, withQuery(op, ids, query))),
    patch: (op, ids, body, opts, query) => resultOf(send(op, ids, body, undefined, opts, withQuery(op, ids, query))),
    head: (op, ids, opts, query) =>
      apiPromise(
        send(op, ids, undefined, 'none', opts, withQuery(op, ids, query)).then((r) => ({
          data: r.response.headers,
          response: r.response,
        })),
      ),
    delete: (op, ids, opts, query) => resultOf(send(op, ids, undefined, 'none', opts, withQuery(op, ids, query))),
    waitFor: (op, ids, opts) => {
      // A read's failure is reported by waitFor, if it ends the wait.
      const read = (o: RequestOptions & { signal: AbortSignal }) =>
        resultOf<{ state?: unknown }>(run(() => prepare(op, ids, undefined, undefined, o, undefined), true));
      return waitFor(read, op, ids, opts, report) as Promise<any>;
    },
    async raw(request) {
      // Read once: every attempt sends the same bytes.
      const body = request.body ? await request.arrayBuffer() : undefined;
      try {
        return (await run(() => rawCall(request, body))).response;
      } catch (e) {
        // openapi-fetch reports failed responses itself: hand back the last one.
        const last = e instanceof AstraError && rawResponses.get(e);
        if (last) return last;
        throw e;
      }
    },
  };

  return runtime;
}

/** A call's result: the response is built only if asked for (transport.ts). */
class Result<T> implements WithResponse<T> {
  constructor(
    readonly data: T,
    private readonly received: Received,
  ) {}
  get response(): Response {
    return this.received.response;
  }
}

const received = (res: Response): Received => new FetchReceived(res);

/** The request target of an absolute URL: its path and query, without a fragment. */
function pathOf(url: string): string {
  const at = url.indexOf('/', url.indexOf('//') + 2);
  const hash = url.indexOf('#');
  return at < 0 ? '/' : url.slice(at, hash < 0 ? undefined : hash);
}

/** Marks a body that did not parse (JSON itself has no such value). */
const invalidBody = Symbol('invalid body');
