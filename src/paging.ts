// The pager behind every list call: lazy (nothing is requested until
// iteration starts), restartable (each iteration starts over), follows
// `metadata.continue`, and holds one page at a time so memory does not grow
// with the number of items.

import type { CollectionQuery, OperationDescriptor, Page, Pager } from './operation.js';
import { AstraInvalidResponseError } from './errors.js';

interface ListBody {
  items?: unknown;
  metadata?: { continue?: unknown; count?: unknown };
}

/** The pager of a list call: `url` is its first page (the query without `continue`), `fetchPage` fetches and decodes a page. */
export function createPager<T>(
  op: OperationDescriptor,
  query: CollectionQuery<any, any> | undefined,
  url: string,
  fetchPage: (url: string) => Promise<unknown>,
): Pager<T> {
  const start = query?.continue;
  const include = query?.include as readonly string[] | undefined;
  const invalid = (what: string) => new AstraInvalidResponseError(`${op.id}: ${what}`, { status: 200 });
  const continueAt = url + (url.includes('?') ? '&' : '?') + 'continue=';

  async function get(token: string | undefined): Promise<Page<T>> {
    const body = (await fetchPage(token === undefined ? url : continueAt + encodeURIComponent(token))) as ListBody | null;
    const items = body?.items;
    if (!Array.isArray(items)) throw invalid('no items array');
    // With `include` the service sends each item as an array of the
    // requested values in the requested order: map it back to an object.
    if (include?.length) {
      items.forEach((row, i) => {
        if (Array.isArray(row)) items[i] = Object.fromEntries(include.map((name, j) => [name, row[j]]));
      });
    }
    const page: Page<T> = { items };
    const { continue: next, count } = body?.metadata ?? {};
    if (typeof next === 'string' && next) page.continue = next;
    if (count != null && count !== '') page.count = Number(count);
    return page;
  }

  const pager: Pager<T> = {
    async *pages() {
      for (let token = start; ; ) {
        const page = await get(token);
        yield page;
        if (op.pagination === 'none' || page.continue === undefined) return;
        if (page.continue === token) throw invalid('continue token repeated');
        token = page.continue;
      }
    },
    async *[Symbol.asyncIterator]() {
      for await (const page of pager.pages()) yield* page.items;
    },
    firstPage: () => get(start),
    async toArray({ max } = {} as { max: number }) {
      if (!(max >= 0 && max < Infinity)) throw new TypeError('toArray needs a finite { max }');
      const out: T[] = [];
      if (max) for await (const item of pager) if (out.push(item) >= max) break;
      return out;
    },
  };
  return pager;
}
