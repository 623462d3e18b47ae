// Runtime benchmark: `npx tsx bench/runtime/run.ts`.
//
// 1. Per-request overhead on loopback: the runtime's `get` against raw
//    `fetch` and bare `openapi-fetch`. Many short rounds: in each, every
//    contender runs one block of BENCH_BLOCK sequential GETs, in an order
//    shuffled afresh each round (seeded), so that no contender always follows
//    another (the garbage one block leaves is collected in the next). Per
//    round, a contender's wall and CPU time per request (CPU from
//    process.cpuUsage; the server runs in a child process) is divided by raw
//    fetch's in the same round; the table gives the median of these paired
//    ratios with its 95% confidence interval (order statistics, stats.ts).
//    Raw fetch a second time, as a contender of its own, is the noise floor:
//    its interval shows what the method resolves.
// 2. Paging (limit=500) against raw fetch paging the same pages
//    sequentially, as a loop written by hand does (request a page, read it,
//    then request the next); the runtime's pager prefetches the next page
//    while the consumer reads one. Throughput from many paired rounds
//    (100,000 items a side, order shuffled), with a consumer that only counts
//    the items and one that does some work per item, the latter also against
//    a server that takes 2 ms per page (server.mjs: an account
//    acc-<n>-delay<ms>); memory from 20,000, 100,000 and 300,000 items: bytes
//    allocated, the heap's exact high-water mark with GC left to V8, and the
//    live heap with a full GC after each page (what the loop holds), to show
//    that neither grows with the number of items past the young generation.
// 3. Size of the runtime minified and gzipped: what a bundle carries for
//    `createAstraClient` from the public entry, with openapi-fetch external (the
//    budget is on top of it) and generated/ external (the resource tree and the
//    problem catalogue are generated code, not runtime). Also reported: the
//    issue's example imports, and the whole public API of src/index.ts.
//
// Env: BENCH_BLOCK (requests per contender per round, default 25),
// BENCH_ROUNDS (default 1000; `--quick`: 100), BENCH_PARTS (a comma list of
// per-request, own-cost, paging, size: what to run; default all). A full run
// (not `--quick`, every part) writes its tables into README.md between the
// `bench:runtime` markers.
//
// Beside the runtime and its peer: the runtime with its timeout off; the
// runtime given a fetch of the caller's (which carries every request, as it
// would a test's mock); undici's global dispatcher called by hand (the floor
// under the runtime's transport, src/internal/transport.ts); and raw-fetch variants that price each way
// of giving a request a timeout that really cancels it, the alternatives the
// runtime was measured against: a fresh AbortController and timer per
// request, one shared signal per 50 ms deadline slot (a timer wheel), an
// undici Agent with headersTimeout/bodyTimeout as the dispatcher (the npm
// package, of the version Node 20 bundles), and the per-attempt Deadline the
// runtime adopted (src/internal/deadline.ts: the request's dispatcher, no
// signal).

import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { cpus, loadavg } from 'node:os';
import createClient from 'openapi-fetch';
import { Agent } from 'undici';
import { createRuntime } from '../../src/internal/runtime.js';
import { Deadline } from '../../src/internal/deadline.js';
import { globalDispatcher, type DispatchOptions, type Dispatcher } from '../../src/internal/transport.js';
import { SDK_USER_AGENT } from '../../src/internal/request.js';
import type { OperationDescriptor } from '../../src/operation.js';
import { BUDGET_ENTRY, RUNTIME_BUDGET_BYTES, bundleSize } from '../support/bundle-size.ts';
import { median, medianInterval, seededRandom, shuffled } from './stats.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const BLOCK = Number(process.env.BENCH_BLOCK ?? 25);
const QUICK = process.argv.includes('--quick');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 100 : 1000));
const OWN_ROUNDS = QUICK ? 31 : 101;
const PAGING_ROUNDS = QUICK ? 1 : 5;
/** The largest listing of the memory rows: past the young generation's size, where the peak must stop growing. */
const MEMORY_LARGE = 300_000;
const THROUGHPUT_ROUNDS = QUICK ? 7 : 31;
const THROUGHPUT_ITEMS = 100_000;
/** The server's answer time per page in the throughput rows that stand for a network and a service. */
const PAGE_DELAY_MS = 2;
const PARTS = (process.env.BENCH_PARTS ?? 'per-request,own-cost,paging,size').split(',');
const ALL_PARTS = ['per-request', 'own-cost', 'paging', 'size'].every((p) => PARTS.includes(p));
const ACCOUNT = 'acc-bench';
const TOKEN = 'bench-token-0123456789';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const getCredential: OperationDescriptor = {
  id: 'getCredential',
  method: 'GET',
  path: '/accounts/{account_id}/core/v1/credentials/{credential_id}',
  pathParams: ['credential_id'],
  responseMediaType: 'application/astra-credential+json',
};
const listCredentials: OperationDescriptor = {
  id: 'listCredentials',
  method: 'GET',
  path: '/accounts/{account_id}/core/v1/credentials',
  pathParams: [],
  responseMediaType: 'application/json',
  pagination: 'continue',
  queryParams: ['continue', 'filter', 'include', 'limit', 'orderBy'],
};

interface BenchPaths {
  '/accounts/{account_id}/core/v1/credentials/{credential_id}': {
    get: {
      parameters: { path: { account_id: string; credential_id: string } };
      responses: { 200: { content: { 'application/astra-credential+json': Record<string, unknown> } } };
    };
  };
}

const fmt = (x: number, d = 1) => x.toFixed(d);

async function main() {
  const child = fork(path.join(here, 'server.mjs'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve) => child.once('message', (m: { port: number }) => resolve(m.port)));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    // Paging first, on a fresh heap: the per-request part leaves the heap full of its contenders'
    // garbage (the slot-signal row's timers and controllers live 30 s), which the paging rounds
    // after it paid for unevenly.
    const paging = PARTS.includes('paging') ? await benchPaging(baseUrl) : undefined;
    const perRequest = PARTS.includes('per-request') ? await benchPerRequest(baseUrl) : [];
    const ownCost = PARTS.includes('own-cost') ? await benchOwnCost() : [];
    const size = PARTS.includes('size') ? await benchSize() : [];
    report(perRequest, ownCost, paging, size);
  } finally {
    child.disconnect();
    child.kill();
  }
}

// ---- 1. per-request overhead ------------------------------------------------

type Contender = { name: string; once: () => Promise<unknown> };

async function benchPerRequest(baseUrl: string) {
  const url = `${baseUrl}/accounts/${ACCOUNT}/core/v1/credentials/c1`;
  const rawHeaders = { authorization: `Bearer ${TOKEN}`, accept: 'application/astra-credential+json' };
  const rt = createRuntime({ baseUrl, accountId: ACCOUNT, token: TOKEN });
  const rtNoTimeout = createRuntime({ baseUrl, accountId: ACCOUNT, token: TOKEN, timeoutMs: 0 });
  const rtFetch = createRuntime({ baseUrl, accountId: ACCOUNT, token: TOKEN, fetch: (u, i) => fetch(u, i) });
  const dispatcher = globalDispatcher()!;
  const dispatchOptions = {
    origin: new URL(baseUrl).origin,
    path: new URL(url).pathname,
    method: 'GET',
    headers: { ...rawHeaders, 'user-agent': SDK_USER_AGENT },
  };
  const byHand = () => dispatchJson(dispatcher, dispatchOptions);
  const agent = new Agent({ headersTimeout: 30_000, bodyTimeout: 30_000 });
  const of = createClient<BenchPaths>({ baseUrl, headers: rawHeaders });
  const runtimeHeaders = { ...rawHeaders, 'user-agent': SDK_USER_AGENT };
  const contenders: Contender[] = [
    { name: 'raw fetch', once: () => fetch(url, { headers: rawHeaders }).then((r) => r.json()) },
    // The same code again: how far from 1.000 the machine's noise alone puts a ratio in this run.
    {
      name: 'raw fetch again (the noise floor)',
      once: () => fetch(url, { headers: rawHeaders }).then((r) => r.json()),
    },
    {
      name: 'openapi-fetch',
      once: () =>
        of.GET('/accounts/{account_id}/core/v1/credentials/{credential_id}', {
          params: { path: { account_id: ACCOUNT, credential_id: 'c1' } },
        }),
    },
    { name: 'runtime get', once: () => rt.get(getCredential, ['c1']) },
    { name: 'runtime get, timeout off (timeoutMs: 0)', once: () => rtNoTimeout.get(getCredential, ['c1']) },
    // What a client given a fetch of its own pays: every request goes through fetch.
    { name: 'runtime get through fetch (a fetch of the caller’s)', once: () => rtFetch.get(getCredential, ['c1']) },
    // The runtime's transport without the runtime: the floor under the runtime's own work.
    { name: "undici's global dispatcher by hand (a handler keeping the body, then JSON.parse)", once: () => byHand() },
    // What the runtime asks of fetch, without the runtime: its three headers, method, manual redirects, text then JSON.parse.
    {
      name: "raw fetch with the runtime's request (user-agent, method, redirect: 'manual', text + JSON.parse)",
      once: () =>
        fetch(url, { headers: runtimeHeaders, method: 'GET', redirect: 'manual' })
          .then((r) => r.text())
          .then(JSON.parse),
    },
    {
      name: 'raw fetch + AbortController and timer per request',
      once: () => {
        const ctrl = new AbortController();
        const timer = setTimeout(() => ctrl.abort(), 30_000);
        return fetch(url, { headers: rawHeaders, signal: ctrl.signal })
          .then((r) => r.json())
          .finally(() => clearTimeout(timer));
      },
    },
    {
      name: 'raw fetch + shared 50 ms deadline-slot signal',
      once: () => fetch(url, { headers: rawHeaders, signal: slotSignal(30_000) }).then((r) => r.json()),
    },
    {
      name: 'raw fetch + undici Agent, headersTimeout/bodyTimeout, as dispatcher',
      once: () => fetch(url, { headers: rawHeaders, dispatcher: agent } as RequestInit).then((r) => r.json()),
    },
    {
      name: 'raw fetch + a timer per request (setTimeout and clearTimeout, cancelling nothing)',
      once: async () => {
        const timer = setTimeout(() => {}, 30_000);
        try {
          return await (await fetch(url, { headers: rawHeaders })).json();
        } finally {
          clearTimeout(timer);
        }
      },
    },
    {
      name: 'raw fetch + per-attempt Deadline as dispatcher, one shared timer (adopted)',
      once: async () => {
        const deadline = new Deadline(30_000);
        try {
          return await (await fetch(url, { headers: rawHeaders, dispatcher: deadline } as RequestInit)).json();
        } finally {
          deadline.clear();
        }
      },
    },
  ];
  for (const c of contenders) for (let i = 0; i < 2000; i++) await c.once();
  const wall = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  const cpu = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  const random = seededRandom(20261207);
  for (let r = 0; r < ROUNDS; r++) {
    for (const c of shuffled(contenders, random)) {
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < BLOCK; i++) await c.once();
      const dt = Number(process.hrtime.bigint() - t0) / 1000 / BLOCK;
      const dc = process.cpuUsage(c0);
      wall.get(c.name)!.push(dt);
      cpu.get(c.name)!.push((dc.user + dc.system) / BLOCK);
    }
  }
  await agent.close();
  /** This contender's per-round ratios to raw fetch in the same round. */
  const ratios = (xs: number[], base: number[]) => xs.map((x, i) => x / base[i]!);
  return contenders.map((c): PerRequestResult => {
    const wallRatios = ratios(wall.get(c.name)!, wall.get('raw fetch')!);
    const cpuRatios = ratios(cpu.get(c.name)!, cpu.get('raw fetch')!);
    return {
      name: c.name,
      wall: median(wall.get(c.name)!),
      cpu: median(cpu.get(c.name)!),
      wallRatio: median(wallRatios),
      wallInterval: medianInterval(wallRatios),
      cpuRatio: median(cpuRatios),
      cpuInterval: medianInterval(cpuRatios),
    };
  });
}

interface PerRequestResult {
  name: string;
  /** Median µs per request. */
  wall: number;
  cpu: number;
  /** Median of the per-round ratios to raw fetch, and its 95% confidence interval. */
  wallRatio: number;
  wallInterval: { low: number; high: number };
  cpuRatio: number;
  cpuInterval: { low: number; high: number };
}

/** A timer wheel: one AbortSignal per 50 ms slot of deadlines, shared by every request whose deadline falls in it. */
const slots = new Map<number, AbortController>();
function slotSignal(timeoutMs: number): AbortSignal {
  const end = Math.ceil((performance.now() + timeoutMs) / 50) * 50;
  let ctrl = slots.get(end);
  if (!ctrl) {
    const c = (ctrl = new AbortController());
    slots.set(end, c);
    setTimeout(() => {
      slots.delete(end);
      c.abort();
    }, end - performance.now()).unref();
  }
  return ctrl.signal;
}

// ---- 1b. the runtime's own cost -------------------------------------------

/** A GET through `dispatcher` written by hand: the body kept, then parsed. */
function dispatchJson(dispatcher: Dispatcher, options: DispatchOptions): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    dispatcher.dispatch(options, {
      onConnect() {},
      onHeaders: () => true,
      onData: (chunk) => chunks.push(chunk) > 0,
      onComplete: () => resolve(JSON.parse(Buffer.concat(chunks).toString())),
      onError: reject,
    });
  });
}

/**
 * The runtime's own CPU per request, without the network: undici's global
 * dispatcher replaced by one that answers every request at once (on a
 * microtask, the headers and the whole body), against the same answer taken
 * by hand (dispatchJson). Interleaved like the loopback table; what is left
 * is the runtime's JavaScript, which a loaded machine inflates far less than
 * a round trip through the kernel and a server process.
 */
async function benchOwnCost() {
  const body = Buffer.from(JSON.stringify({ id: 'c1', name: 'bench-credential', metadata: { labels: [] } }));
  const rawHeaders = ['content-type', 'application/astra-credential+json', 'content-length', String(body.length)].map(
    (x) => Buffer.from(x),
  );
  const stub: Dispatcher = {
    dispatch(_options, handler) {
      queueMicrotask(() => {
        handler.onConnect?.(() => {});
        handler.onHeaders?.(200, rawHeaders as never, () => {}, 'OK');
        handler.onData?.(body as never);
        handler.onComplete?.([]);
      });
      return true;
    },
  };
  const key = Symbol.for('undici.globalDispatcher.1');
  const global = globalThis as unknown as Record<symbol, unknown>;
  const real = global[key];
  global[key] = stub;
  try {
    const baseUrl = 'http://127.0.0.1:9';
    const rt = createRuntime({ baseUrl, accountId: ACCOUNT, token: TOKEN });
    const rtNoTimeout = createRuntime({ baseUrl, accountId: ACCOUNT, token: TOKEN, timeoutMs: 0 });
    const options = {
      origin: baseUrl,
      path: `/accounts/${ACCOUNT}/core/v1/credentials/c1`,
      method: 'GET',
      headers: { authorization: `Bearer ${TOKEN}` },
    };
    const contenders: Contender[] = [
      { name: 'the answer taken by hand', once: () => dispatchJson(stub, options) },
      { name: 'runtime get', once: () => rt.get(getCredential, ['c1']) },
      { name: 'runtime get, timeout off', once: () => rtNoTimeout.get(getCredential, ['c1']) },
    ];
    const calls = 2000;
    for (const c of contenders) for (let i = 0; i < 10 * calls; i++) await c.once();
    const cpu = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
    for (let r = 0; r < OWN_ROUNDS; r++)
      for (let k = 0; k < contenders.length; k++) {
        const c = contenders[(k + r) % contenders.length] as Contender;
        const c0 = process.cpuUsage();
        for (let i = 0; i < calls; i++) await c.once();
        const dc = process.cpuUsage(c0);
        cpu.get(c.name)!.push((dc.user + dc.system) / calls);
      }
    const base = median(cpu.get('the answer taken by hand')!);
    return contenders.map((c) => ({
      name: c.name,
      cpu: median(cpu.get(c.name)!),
      own: median(cpu.get(c.name)!) - base,
    }));
  } finally {
    global[key] = real;
  }
}

// ---- 2. paging --------------------------------------------------------------

interface PagingResult {
  name: string;
  items: number;
  ms: number;
  cpuMs: number;
  /** Bytes the JavaScript heap took in during the run (garbage included), MB. */
  allocatedMB: number;
  /** The heap's high-water mark above the baseline, GC left to V8, MB. */
  peakMB: number;
  /** What the loop holds: the heap right after a full GC at each page, at most, above the baseline, MB. */
  liveMB: number;
  retainedMB: number;
}

/**
 * One paging run, measured twice over: with GC left to V8 (time, CPU, the
 * bytes allocated, and the heap's exact high-water mark: used heap only grows
 * between collections, so its peak is the largest size a collection found,
 * which v8.GCProfiler reports, or the size at the end), then again with a full
 * GC after each page (the largest heap left then is what the loop itself
 * holds: the page in hand, the request in flight; not garbage V8 has not
 * collected yet, which depends on when its heuristics choose to collect).
 */
async function measurePaging(
  name: string,
  items: number,
  run: (onPage: () => void) => Promise<number>,
): Promise<PagingResult> {
  const used = () => v8.getHeapStatistics().used_heap_size;
  gc();
  gc();
  const base = used();
  const profiler = new v8.GCProfiler();
  profiler.start();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const count = await run(() => {});
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const end = used();
  const collections = profiler.stop().statistics;
  if (count !== items) throw new Error(`${name}: got ${count} items, expected ${items}`);
  let peak = end;
  let allocated = 0;
  let after = base;
  for (const { beforeGC, afterGC } of collections) {
    peak = Math.max(peak, beforeGC.heapStatistics.usedHeapSize);
    allocated += beforeGC.heapStatistics.usedHeapSize - after;
    after = afterGC.heapStatistics.usedHeapSize;
  }
  allocated += end - after;
  gc();
  gc();
  const retained = used() - base;

  gc();
  gc();
  const liveBase = used();
  let live = liveBase;
  await run(() => {
    gc();
    live = Math.max(live, used());
  });
  const MB = 2 ** 20;
  return {
    name,
    items,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    allocatedMB: allocated / MB,
    peakMB: (peak - base) / MB,
    liveMB: (live - liveBase) / MB,
    retainedMB: retained / MB,
  };
}

/** What the consumer does with each item: count it, or work on it (a SHA-256 of its JSON, a few µs: the page's worth is of the order of a page's round trip). */
type ItemWork = 'count' | 'hash';
const consume = (work: ItemWork, item: { id: string }) =>
  work === 'count' ? (item.id ? 1 : 0) : createHash('sha256').update(JSON.stringify(item)).digest('hex').length && 1;

async function benchPaging(baseUrl: string) {
  // Each side pages to the end of the listing, so that neither leaves a request behind (the pager
  // cancels a prefetch it will not deliver, which closes its connection): the memory runs list
  // accounts of 100,000 and 20,000 items, the throughput rounds an account of THROUGHPUT_ITEMS (server.mjs).
  const lister = (accountId: string) => {
    const rt = createRuntime({ baseUrl, accountId, token: TOKEN });
    const listUrl = `${baseUrl}/accounts/${accountId}/core/v1/credentials?limit=500`;
    return { rt, listUrl };
  };
  const whole = lister(ACCOUNT);
  const twenty = lister('acc-20000');
  const large = lister(`acc-${MEMORY_LARGE}`);
  const small = lister(`acc-${THROUGHPUT_ITEMS}`);
  const slow = lister(`acc-${THROUGHPUT_ITEMS}-delay${PAGE_DELAY_MS}`);
  const headers = { authorization: `Bearer ${TOKEN}`, accept: 'application/json' };

  const runtimePaging =
    (max: number, work: ItemWork = 'count', { rt } = whole) =>
    async (onPage: () => void) => {
      let n = 0;
      for await (const page of rt.list<{ id: string }>(listCredentials, [], { limit: 500 }).pages()) {
        for (const it of page.items) n += consume(work, it);
        onPage();
        if (n >= max) break;
      }
      return n;
    };
  // The peer pages sequentially, as a loop written by hand does: request a page, read it, request the next.
  const rawPaging =
    (max: number, work: ItemWork = 'count', { listUrl } = whole) =>
    async (onPage: () => void) => {
      let n = 0;
      let cont: string | undefined;
      do {
        const res = await fetch(cont ? `${listUrl}&continue=${encodeURIComponent(cont)}` : listUrl, { headers });
        const body = (await res.json()) as { items: { id: string }[]; metadata: { continue?: string } };
        for (const it of body.items) n += consume(work, it);
        onPage();
        cont = body.metadata.continue;
      } while (cont && n < max);
      return n;
    };
  // Warm the server's page cache and both code paths.
  await runtimePaging(100_000)(() => {});
  await rawPaging(100_000)(() => {});

  // Memory (and time) at two sizes: rounds alternate which side goes first.
  const runs: PagingResult[][] = [];
  for (let r = 0; r < PAGING_ROUNDS; r++) {
    const round: PagingResult[] = [];
    for (const [items, listing] of [
      [MEMORY_LARGE, large],
      [100_000, whole],
      [20_000, twenty],
    ] as const) {
      const raw = () => measurePaging('raw fetch', items, rawPaging(items, 'count', listing));
      const sdk = () => measurePaging('runtime', items, runtimePaging(items, 'count', listing));
      if (r % 2) round.push(await sdk(), await raw());
      else round.push(await raw(), await sdk());
    }
    runs.push(round);
  }
  const keyOf = (x: PagingResult) => `${x.name}|${x.items}`;
  const groups = new Map<string, PagingResult[]>();
  for (const x of runs.flat()) groups.set(keyOf(x), [...(groups.get(keyOf(x)) ?? []), x]);
  const memory = [...groups.values()].map((g) => ({
    name: g[0]!.name,
    items: g[0]!.items,
    ms: median(g.map((x) => x.ms)),
    cpuMs: median(g.map((x) => x.cpuMs)),
    allocatedMB: median(g.map((x) => x.allocatedMB)),
    peakMB: median(g.map((x) => x.peakMB)),
    peakRange: [Math.min(...g.map((x) => x.peakMB)), Math.max(...g.map((x) => x.peakMB))] as const,
    liveMB: median(g.map((x) => x.liveMB)),
    retainedMB: median(g.map((x) => x.retainedMB)),
  }));

  // Throughput: many short paired rounds (THROUGHPUT_ITEMS each side, order shuffled), per consumer.
  const random = seededRandom(7);
  const throughput = (
    [
      ['count', small],
      ['hash', small],
      ['hash', slow],
    ] as const
  ).map(([work, listing]) => {
    const ratios: number[] = [];
    const ms = { raw: [] as number[], runtime: [] as number[] };
    return { work, listing, delayMs: listing === slow ? PAGE_DELAY_MS : 0, ratios, ms };
  });
  for (let r = 0; r < THROUGHPUT_ROUNDS; r++)
    for (const t of throughput) {
      const round: Record<string, number> = {};
      for (const side of shuffled(['raw', 'runtime'] as const, random)) {
        const run =
          side === 'raw'
            ? rawPaging(THROUGHPUT_ITEMS, t.work, t.listing)
            : runtimePaging(THROUGHPUT_ITEMS, t.work, t.listing);
        const t0 = performance.now();
        await run(() => {});
        round[side] = performance.now() - t0;
        t.ms[side].push(round[side]!);
      }
      t.ratios.push(round['raw']! / round['runtime']!);
    }
  return {
    memory,
    throughput: throughput.map((t) => ({
      work: t.work,
      delayMs: t.delayMs,
      rawMs: median(t.ms.raw),
      runtimeMs: median(t.ms.runtime),
      ratio: median(t.ratios),
      interval: medianInterval(t.ratios),
    })),
  };
}

type PagingReport = Awaited<ReturnType<typeof benchPaging>>;

// ---- 3. size ----------------------------------------------------------------

async function measuredSize(name: string, contents: string, budget: boolean) {
  return { name, ...(await bundleSize(contents)), budget };
}

async function benchSize() {
  return [
    await measuredSize('createAstraClient (the budget)', BUDGET_ENTRY, true),
    await measuredSize(
      "the issue's example: createAstraClient, NotFoundError, where",
      `export { createAstraClient, NotFoundError, where } from './src/index.ts';`,
      false,
    ),
    await measuredSize('whole public API of src/index.ts', `export * from './src/index.ts';`, false),
  ];
}

// ---- report -----------------------------------------------------------------

/** A ratio with its 95% confidence interval. */
const withInterval = (ratio: number, { low, high }: { low: number; high: number }) =>
  `${fmt(ratio, 3)} (${fmt(low, 3)}–${fmt(high, 3)})`;

function report(
  per: PerRequestResult[],
  own: { name: string; cpu: number; own: number }[],
  paging: PagingReport | undefined,
  size: { name: string; min: number; gz: number; budget: boolean }[],
) {
  const lines: string[] = [];
  if (per.length) {
    lines.push(
      `Node ${process.version}, ${process.platform}/${process.arch}; ${ROUNDS} rounds, each one block of ${BLOCK} sequential GETs per contender in a freshly shuffled order; µs = median per request; ratio = median of the per-round ratios to raw fetch in the same round, with its 95% confidence interval (order statistics).`,
      '',
      '| per-request GET | wall µs | wall × raw fetch (95% CI) | CPU µs | CPU × raw fetch (95% CI) |',
      '|---|---:|---:|---:|---:|',
    );
    for (const p of per)
      lines.push(
        `| ${p.name} | ${fmt(p.wall)} | ${withInterval(p.wallRatio, p.wallInterval)} | ${fmt(p.cpu)} | ${withInterval(p.cpuRatio, p.cpuInterval)} |`,
      );
  }
  const rawCpu = per.find((p) => p.name === 'raw fetch')?.cpu;
  if (own.length) {
    lines.push(
      '',
      `The runtime's own CPU per request: undici's dispatcher stubbed with one that answers at once, ${OWN_ROUNDS} interleaved rounds of 2000 calls; "share" = the difference against the answer taken by hand, as a share of raw fetch's loopback CPU above.`,
      '',
      '| dispatcher stubbed | CPU µs | runtime’s own µs | share of raw fetch’s CPU |',
      '|---|---:|---:|---:|',
    );
    for (const o of own)
      lines.push(
        `| ${o.name} | ${fmt(o.cpu, 2)} | ${o.own ? fmt(o.own, 2) : ''} | ${o.own && rawCpu ? `${fmt((o.own / rawCpu) * 100)}%` : ''} |`,
      );
  }
  if (paging) {
    lines.push(
      '',
      `Paging throughput: ${THROUGHPUT_ROUNDS} rounds, each ${THROUGHPUT_ITEMS} items (limit=500) by each side in a shuffled order; ratio = median of the per-round ratios of throughput (raw fetch's time / the runtime's), with its 95% confidence interval. Raw fetch pages sequentially (request a page, read it, request the next), as a loop written by hand does; the runtime prefetches the next page while the consumer reads one.`,
      '',
      '| paging throughput | raw fetch ms | runtime ms | runtime throughput × raw fetch (95% CI) |',
      '|---|---:|---:|---:|',
    );
    const workName = {
      count: 'consumer counts each item',
      hash: 'consumer hashes each item (SHA-256 of its JSON)',
    };
    for (const t of paging.throughput)
      lines.push(
        `| ${workName[t.work]}${t.delayMs ? `; the server answers each page after ${t.delayMs} ms` : ''} | ${fmt(t.rawMs)} | ${fmt(t.runtimeMs)} | ${withInterval(t.ratio, t.interval)} |`,
      );
    lines.push(
      '',
      `Paging memory: ${PAGING_ROUNDS} rounds at each size, the two sides alternating which goes first; medians. Each run is measured with GC left to V8 (time, CPU, bytes allocated, and the heap's exact high-water mark above the post-GC baseline, from v8.GCProfiler: the largest heap a collection found; its range over the rounds in brackets), then again with a full GC after each page (the largest heap left: what the loop holds, the page in hand and any request in flight).`,
      '',
      '| paging, limit=500 | items | ms | client CPU ms | allocated MB | peak heap MB, GC left to V8 (range) | peak live heap MB, full GC after each page | retained after GC MB |',
      '|---|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const p of paging.memory.sort((a, b) => b.items - a.items || a.name.localeCompare(b.name)))
      lines.push(
        `| ${p.name} | ${p.items} | ${fmt(p.ms, 0)} | ${fmt(p.cpuMs, 0)} | ${fmt(p.allocatedMB)} | ${fmt(p.peakMB)} (${fmt(p.peakRange[0])}–${fmt(p.peakRange[1])}) | ${fmt(p.liveMB, 2)} | ${fmt(p.retainedMB, 2)} |`,
      );
  }
  if (size.length) {
    lines.push(
      '',
      `| bundle (esbuild, minified; openapi-fetch and generated/ external) | min bytes | gzip bytes | budget ${RUNTIME_BUDGET_BYTES} |`,
      '|---|---:|---:|---|',
    );
    for (const s of size)
      lines.push(
        `| ${s.name} | ${s.min} | ${s.gz} | ${s.budget ? (s.gz < RUNTIME_BUDGET_BYTES ? 'within' : 'OVER') : '(for information)'} |`,
      );
  }
  const text = lines.join('\n');
  console.log(text);
  if (!QUICK && ALL_PARTS) writeReadme(text);
}

/** Replaces the runtime figures in README.md (between the bench:runtime markers) with this run's. */
function writeReadme(text: string) {
  const file = path.join(root, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const begin = '<!-- bench:runtime:begin (npm run bench) -->';
  const end = '<!-- bench:runtime:end -->';
  const i = readme.indexOf(begin);
  const j = readme.indexOf(end);
  if (i < 0 || j < i) {
    console.error('README.md has no bench:runtime markers: figures not written.');
    return;
  }
  const stamp = `Measured ${new Date().toISOString().slice(0, 10)}, load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores.`;
  writeFileSync(file, readme.slice(0, i + begin.length) + `\n${stamp}\n\n${text}\n` + readme.slice(j));
  console.log('\nREADME.md: runtime figures written.');
}

await main();
