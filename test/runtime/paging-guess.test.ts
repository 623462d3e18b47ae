// The pager's guess of the next continue token (src/paging.ts): while the
// consumer waits for a page, the next page is requested as soon as the page's
// text has arrived, before it is parsed; the guess is checked against the
// parsed page. Driven by a page source of the test's own, whose pages arrive
// when the test says: every assertion is on an ordering, none on time.

import { describe, expect, it } from 'vitest';
import { continueTokenIn, createPager, type PageSource } from '../../src/paging.js';
import { listThings } from './support/descriptors.js';

const body = (ids: string[], next?: string) =>
  JSON.stringify({ items: ids.map((id) => ({ id })), metadata: next ? { continue: next } : {} });

/** A request the pager made: its token, its signal, and how the test answers it. */
interface Asked {
  token: string | undefined;
  signal: AbortSignal | undefined;
  /** Shows the pager the page's text (as the runtime does before parsing), then hands it the parsed page. */
  answer(text: string): void;
}

/** A page source whose pages arrive when the test answers them; `log` is what happened, in order. */
function source(maxPages = 100) {
  const asked: Asked[] = [];
  const log: string[] = [];
  const src: PageSource = {
    fetch: (token, signal, peek) =>
      new Promise((resolve) => {
        log.push(`request ${token ?? 'first'}`);
        asked.push({
          token,
          signal,
          answer: (text) => {
            peek?.(text);
            const parsed: unknown = JSON.parse(text);
            log.push(`parsed ${token ?? 'first'}`);
            resolve(parsed);
          },
        });
      }),
    reached: (error) => {
      throw error;
    },
    fail: ((_cls: unknown, what: string) => new Error(what)) as never,
    signal: undefined,
    maxPages,
  };
  /** Lets the pager's pending promise jobs run. */
  const settle = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return { src, asked, log, settle };
}

describe('reading the continue token from a page text', () => {
  it.each([
    ['an envelope, metadata last', body(['a'], 'T2'), 'T2'],
    ['escapes in the token', JSON.stringify({ items: [], metadata: { continue: 'a"b\\c+/=' } }), 'a"b\\c+/='],
    ['a \\u escape', '{"items":[],"metadata":{"continue":"x\\u002by"}}', 'x+y'],
    ['spaces around the colon', '{"items": [], "metadata": {"count": 3, "continue" : "T9"}}', 'T9'],
    ['the last page (no token)', body(['a']), undefined],
    ['an empty token', '{"items":[],"metadata":{"continue":""}}', undefined],
    ['no metadata at all', '{"items":[{"id":"a"}]}', undefined],
    ['a token that is not a string', '{"items":[],"metadata":{"continue":42}}', undefined],
    [
      'metadata first, items carrying metadata of their own',
      '{"metadata":{"continue":"T2"},"items":[{"metadata":{}}]}',
      undefined,
    ],
  ])('%s', (_name, text, expected) => {
    expect(continueTokenIn(text)).toBe(expected);
  });
});

describe('the pager guesses the next page while the consumer waits', () => {
  it('requests the next page when the text arrives, before it is parsed, and uses that request', async () => {
    const { src, asked, log, settle } = source();
    const pages = createPager<{ id: string }>(listThings, undefined, src).pages()[Symbol.asyncIterator]();
    const first = pages.next();
    await settle();
    asked[0]!.answer(body(['a', 'b'], 'T2'));
    expect((await first).value.items.map((t: { id: string }) => t.id)).toEqual(['a', 'b']);
    expect(log).toEqual(['request first', 'request T2', 'parsed first']);
    const second = pages.next();
    asked[1]!.answer(body(['c']));
    expect((await second).value.items.map((t: { id: string }) => t.id)).toEqual(['c']);
    expect((await pages.next()).done).toBe(true);
    // One request per page: the guess was the request.
    expect(asked.map((a) => a.token)).toEqual([undefined, 'T2']);
  });

  it('a wrong guess is cancelled and the page the server named is requested instead; nothing is delivered twice', async () => {
    const { src, asked, settle } = source();
    const got: string[] = [];
    const done = (async () => {
      for await (const page of createPager<{ id: string }>(listThings, undefined, src).pages())
        got.push(...page.items.map((t) => t.id));
    })();
    await settle();
    // The last "metadata" in the text is an item's, naming a token the envelope does not.
    asked[0]!.answer('{"metadata":{"continue":"REAL"},"items":[{"id":"a","metadata":{"continue":"FAKE"}}]}');
    await settle();
    expect(asked.map((a) => a.token)).toEqual([undefined, 'FAKE', 'REAL']);
    expect(asked[1]!.signal?.aborted).toBe(true);
    asked[2]!.answer(body(['b']));
    await done;
    expect(got).toEqual(['a', 'b']);
  });

  it('guesses nothing for a page that arrives while the consumer still holds the one before (one page ahead, never two)', async () => {
    const { src, asked, settle } = source();
    const pages = createPager<{ id: string }>(listThings, undefined, src).pages()[Symbol.asyncIterator]();
    const first = pages.next();
    await settle();
    asked[0]!.answer(body(['a'], 'T2'));
    await first;
    // The consumer holds page 1; page 2 (the guess) arrives, naming T3.
    asked[1]!.answer(body(['b'], 'T3'));
    await settle();
    expect(asked.map((a) => a.token)).toEqual([undefined, 'T2']);
    // Once the consumer reaches page 2, page 3 is requested (the prefetch, after parsing).
    await pages.next();
    expect(asked.map((a) => a.token)).toEqual([undefined, 'T2', 'T3']);
    await pages.return!(undefined);
    expect(asked[2]!.signal?.aborted).toBe(true);
  });

  it('guesses nothing under toArray({ max }), for a token already followed, or past maxPages', async () => {
    const bounded = source();
    const array = createPager<{ id: string }>(listThings, undefined, bounded.src).toArray({ max: 5 });
    await bounded.settle();
    bounded.asked[0]!.answer(body(['a', 'b'], 'T2'));
    await bounded.settle();
    // Requested after parsing (two items so far, fewer than max), not on a guess: one request for T2.
    expect(bounded.asked.map((a) => a.token)).toEqual([undefined, 'T2']);
    bounded.asked[1]!.answer(body(['c']));
    expect(await array).toHaveLength(3);

    const cycling = source();
    const cycle = (async () => {
      for await (const _ of createPager(listThings, undefined, cycling.src).pages());
    })().catch((e: unknown) => e);
    await cycling.settle();
    cycling.asked[0]!.answer(body(['a'], 'A'));
    await cycling.settle();
    cycling.asked[1]!.answer(body(['b'], 'A'));
    expect(String(await cycle)).toMatch(/paging cycle/);
    expect(cycling.asked.map((a) => a.token)).toEqual([undefined, 'A']);

    const limited = source(1);
    const one = (async () => {
      for await (const _ of createPager(listThings, undefined, limited.src).pages());
    })().catch((e: unknown) => e);
    await limited.settle();
    limited.asked[0]!.answer(body(['a'], 'T2'));
    expect(String(await one)).toMatch(/maxPages/);
    expect(limited.asked.map((a) => a.token)).toEqual([undefined]);
  });
});
