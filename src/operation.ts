// The contract between generated code and the runtime. Generated client
// modules import only types from here and hand an OperationDescriptor (plain
// data computed by the generator from the spec) to the Runtime; every
// behaviour (URLs, auth, bodies, paging, errors, retries) lives in src/, so a
// runtime fix never changes generated/.

// TRACE is not here: fetch refuses to send it (a forbidden method of the
// Fetch standard), so the generator leaves a spec's TRACE operations out, with a warning.
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';

/** Everything the runtime needs to know about one operation of the spec. */
export interface OperationDescriptor {
  /** The spec's operationId, e.g. `listCredentials`. */
  readonly id: string;
  readonly method: HttpMethod;
  /**
   * The path template exactly as in the spec, e.g.
   * `/accounts/{account_id}/core/v1/credentials/{credential_id}`. `{account_id}`
   * is filled from the client's `accountId`.
   */
  readonly path: string;
  /**
   * The other path parameters, in the order they appear in the path, which is
   * the order callers pass them positionally.
   */
  readonly pathParams: readonly string[];
  /**
   * Media type of the request body, e.g. `application/astra-credential+json`.
   * It says how the body is encoded: JSON (`application/json`, any `+json`,
   * and when absent) as JSON text, `application/x-www-form-urlencoded` as
   * URLSearchParams, `multipart/form-data` as FormData (fetch then sets the
   * Content-Type, with the multipart boundary), anything else (XML, plain
   * text, an octet stream) as given: a RawBody.
   */
  readonly requestMediaType?: string;
  /**
   * Media type to ask for with `Accept` on success, e.g.
   * `application/astra-credential+json`, `application/json` for lists,
   * `application/openmetrics-text` for metrics. Absent when the success
   * response has no body (204).
   */
  readonly responseMediaType?: string;
  /** Value of the body's `type` member, e.g. `application/astra-credential`. */
  readonly resourceType?: string;
  /** `version` values the request body accepts, newest first. */
  readonly versions?: readonly string[];
  /** How a list operation pages: by continue token, or not at all. */
  readonly pagination?: 'continue' | 'none';
  /**
   * `any`: the success body is a JSON value that is not an object (an array,
   * a string), as the spec declares it; otherwise a single-resource call
   * expects a JSON object.
   */
  readonly responseShape?: 'any';
  /** A list whose answer is a bare JSON array (one page) rather than Astra's `{ items, metadata }`. */
  readonly listShape?: 'array';
  /**
   * Query parameters the operation declares: Astra's collection parameters
   * and any other the spec names (a pet store's `status`).
   */
  readonly queryParams?: readonly string[];
  /**
   * Array query parameters sent once per value (`status=a&status=b`, OpenAPI's
   * default); any other array is sent joined with commas (`include=id,name`).
   */
  readonly repeatedQueryParams?: readonly string[];
  /** Top-level request-body members that hold secrets (e.g. `keyStore`), from the spec's `x-astra-secret`. */
  readonly secretFields?: readonly string[];
  /**
   * On the `get` of a resource whose `state` moves: the states it cannot come
   * back from (`failed`, `removed`, …), read from the spec's state enum.
   * `waitFor` stops with an AstraStateError when it sees one it is not waiting for.
   */
  readonly failedStates?: readonly string[];
  readonly deprecated?: boolean;
}

/** Astra's collection query parameters, typed by `CollectionQuery`. */
export type QueryParamName = 'continue' | 'filter' | 'include' | 'limit' | 'orderBy' | 'skip' | 'count';

/** Options any call accepts. */
export interface RequestOptions {
  /** Aborts the call (and its retries). */
  signal?: AbortSignal;
  /** Overrides the client's per-request timeout. */
  timeoutMs?: number;
  /** Extra request headers, e.g. `{ ForceUpdate: 'true' }` for an in-place restore. */
  headers?: Record<string, string>;
}

/** Options of an update or delete whose operation accepts `If-Match`. */
export interface ConditionalRequestOptions extends RequestOptions {
  /** Sent as `If-Match`: the call fails with PreconditionFailedError (412) unless the stored resource still has this ETag. */
  ifMatch?: string;
}

/** Options of `waitFor`. */
export interface WaitOptions<S extends string> {
  /** The state (or any of the states) to wait for. */
  until: S | readonly S[];
  /** How long to wait in all, in ms. Default 600 000 (10 minutes); then an AstraTimeoutError. */
  timeoutMs?: number;
  /** Between reads, in ms. Default 2 000. */
  intervalMs?: number;
  /** Stops waiting with AstraAbortError. */
  signal?: AbortSignal;
  /** Options for each read (per-attempt timeout, headers). */
  request?: Omit<RequestOptions, 'signal'>;
}

/** The HTTP response of a call beside its result: `ETag`, `Location`, the correlation id. */
export interface WithResponse<T> {
  data: T;
  response: Response;
}

/**
 * What single-resource calls return: a promise of the result that also gives
 * the HTTP response, `await astra.credentials.get(id).withResponse()`. The
 * request starts at once, whichever of the two is awaited.
 */
export interface ApiPromise<T> extends Promise<T> {
  withResponse(): Promise<WithResponse<T>>;
}

/** A filter built with `where(field)`; renders to the API's filter syntax. */
export interface FilterExpression {
  toString(): string;
}

type FieldName<T> = Extract<keyof T, string>;

/** `orderBy`: one field of the resource, ascending unless `desc` is added. */
export type OrderBy<T> = FieldName<T> | `${FieldName<T>} asc` | `${FieldName<T>} desc`;

/** All collection query parameters, typed to the resource. */
export interface CollectionQuery<T, K extends keyof T> {
  /** Continue token from a previous page (the pager follows these itself). */
  continue?: string;
  /** A filter string (`keyType eq 's3'`) or an expression built with `where`. */
  filter?: string | FilterExpression;
  /** Top-level fields to return; items are then objects with just these fields. */
  include?: readonly K[];
  /** Items per page. */
  limit?: number;
  orderBy?: OrderBy<T>;
  skip?: number;
  /** Ask the service to report the number of items in `Page.count`. */
  count?: boolean;
}

/**
 * The query an operation accepts: only the parameters it declares, Astra's
 * collection parameters (`P`) typed here and the others (`Other`, e.g.
 * `{ status?: 'available' | 'sold' }`) typed from the spec by the generator.
 */
export type ListQuery<T, K extends keyof T, P extends QueryParamName, Other = unknown> = Pick<
  CollectionQuery<T, K>,
  P
> &
  Other;

/** The item type a list yields: the whole resource, or just the included fields. */
export type Selected<T, K extends keyof T> = [K] extends [never] ? T : Pick<T, K>;

export interface Page<T> {
  items: T[];
  /** Token for the next page; absent on the last page. */
  continue?: string;
  /** Number of items, when the query asked for `count`. */
  count?: number;
}

/**
 * A lazily evaluated listing. `for await` yields every item across pages;
 * nothing is requested until iteration starts.
 */
export interface Pager<T> extends AsyncIterable<T> {
  pages(): AsyncIterable<Page<T>>;
  firstPage(): Promise<Page<T>>;
  /**
   * Collects items into an array; `max` is required so memory stays bounded.
   * `maxPages` overrides the client's bound on the number of requests.
   */
  toArray(options: { max: number; maxPages?: number }): Promise<T[]>;
}

/**
 * A request body as callers write it: the resource's fields, with `type`
 * filled by the runtime and `version` defaulting to the newest one.
 */
export type BodyInput<B> = B extends { type?: unknown; version?: infer V }
  ? Omit<B, 'type' | 'version'> & { version?: V }
  : B;

/**
 * A request body in a media type that is neither JSON nor a form
 * (`application/octet-stream`, `text/plain`, `application/xml`…): what fetch
 * sends as it is, with the declared media type as Content-Type. A Blob's own
 * `type` does not override it.
 */
export type RawBody = string | Blob | ArrayBuffer | Uint8Array;

/**
 * A body member the spec requires to be a non-empty map (a credential's
 * `keyStore`): `{}` is a compile error. No plain type refuses `{}` while
 * accepting any key, so the generated method infers the member's own type `M`.
 */
export type NonEmptyMap<M> = M & ([keyof M] extends [never] ? { '(at least one member)': never } : unknown);

/** What generated client methods call. Implemented in src/runtime.ts. */
export interface Runtime {
  // `query`: the parameters the operation declares, typed by its generated
  // method (a list's `CollectionQuery` members where it has them, every other
  // parameter from the spec's schema).
  list<T, K extends keyof T = never>(
    op: OperationDescriptor,
    ids: readonly string[],
    query?: object,
    options?: RequestOptions,
  ): Pager<Selected<T, K>>;
  get<T>(op: OperationDescriptor, ids: readonly string[], options?: RequestOptions, query?: object): ApiPromise<T>;
  /**
   * Sends `body` (none when it is undefined: an action the spec declares no
   * body for). A JSON body may be any JSON value (an object, an array, a
   * string…); a form or multipart body is an object of fields; a body in any
   * other media type is a RawBody, sent as it is.
   */
  create<T>(
    op: OperationDescriptor,
    ids: readonly string[],
    body: unknown,
    options?: RequestOptions,
    query?: object,
  ): ApiPromise<T>;
  update(
    op: OperationDescriptor,
    ids: readonly string[],
    body: unknown,
    options?: ConditionalRequestOptions,
    query?: object,
  ): ApiPromise<void>;
  /** A PATCH: sends `body` in the descriptor's media type and resolves to the decoded answer (undefined without one). */
  patch<T>(
    op: OperationDescriptor,
    ids: readonly string[],
    body: unknown,
    options?: ConditionalRequestOptions,
    query?: object,
  ): ApiPromise<T>;
  /** A HEAD: resolves to the response headers; there is no body to read. */
  head(op: OperationDescriptor, ids: readonly string[], options?: RequestOptions, query?: object): ApiPromise<Headers>;
  delete(
    op: OperationDescriptor,
    ids: readonly string[],
    options?: ConditionalRequestOptions,
    query?: object,
  ): ApiPromise<void>;
  /** Reads the resource until its `state` is one of `until`; `op` is its `get`. */
  waitFor<T extends { state?: string }>(
    op: OperationDescriptor,
    ids: readonly string[],
    options: WaitOptions<NonNullable<T['state']>>,
  ): Promise<T>;
}
