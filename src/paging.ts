// The pager behind every list call: lazy (nothing is requested until
// iteration starts), restartable (each iteration starts over), follows
// `metadata.continue`, and holds one page at a time so memory does not grow
// with the number of items.

import type { Page, Pager } from './operation.js';
import { AstraInvalidResponseError } from './errors.js';
import { withContinue } from './request.js';

export type PageFetcher = (url: string) => Promise<unknown>;

export class ListPager<T> implements Pager<T> {
  readonly #fetch: PageFetcher;
  readonly #url: string;
  readonly #start: string | undefined;
  readonly #include: readonly string[] | undefined;
  readonly #follow: boolean;
  readonly #opId: string;

  constructor(fetch: PageFetcher, url: string, start: string | undefined, include: readonly string[] | undefined, follow: boolean, opId: string) {
    this.#fetch = fetch;
    this.#url = url;
    this.#start = start;
    this.#include = include && include.length > 0 ? include : undefined;
    this.#follow = follow;
    this.#opId = opId;
  }

  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let token = this.#start;
    for (;;) {
      const page = await this.#get(token);
      yield page;
      const next = page.continue;
      if (!this.#follow || next === undefined) return;
      if (next === token) throw new AstraInvalidResponseError(`${this.#opId}: the service returned the same continue token twice`, { status: 200 });
      token = next;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) {
      const items = page.items;
      for (let i = 0; i < items.length; i++) yield items[i] as T;
    }
  }

  firstPage(): Promise<Page<T>> {
    return this.#get(this.#start);
  }

  async toArray(options: { max: number }): Promise<T[]> {
    const max = options?.max;
    if (typeof max !== 'number' || !(max >= 0) || !Number.isFinite(max)) {
      throw new TypeError('toArray needs { max }: a finite, non-negative number of items');
    }
    const out: T[] = [];
    if (max === 0) return out;
    for await (const item of this) {
      out.push(item);
      if (out.length >= max) break;
    }
    return out;
  }

  async #get(token: string | undefined): Promise<Page<T>> {
    const body = await this.#fetch(token === undefined ? this.#url : withContinue(this.#url, token));
    const items = (body as { items?: unknown } | null)?.items;
    if (!Array.isArray(items)) {
      throw new AstraInvalidResponseError(`${this.#opId}: the list response has no items array`, { status: 200 });
    }
    const include = this.#include;
    if (include) {
      // With `include` the service sends each item as an array of the
      // requested values in the requested order: map it back to an object.
      const n = include.length;
      for (let i = 0; i < items.length; i++) {
        const row = items[i];
        if (!Array.isArray(row)) continue;
        const obj: Record<string, unknown> = {};
        for (let j = 0; j < n; j++) obj[include[j] as string] = row[j];
        items[i] = obj;
      }
    }
    const meta = (body as { metadata?: { continue?: unknown; count?: unknown } }).metadata;
    const page: Page<T> = { items: items as T[] };
    if (meta) {
      if (typeof meta.continue === 'string' && meta.continue !== '') page.continue = meta.continue;
      if (typeof meta.count === 'number') page.count = meta.count;
      else if (typeof meta.count === 'string' && meta.count !== '') page.count = Number(meta.count);
    }
    return page;
  }
}
