// How an attempt's request reaches the server, and what comes back.
//
// On Node, with Node's own fetch, a request the runtime can send as it is (no
// body, or a JSON or text body; no Accept-Encoding of the caller's) goes
// straight to undici's global dispatcher, the one Node's fetch would hand it
// to, with a handler of the runtime's own. Fetch builds, for every request, a
// Request, a Headers list, an AbortController, web streams for the body and
// a Response, and checks each against the WHATWG rules, then the runtime reads
// the body back out of them: on loopback that is most of a GET's time
// (bench/runtime measures both). Everything else (a `fetch` of the caller's,
// another platform, a form or binary body, a raw call that hands the Response
// back) goes through fetch. Both answer with a `Received`, which is all the
// runtime reads of a response.
//
// The dispatcher keeps fetch's other behaviour: a proxy or mock set with
// undici's `setGlobalDispatcher` applies, connections are pooled and kept
// alive, redirects are not followed (the runtime's rules apply, redirect.ts).
// It sends no Accept-Encoding, so the body arrives as it is.

import { abortReason, onAbort } from './abort.js';

/** A response as the runtime reads it, from either way of sending. */
export interface Received {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: Headers;
  /** The whole body, decoded as UTF-8. */
  text(): Promise<string>;
  /** An error body: its first MiB or so (the rest is not read), and what arrived if the connection failed. */
  errorText(): Promise<string>;
  /** The body is not wanted (a redirect's): stop reading it. */
  discard(): void;
  /** As a fetch Response (for `withResponse()` and raw calls). */
  readonly response: Response;
}

/**
 * How much of an error body is read: enough for any problem document (whose
 * title and detail the error keeps whole), not a server's endless stream.
 * Reading stops after the chunk that passes it.
 */
export const ERROR_TEXT_LIMIT = 1 << 20;

/** A fetch Response as a Received. */
export class FetchReceived implements Received {
  constructor(readonly response: Response) {}
  get status() {
    return this.response.status;
  }
  get statusText() {
    return this.response.statusText;
  }
  get ok() {
    return this.response.ok;
  }
  get headers() {
    return this.response.headers;
  }
  text() {
    return this.response.text();
  }
  async errorText(): Promise<string> {
    let text = '';
    const decoder = new TextDecoder();
    try {
      // Leaving the loop early cancels the rest of the body.
      for await (const chunk of this.response.body ?? [])
        if ((text += decoder.decode(chunk, { stream: true })).length > ERROR_TEXT_LIMIT) break;
    } catch {
      // Cut off: use what we have.
    }
    return text;
  }
  discard() {
    this.response.body?.cancel().catch(() => {});
  }
}

// ---- undici's dispatcher --------------------------------------------------

/** Node's Buffer, as far as the handler reads one (the runtime compiles without Node's types). */
type Chunk = Uint8Array & { toString(encoding: 'latin1'): string };

/** What of undici's dispatcher API the handler uses (the `onConnect … onComplete` handler of undici 6 and 7). */
export interface DispatchHandler {
  onConnect?(abort: (reason?: Error) => void): void;
  onHeaders?(status: number, rawHeaders: Chunk[], resume: () => void, statusText: string): boolean;
  onData?(chunk: Chunk): boolean;
  onComplete?(trailers: unknown): void;
  onError(error: Error): void;
}

export interface Dispatcher {
  dispatch(options: DispatchOptions, handler: DispatchHandler): boolean;
}

export interface DispatchOptions {
  origin: string;
  path: string;
  method: string;
  headers: Readonly<Record<string, string>>;
  body?: string | undefined;
}

const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

/** The dispatcher Node's fetch uses; undefined until Node has loaded undici (its first fetch) or elsewhere than Node. */
export const globalDispatcher = (): Dispatcher | undefined =>
  (globalThis as { [GLOBAL_DISPATCHER]?: Dispatcher })[GLOBAL_DISPATCHER];

/**
 * Whether `fetchFn` is Node's own fetch: the function Node defines (which
 * loads its undici), not one put in its place (a test's mock or an
 * interceptor's wrapper must see every request, so it gets them through fetch).
 */
export const isNodeFetch = (fetchFn: unknown): boolean =>
  typeof fetchFn === 'function' &&
  !!(globalThis as { process?: { versions?: Record<string, unknown> } }).process?.versions?.['undici'] &&
  Function.prototype.toString.call(fetchFn).includes('internal/deps/undici');

/**
 * Makes Node load undici, which sets the global dispatcher, if no fetch has
 * yet: Node does so on its fetch's first call, synchronously. A `data:` URL
 * touches no network. Without it a process's first request would go through
 * fetch.
 */
export function loadGlobalDispatcher(nodeFetch: typeof fetch): void {
  if (!globalDispatcher())
    nodeFetch('data:,')
      .then((res) => res.arrayBuffer())
      .catch(() => {});
}

const utf8 = new TextDecoder();
const noop = () => {};

/**
 * One request through a dispatcher: the handler undici calls, and the
 * Received it resolves with once the headers are in (the body follows, as
 * with fetch). Ending it (`onError` called from outside: the deadline, the
 * caller's signal) aborts the request and destroys its socket, or, for a
 * request still waiting for a connection, aborts it as soon as it gets one,
 * before a byte of it is written.
 */
export class Dispatched implements Received, DispatchHandler {
  status = 0;
  statusText = '';
  private rawHeaders: Chunk[] = [];
  private parsedHeaders: Headers | undefined;
  private built: Response | undefined;
  private chunks: Chunk[] = [];
  private size = 0;
  /** Bytes of body kept: all of it, or an error body's first ERROR_TEXT_LIMIT (and the chunk that passes it). */
  private limit = Infinity;
  private complete = false;
  private failure: Error | undefined;
  private abort: ((reason?: Error) => void) | undefined;
  /** Settles the promise of the headers, then of the body. */
  private resolveHead: ((r: Received) => void) | undefined;
  private rejectHead: ((e: Error) => void) | undefined;
  private bodyWaiter: { resolve: () => void; reject: (e: Error) => void } | undefined;
  /** Stops following the caller's signal (once the body is in, or the request has failed). */
  private unlink = noop;

  /** `url`: what was requested (a redirect's target for a hop). */
  private constructor(private readonly url: string) {}

  /**
   * Sends the request through `dispatcher`: the Received, once the headers
   * are in. `signal` (the caller's, when no deadline relays it) ends the
   * request until its body is in.
   */
  static send(dispatcher: Dispatcher, options: DispatchOptions, signal?: AbortSignal): Promise<Received> {
    const handler = new Dispatched(options.origin + options.path);
    return new Promise<Received>((resolve, reject) => {
      handler.resolveHead = resolve;
      handler.rejectHead = reject;
      if (signal) handler.unlink = onAbort(signal, () => handler.onError(abortReason(signal)));
      if (!handler.failure) dispatcher.dispatch(options, handler);
    });
  }

  get ok() {
    return this.status >= 200 && this.status < 300;
  }

  get headers(): Headers {
    if (!this.parsedHeaders) {
      const headers = new Headers();
      for (let i = 0; i + 1 < this.rawHeaders.length; i += 2) {
        try {
          headers.append(latin1(this.rawHeaders[i]!), latin1(this.rawHeaders[i + 1]!));
        } catch {
          // A header fetch would not have made a Headers of either: left out.
        }
      }
      this.parsedHeaders = headers;
    }
    return this.parsedHeaders;
  }

  /** A Response with the URL, status and headers (its body has been read by the runtime), made when first asked for. */
  get response(): Response {
    if (!this.built) {
      const init = { status: this.status, headers: this.headers };
      try {
        this.built = new DispatchedResponse(this.url, { ...init, statusText: this.statusText });
      } catch {
        // A reason phrase a Response may not carry.
        this.built = new DispatchedResponse(this.url, init);
      }
    }
    return this.built;
  }

  async text(): Promise<string> {
    await this.body();
    return this.decoded();
  }

  async errorText(): Promise<string> {
    this.limit = ERROR_TEXT_LIMIT;
    if (this.size >= this.limit) this.stop();
    try {
      await this.body();
    } catch {
      // Cut off: use what we have.
    }
    return this.decoded();
  }

  discard(): void {
    this.limit = 0;
    this.chunks = [];
    this.stop();
  }

  // ---- undici's side ----

  onConnect(abort: (reason?: Error) => void): void {
    if (this.failure) abort(this.failure);
    else this.abort = abort;
  }

  onHeaders(status: number, rawHeaders: Chunk[], _resume: () => void, statusText: string): boolean {
    // An informational answer (103 Early Hints) comes before the response, as fetch ignores it.
    if (status < 200) return true;
    this.status = status;
    this.statusText = statusText ?? '';
    this.rawHeaders = rawHeaders;
    this.resolveHead?.(this);
    this.resolveHead = this.rejectHead = undefined;
    return true;
  }

  onData(chunk: Chunk): boolean {
    if (this.size < this.limit) {
      this.chunks.push(chunk);
      this.size += chunk.length;
      if (this.size >= this.limit) this.stop();
    }
    return true;
  }

  onComplete(): void {
    this.complete = true;
    this.unlink();
    this.bodyWaiter?.resolve();
  }

  /** From undici (the request failed), or from outside (the deadline or the caller's signal ends it). */
  onError(error: Error): void {
    if (this.failure || this.complete) return;
    this.failure = error;
    this.unlink();
    // Idempotent in undici; before the connection, onConnect aborts instead.
    this.abort?.(error);
    this.rejectHead?.(error);
    this.resolveHead = this.rejectHead = undefined;
    this.bodyWaiter?.reject(error);
  }

  // ---- the body ----

  /** Resolves when the body is in (or as much of it as is kept). */
  private body(): Promise<void> {
    if (this.complete) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<void>((resolve, reject) => {
      this.bodyWaiter = { resolve, reject };
    });
  }

  /** Enough is kept: the rest of the body is not read, and the connection is closed. */
  private stop(): void {
    if (this.complete || this.failure) return;
    this.complete = true;
    this.unlink();
    this.abort?.(new Error('The rest of the body is not read'));
    this.bodyWaiter?.resolve();
  }

  private decoded(): string {
    const { chunks } = this;
    if (chunks.length === 1) return utf8.decode(chunks[0]);
    const all = new Uint8Array(this.size);
    let at = 0;
    for (const chunk of chunks) {
      all.set(chunk, at);
      at += chunk.length;
    }
    return utf8.decode(all);
  }
}

/** A body-less Response that, as fetch's would, knows the URL it answers. */
class DispatchedResponse extends Response {
  constructor(
    private readonly requested: string,
    init: ResponseInit,
  ) {
    super(null, init);
  }
  override get url(): string {
    return this.requested;
  }
}

/** A raw header name or value: a Buffer of bytes (a string in some undici versions). */
const latin1 = (raw: Chunk | string): string => (typeof raw === 'string' ? raw : raw.toString('latin1'));
