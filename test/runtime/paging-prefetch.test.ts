// The pager's prefetch against the fault harness server: page N+1 is
// requested while the consumer works through page N, never further ahead,
// never past a bound, and it leaves nothing behind when the consumer stops.
// Every wait is on an event (a request arriving, a connection closing, a
// hook firing); nothing asserts on elapsed time.

import type http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { json, problem, startServer, type Recorded, type TestServer } from './support/server.js';
import { collection, pageOf, runtimeFor } from './support/runtime.js';
import { listCredentials, type Credential } from './support/descriptors.js';
import {
  AstraAbortError,
  AstraInvalidResponseError,
  AstraPageLimitError,
  InternalServerError,
  type AstraError,
} from '../../src/errors.js';
import type { ErrorEvent, RequestEvent, ResponseEvent } from '../../src/hooks.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const items = collection(1_000);
const offsetOf = (req: Recorded) => {
  const cont = req.url.searchParams.get('continue');
  return cont ? Number(Buffer.from(cont, 'base64').toString()) : 0;
};

/** Lets every callback already due run (promise jobs, then I/O callbacks): an ordering, not a delay. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** Unhandled rejections seen while a test runs. */
let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
process.on('unhandledRejection', onUnhandled);
afterEach(() => {
  expect(unhandled).toEqual([]);
  unhandled = [];
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});

/** A runtime whose hooks record every request sent (synchronously, before fetch), every response and every onError. */
function observed(overrides: Parameters<typeof runtimeFor>[1] = {}) {
  const sent: RequestEvent[] = [];
  const errors: ErrorEvent[] = [];
  const responses: ResponseEvent[] = [];
  let onResponse: ((e: ResponseEvent) => void) | undefined;
  const rt = runtimeFor(server, {
    ...overrides,
    hooks: {
      onRequest: (e) => sent.push(e),
      onResponse: (e) => (responses.push(e), onResponse?.(e)),
      onError: (e) => errors.push(e),
    },
  });
  /** Resolves when a response with `status` has arrived. */
  const responded = (status: number) =>
    new Promise<void>((resolve) => {
      if (responses.some((r) => r.status === status)) return resolve();
      onResponse = (e) => e.status === status && resolve();
    });
  return { rt, sent, errors, responded };
}

/** A handler that holds the request at `offset` open (never answers) and resolves `closed` when the client drops it. */
function holding(offset: number) {
  let closedByClient!: () => void;
  const closed = new Promise<void>((resolve) => (closedByClient = resolve));
  const handler = (req: Recorded, res: http.ServerResponse) => {
    if (offsetOf(req) !== offset) return json(res, 200, pageOf(items, req.url));
    res.on('close', () => {
      if (!res.writableFinished) closedByClient();
    });
  };
  return { handler, closed };
}

describe('the pager prefetches one page ahead', () => {
  it('requests page 2 while the consumer still holds page 1, and never page 3', async () => {
    server.handle((req, res) => json(res, 200, pageOf(items, req.url)));
    const { rt, sent, responded } = observed();
    const pages = rt.list<Credential>(listCredentials, [], { limit: 100 }).pages()[Symbol.asyncIterator]();
    const first = await pages.next();
    expect(first.value.items.map((c: Credential) => c.id)).toEqual(items.slice(0, 100).map((c) => c.id));
    // Not asked for page 2 yet: it is requested anyway, with page 1's token.
    await server.arrived(2);
    expect(offsetOf(server.requests[1]!)).toBe(100);
    await responded(200);
    await settle();
    // Page 2 has arrived and is held; page 3 waits for the consumer.
    expect(sent).toHaveLength(2);
    const second = await pages.next();
    expect(second.value.items[0].id).toBe('id-100');
    await server.arrived(3);
    expect(offsetOf(server.requests[2]!)).toBe(200);
    await pages.return!(undefined);
  });

  it('a continue token guessed wrong from the text (an item carries metadata of its own) costs a request, never an item', async () => {
    // The envelope's metadata comes first, and each item ends with metadata naming a token the server never issued.
    server.handle((req, res) => {
      const page = pageOf(items.slice(0, 30), req.url, 10);
      const withDecoy = page.items.map((it) => ({ ...it, metadata: { continue: 'decoy' } }));
      json(res, 200, { metadata: page.metadata, items: withDecoy });
    });
    const { rt, errors } = observed();
    const ids: string[] = [];
    for await (const c of rt.list<Credential>(listCredentials, [], { limit: 10 })) ids.push(c.id);
    expect(ids).toEqual(items.slice(0, 30).map((c) => c.id));
    expect(errors).toEqual([]);
    // Every real page was requested once; a decoy request, if it got out before its cancel, changed nothing.
    const offsets = server.requests.filter((r) => r.url.searchParams.get('continue') !== 'decoy').map(offsetOf);
    expect(offsets).toEqual([0, 10, 20]);
  });

  it('delivers every item once, in order, across 1,000 items', async () => {
    server.handle((req, res) => json(res, 200, pageOf(items, req.url)));
    const { rt, sent } = observed();
    const ids: string[] = [];
    for await (const c of rt.list<Credential>(listCredentials, [], { limit: 70 })) ids.push(c.id);
    expect(ids).toEqual(items.map((c) => c.id));
    expect(sent).toHaveLength(15);
  });
});

describe('a prefetch never goes past a bound', () => {
  it('toArray({ max }) reached in the middle of a page: no request after that page', async () => {
    server.handle((req, res) => json(res, 200, pageOf(items, req.url)));
    const { rt, sent } = observed();
    const got = await rt.list<Credential>(listCredentials, [], { limit: 10 }).toArray({ max: 15 });
    expect(got.map((c) => c.id)).toEqual(items.slice(0, 15).map((c) => c.id));
    await settle();
    expect(sent).toHaveLength(2);
    expect(server.requests).toHaveLength(2);
  });

  it('toArray({ max }) reached at the end of a page: that page is the last request', async () => {
    server.handle((req, res) => json(res, 200, pageOf(items, req.url)));
    const { rt, sent } = observed();
    expect(await rt.list<Credential>(listCredentials, [], { limit: 10 }).toArray({ max: 20 })).toHaveLength(20);
    expect(await rt.list<Credential>(listCredentials, [], { limit: 10 }).toArray({ max: 10 })).toHaveLength(10);
    await settle();
    expect(sent).toHaveLength(3);
  });

  it('maxPages: exactly that many requests, then AstraPageLimitError', async () => {
    server.handle((req, res) => json(res, 200, pageOf(items, req.url)));
    const { rt, sent } = observed();
    const err = await rt
      .list<Credential>(listCredentials, [], { limit: 10 })
      .toArray({ max: 1000, maxPages: 3 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AstraPageLimitError);
    await settle();
    expect(sent).toHaveLength(3);
    // The client-wide bound, through pages().
    const limited = observed({ maxPages: 2 });
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const page of limited.rt.list<Credential>(listCredentials, [], { limit: 10 }).pages())
          seen.push(page.items.length);
      })(),
    ).rejects.toBeInstanceOf(AstraPageLimitError);
    expect(seen).toEqual([10, 10]);
    expect(limited.sent).toHaveLength(2);
  });
});

describe('a repeated continue token', () => {
  it('is detected before anything from the repeated page is delivered, though that page was prefetched', async () => {
    // Tokens A, B, then A again: the page after B (prefetched while the consumer read B's) repeats A.
    const next: Record<string, string> = { '': 'A', A: 'B', B: 'A' };
    server.handle((req, res) => {
      const token = req.url.searchParams.get('continue') ?? '';
      json(res, 200, { items: [{ id: `after-${token || 'start'}` }], metadata: { continue: next[token] } });
    });
    const { rt, errors } = observed();
    const got: string[] = [];
    const err = await (async () => {
      for await (const c of rt.list<{ id: string }>(listCredentials, [])) got.push(c.id);
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AstraInvalidResponseError);
    expect((err as Error).message).toMatch(/paging cycle/);
    expect(got).toEqual(['after-start', 'after-A']);
    expect(server.requests).toHaveLength(3);
    expect(errors.map((e) => e.error)).toEqual([err]);
  });
});

describe('a failed prefetch', () => {
  it('is reported when the consumer reaches it, and not before', async () => {
    server.handle((req, res) => (offsetOf(req) === 10 ? problem(res, 500, 7) : json(res, 200, pageOf(items, req.url))));
    const { rt, errors, responded } = observed();
    const ids: string[] = [];
    const err = await (async () => {
      for await (const c of rt.list<Credential>(listCredentials, [], { limit: 10 })) {
        if (ids.length === 0) {
          // Page 2 has failed while the consumer is still on page 1.
          await responded(500);
          await settle();
        }
        expect(errors).toEqual([]);
        ids.push(c.id);
      }
    })().catch((e: unknown) => e);
    expect(ids).toEqual(items.slice(0, 10).map((c) => c.id));
    expect(err).toBeInstanceOf(InternalServerError);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.error).toBe(err);
    expect(errors[0]!.request?.url).toContain('continue=');
  });

  it('is dropped, without an unhandled rejection or onError, when the consumer stops first', async () => {
    server.handle((req, res) => (offsetOf(req) === 10 ? problem(res, 500, 7) : json(res, 200, pageOf(items, req.url))));
    const { rt, errors, responded } = observed();
    const ids: string[] = [];
    for await (const c of rt.list<Credential>(listCredentials, [], { limit: 10 })) {
      await responded(500);
      await settle();
      ids.push(c.id);
      break;
    }
    await settle();
    expect(ids).toEqual(['id-0']);
    expect(errors).toEqual([]);
    // The next iteration starts over and meets the failure itself.
    await expect(rt.list<Credential>(listCredentials, [], { limit: 10 }).toArray({ max: 100 })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(errors).toHaveLength(1);
  });
});

describe('cancelling a prefetch', () => {
  it('breaking out of for await closes the prefetch connection; nothing is reported', async () => {
    const { handler, closed } = holding(10);
    server.handle(handler);
    const { rt, errors } = observed();
    const ids: string[] = [];
    for await (const c of rt.list<Credential>(listCredentials, [], { limit: 10 })) {
      await server.arrived(2);
      ids.push(c.id);
      break;
    }
    // The server sees the held request dropped by the client.
    await closed;
    await settle();
    expect(ids).toEqual(['id-0']);
    expect(errors).toEqual([]);
  });

  it("the caller's abort cancels the prefetch at once, and the consumer gets AstraAbortError on reaching it", async () => {
    const { handler, closed } = holding(10);
    server.handle(handler);
    const { rt, errors } = observed();
    const ctrl = new AbortController();
    const ids: string[] = [];
    const err = await (async () => {
      for await (const c of rt.list<Credential>(listCredentials, [], { limit: 10 }, { signal: ctrl.signal })) {
        if (ids.length === 0) {
          await server.arrived(2);
          ctrl.abort();
          // Cancelled while the consumer is still on page 1.
          await closed;
        }
        ids.push(c.id);
      }
    })().catch((e: unknown) => e);
    expect(ids).toEqual(items.slice(0, 10).map((c) => c.id));
    expect(err).toBeInstanceOf(AstraAbortError);
    expect(errors.map((e) => e.error)).toEqual([err]);
  });

  it('an abort before the iteration starts sends nothing', async () => {
    server.handle((req, res) => json(res, 200, pageOf(items, req.url)));
    const { rt, sent } = observed();
    const ctrl = new AbortController();
    ctrl.abort();
    const err = (await rt
      .list<Credential>(listCredentials, [], { limit: 10 }, { signal: ctrl.signal })
      .toArray({ max: 100 })
      .catch((e: unknown) => e)) as AstraError;
    expect(err).toBeInstanceOf(AstraAbortError);
    expect(sent).toEqual([]);
  });
});
