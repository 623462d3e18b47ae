// The pager behind every list call: lazy (nothing is requested until
// iteration starts), restartable (each iteration starts over), follows
// `metadata.continue`, and holds one page at a time so memory does not grow
// with the number of items.
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

/** Builds an error about the listing (the runtime labels it, adds the redacted request, and reports it to onError). */
export type ListFailure = <E extends AstraError>(Cls: AstraErrorClass<E>, what: string, fields?: object) => E;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The pager of a list call; `fetchPage(token)` fetches and decodes the page at a continue token (undefined: the first). */
export function createPager<T>(
  op: OperationDescriptor,
  query: CollectionQuery<any, any> | undefined,
  fetchPage: (token: string | undefined) => Promise<unknown>,
  maxPages: number,
  fail: ListFailure,
): Pager<T> {
  const start = query?.continue;
  const include = query?.include as readonly string[] | undefined;
  const width = include?.length ?? 0;

  function pageOf(body: unknown): Page<T> {
    const items = op.listShape === 'array' ? body : isObject(body) ? body['items'] : undefined;
    if (!Array.isArray(items))
      throw fail(AstraInvalidResponseError, ': 200 the page has no items array', { status: 200 });
    for (let i = 0; i < items.length; i++) {
      const row: unknown = items[i];
      // With `include` the service sends each item as an array of the
      // requested values in the requested order: map it back to an object.
      if (width && Array.isArray(row)) {
        if (row.length !== width)
          throw fail(
            AstraInvalidResponseError,
            `: 200 item ${i} has ${row.length} values for ${width} included fields`,
            { status: 200 },
          );
        const item: Record<string, unknown> = {};
        for (let j = 0; j < width; j++) item[include![j]!] = row[j];
        items[i] = item;
      } else if (!isObject(row))
        throw fail(AstraInvalidResponseError, `: 200 item ${i} is not an object`, { status: 200 });
    }
    const page: Page<T> = { items };
    const metadata = (body as Record<string, unknown>)['metadata'];
    const { continue: next, count } = isObject(metadata) ? metadata : ({} as Record<string, unknown>);
    if (next != null && typeof next !== 'string')
      throw fail(AstraInvalidResponseError, ': 200 metadata.continue is not a string', { status: 200 });
    if (next) page.continue = next;
    if (count != null && count !== '') page.count = Number(count);
    return page;
  }

  async function* pages(limit = maxPages): AsyncGenerator<Page<T>> {
    const followed = new Set<string>();
    let token = start;
    for (let requests = 1; ; requests++) {
      if (token !== undefined) followed.add(token);
      const page = pageOf(await fetchPage(token));
      const next = op.pagination === 'none' ? undefined : page.continue;
      // Checked before the page is delivered: a server that ignores the token
      // answers with the page it sent before, and the same token again.
      if (next !== undefined && followed.has(next))
        throw fail(
          AstraInvalidResponseError,
          ': 200 the server sent a continue token it had already sent (a paging cycle)',
          { status: 200 },
        );
      yield page;
      if (next === undefined) return;
      if (requests >= limit)
        throw fail(AstraPageLimitError, ` stopped after ${limit} pages (maxPages)`, { maxPages: limit });
      token = next;
    }
  }

  const pager: Pager<T> = {
    pages: () => pages(),
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.items;
    },
    firstPage: async () => pageOf(await fetchPage(start)),
    async toArray({ max, maxPages: limit } = {} as { max: number }) {
      if (!(max >= 0 && max < Infinity))
        throw fail(AstraConfigError, ': toArray needs a finite { max }', { option: 'max' });
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
        throw fail(AstraConfigError, ': maxPages must be a positive integer', { option: 'maxPages' });
      const out: T[] = [];
      if (max)
        for await (const page of pages(limit)) for (const item of page.items) if (out.push(item) >= max) return out;
      return out;
    },
  };
  return pager;
}
