// What the pager keeps alive (src/paging.ts): a page the consumer has moved
// past must be garbage once nothing of the consumer's holds it, so that a long
// listing's memory does not depend on its first page or on how far it goes.
// Checked with WeakRefs and a full collection (V8's own, exposed for the test).

import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createPager, type PageSource } from '../../src/paging.js';
import { listThings } from './support/descriptors.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const PAGES = 8;

/** Page n of a listing of PAGES pages, each a fresh object, with the text the runtime would show `peek`. */
function pageText(n: number): string {
  const items = Array.from({ length: 50 }, (_, i) => ({ id: `thing-${n}-${i}` }));
  return JSON.stringify({ items, metadata: n + 1 < PAGES ? { continue: `T${n + 1}` } : {} });
}

/** A page source that answers each request on the next turn of the event loop, as a socket would. */
const source: PageSource = {
  fetch: (token, _signal, peek) =>
    new Promise((resolve) =>
      setImmediate(() => {
        const text = pageText(token === undefined ? 0 : Number(token.slice(1)));
        peek?.(text);
        resolve(JSON.parse(text));
      }),
    ),
  reached: (error) => {
    throw error;
  },
  fail: ((_cls: unknown, what: string) => new Error(what)) as never,
  signal: undefined,
  maxPages: 100,
};

/** Lets a turn of the event loop pass, so that WeakRefs made in this job may be cleared. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('what the pager holds', () => {
  it('lets every page but the last two be collected while the iteration goes on', async () => {
    const seen: WeakRef<object>[] = [];
    const stillHeld: number[][] = [];
    let pages = 0;
    for await (const page of createPager<{ id: string }>(listThings, undefined, source).pages()) {
      seen.push(new WeakRef(page.items));
      pages++;
      await nextTurn();
      gc();
      // The page in hand, and the one before it (a register of a suspended frame may still name
      // it, the consumer's as much as the pager's), are allowed; nothing older.
      stillHeld.push(seen.slice(0, -2).flatMap((ref, n) => (ref.deref() ? [n] : [])));
    }
    expect(pages).toBe(PAGES);
    expect(stillHeld).toEqual(Array.from({ length: PAGES }, () => []));
  });
});
