// The pager behind every list call: lazy (nothing is requested until
// iteration starts), restartable (each iteration starts over), follows
// `metadata.continue`, and keeps at most two pages: the one the consumer is
// working through and the next one, fetched meanwhile.
//
// Prefetch: as soon as a page has been checked and its continue token is
// known, the next page is requested, so that the network and the server's
// work overlap the consumer's (one page ahead, never more). A prefetch never
// goes past a bound: not past `maxPages` requests, and not past `toArray`'s
// `max` (no request once the pages so far hold `max` items). Its failure is
// kept until the consumer reaches it (reported to onError then, not before),
// and when the iteration ends first (a `break`, an error, `max` reached) the
// prefetch is cancelled and its failure dropped. The caller's signal cancels
// it at once, whatever the consumer is doing.
//
// While the consumer waits for a page, the next one is requested earlier
// still: as soon as the page's text has arrived, with the continue token read
// from the text, so that the request overlaps the parse (on a fast network,
// most of a page's time). The guess is checked against the parsed page before
// anything from it is delivered; a wrong one (a server that puts items after
// its metadata, and metadata in its items) is cancelled and the named page
// requested instead. It is never made under `toArray({ max })`, past
// `maxPages`, or for a token already followed.
//
// A hostile or broken server cannot make it loop: every continue token of an
// iteration is remembered, and a page whose token was already followed ends
// the iteration with AstraInvalidResponseError before its items are
// delivered (the page is most likely a repeat); every iteration stops after
// `maxPages` requests (AstraPageLimitError), even when pages are empty. Each
// page is checked before anything is delivered from it: an `items` array of
// objects, or with `include`, of arrays exactly as long as the field list.

import type { CollectionQuery, OperationDescriptor, Page, Pager } from './operation.js';
import {
  AstraConfigError,
  AstraInvalidResponseError,
  AstraPageLimitError,
  type AstraError,
  type AstraErrorClass,
} from './errors.js';
import { follow } from './internal/abort.js';

/** A page request in flight: its token, the page to come, and what cancels it. */
interface Requested {
  token: string | undefined;
  fetching: Promise<unknown>;
  cancel: () => void;
}

/** Builds an error about the listing (the runtime labels it, adds the redacted request, and reports it to onError). */
export type ListFailure = <E extends AstraError>(Cls: AstraErrorClass<E>, what: string, fields?: object) => E;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The continue token a page's text carries, read without parsing it: the
 * `continue` member after the last `"metadata"` key (an envelope's metadata
 * follows its items). A guess: the pager checks it against the parsed page.
 */
export function continueTokenIn(text: string): string | undefined {
  const at = text.lastIndexOf('"metadata"');
  const found = at < 0 ? null : /"continue"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(text.slice(at));
  if (!found) return undefined;
  try {
    const token: unknown = JSON.parse(found[1]!);
    return typeof token === 'string' && token !== '' ? token : undefined;
  } catch {
    return undefined;
  }
}

/** Where a pager's pages come from: the runtime. */
export interface PageSource {
  /**
   * Fetches and decodes the page at a continue token (undefined: the first),
   * under `signal` (it replaces the caller's), showing `peek` a success
   * body's text before it is parsed. A failure is not reported to onError
   * until `reached` is called with it.
   */
  fetch(token: string | undefined, signal: AbortSignal | undefined, peek?: (text: string) => void): Promise<unknown>;
  /** Reports a failure of `fetch` to onError (the consumer has reached it), and throws it. */
  reached(error: unknown): never;
  fail: ListFailure;
  /** The caller's signal, if any. */
  signal: AbortSignal | undefined;
  /** The client's bound on requests per iteration. */
  maxPages: number;
}

/** The pager of a list call. */
export function createPager<T>(
  op: OperationDescriptor,
  query: CollectionQuery<any, any> | undefined,
  source: PageSource,
): Pager<T> {
  const { fail, maxPages } = source;
  const start = query?.continue;
  const include = query?.include as readonly string[] | undefined;
  const width = include?.length ?? 0;

  /** A page (status 200) that is not what a list returns. */
  const invalid = (what: string) => fail(AstraInvalidResponseError, `: 200 ${what}`, { status: 200 });

  function pageOf(body: unknown): Page<T> {
    const items = op.listShape === 'array' ? body : isObject(body) ? body['items'] : undefined;
    if (!Array.isArray(items)) throw invalid('the page has no items array');
    for (let i = 0; i < items.length; i++) {
      const row: unknown = items[i];
      // With `include` the service sends each item as an array of the
      // requested values in the requested order: map it back to an object.
      if (width && Array.isArray(row)) {
        if (row.length !== width) throw invalid(`item ${i} has ${row.length} values for ${width} included fields`);
        const item: Record<string, unknown> = {};
        for (let j = 0; j < width; j++) item[include![j]!] = row[j];
        items[i] = item;
      } else if (!isObject(row)) throw invalid(`item ${i} is not an object`);
    }
    const page: Page<T> = { items };
    const metadata = (body as Record<string, unknown>)['metadata'];
    const { continue: next, count } = isObject(metadata) ? metadata : ({} as Record<string, unknown>);
    if (next != null && typeof next !== 'string') throw invalid('metadata.continue is not a string');
    if (next) page.continue = next;
    if (count != null && count !== '') page.count = Number(count);
    return page;
  }

  /** The page `fetching` brings; its failure reported now, as the consumer has reached it. */
  const reach = async (fetching: Promise<unknown>) => pageOf(await fetching.catch(source.reached));

  /** One iteration: at most `limit` requests, and none once the pages so far hold `wanted` items. */
  async function* pages(limit = maxPages, wanted = Infinity): AsyncGenerator<Page<T>> {
    // The iteration's own signal: aborted with the caller's, and when the
    // iteration ends with a request in flight.
    const stop = new AbortController();
    const unfollow = follow(source.signal, stop);
    // Every token requested (undefined: the first page), so its size is the number of requests.
    const followed = new Set<string | undefined>();
    /** A page requested under a signal of its own, which follows the iteration's until the page settles. */
    const request = (token: string | undefined): Requested => {
      followed.add(token);
      const own = new AbortController();
      const unlink = follow(stop.signal, own);
      const fetching = source.fetch(token, own.signal, peek);
      fetching.then(unlink, unlink);
      // Awaited when the consumer reaches the page; not an unhandled rejection if it never does.
      fetching.catch(() => {});
      return { token, fetching, cancel: () => own.abort() };
    };
    /**
     * A page requested in order (not on a guess): the generator's frame gets
     * only its promise, which the next request replaces. A temporary of the
     * frame holding the request itself would keep its page (the promise's
     * result) alive until the iteration ends.
     */
    const ask = (token: string | undefined) => request(token).fetching;
    // The next page requested on a guess (below).
    let guess: Requested | undefined;
    // Set while the consumer waits for the page in flight: only then is the next one guessed, so
    // that the pager never runs more than one page ahead of the consumer.
    let waiting = false;
    /**
     * The consumer waits for a page whose text has arrived: its continue
     * token, read from the text, is requested at once, while the page is
     * parsed (most of a page's time on a fast network). The guess is checked
     * against the parsed page before anything is delivered, and cancelled if
     * it differs. Never with `toArray({ max })` (a bound on items, unknown
     * until the page is parsed), past `maxPages`, or for a token already
     * followed.
     */
    const peek =
      wanted === Infinity && op.pagination !== 'none' && op.listShape !== 'array'
        ? (text: string) => {
            const token = waiting && !guess ? continueTokenIn(text) : undefined;
            if (token !== undefined && !followed.has(token) && followed.size < limit) guess = request(token);
          }
        : undefined;
    let next: Promise<unknown> | undefined = ask(start);
    let delivered = 0;
    try {
      while (next) {
        waiting = true;
        const page = await reach(next);
        waiting = false;
        next = undefined;
        const token = op.pagination === 'none' ? undefined : page.continue;
        const guessed = guess?.token === token ? guess : undefined;
        if (guess && !guessed) {
          guess.cancel();
          followed.delete(guess.token);
        }
        guess = undefined;
        // Checked before the page is delivered: a server that ignores the token
        // answers with the page it sent before, and the same token again.
        if (token && !guessed && followed.has(token))
          throw invalid('the server repeated a continue token (a paging cycle)');
        delivered += page.items.length;
        const more = token && delivered < wanted;
        if (more) next = guessed ? guessed.fetching : followed.size < limit ? ask(token) : undefined;
        yield page;
        if (more && !next)
          throw fail(AstraPageLimitError, ` stopped after ${limit} pages (maxPages)`, { maxPages: limit });
      }
    } finally {
      waiting = false;
      unfollow();
      // A request the consumer will not reach is cancelled (its failure, an abort, is dropped).
      if (next || guess) stop.abort();
    }
  }

  const pager: Pager<T> = {
    pages: () => pages(),
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.items;
    },
    firstPage: () => reach(source.fetch(start, source.signal)),
    async toArray({ max, maxPages: limit } = {} as { max: number }) {
      if (!(max >= 0 && max < Infinity))
        throw fail(AstraConfigError, ': toArray needs a finite { max }', { option: 'max' });
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
        throw fail(AstraConfigError, ': maxPages must be a positive integer', { option: 'maxPages' });
      const out: T[] = [];
      if (max)
        for await (const page of pages(limit, max))
          for (const item of page.items) if (out.push(item) >= max) return out;
      return out;
    },
  };
  return pager;
}
