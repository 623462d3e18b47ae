// The pager behind every list call: lazy (nothing is requested until
// iteration starts), restartable (each iteration starts over), follows
// `metadata.continue`, and holds one page at a time so memory does not grow
// with the number of items.

import type { Page, Pager } from './operation.js';
import { AstraInvalidResponseError } from './errors.js';

export function createPager<T>(
  fetchPage: (url: string) => Promise<unknown>,
  url: string,
  start: string | undefined,
  include: readonly string[] | undefined,
  follow: boolean,
  opId: string,
): Pager<T> {
  const invalid = (what: string) => new AstraInvalidResponseError(`${opId}: ${what}`, { status: 200 });

  async function get(token: string | undefined): Promise<Page<T>> {
    const body = (await fetchPage(token === undefined ? url : url + (url.includes('?') ? '&' : '?') + 'continue=' + encodeURIComponent(token))) as {
      items?: unknown;
      metadata?: { continue?: unknown; count?: unknown };
    } | null;
    const items = body?.items;
    if (!Array.isArray(items)) throw invalid('no items array');
    if (include?.length) {
      // With `include` the service sends each item as an array of the
      // requested values in the requested order: map it back to an object.
      for (let i = 0; i < items.length; i++) {
        const row = items[i];
        if (!Array.isArray(row)) continue;
        const obj: Record<string, unknown> = {};
        for (let j = 0; j < include.length; j++) obj[include[j] as string] = row[j];
        items[i] = obj;
      }
    }
    const page: Page<T> = { items };
    const meta = body?.metadata;
    if (typeof meta?.continue === 'string' && meta.continue !== '') page.continue = meta.continue;
    if (meta?.count != null && meta.count !== '') page.count = Number(meta.count);
    return page;
  }

  const pager: Pager<T> = {
    async *pages() {
      let token = start;
      for (;;) {
        const page = await get(token);
        yield page;
        const next = page.continue;
        if (!follow || next === undefined) return;
        if (next === token) throw invalid('continue token repeated');
        token = next;
      }
    },
    async *[Symbol.asyncIterator]() {
      for await (const page of pager.pages()) yield* page.items;
    },
    firstPage: () => get(start),
    async toArray(options) {
      const max = options?.max;
      if (!(max >= 0 && max < Infinity)) throw new TypeError('toArray needs a finite { max }');
      const out: T[] = [];
      if (max > 0) {
        for await (const item of pager) if (out.push(item) >= max) break;
      }
      return out;
    },
  };
  return pager;
}
