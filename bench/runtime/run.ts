// Runtime benchmark: `npx tsx bench/runtime/run.ts`.
//
// 1. Per-request overhead on loopback: the runtime's `get` against raw
//    `fetch` and bare `openapi-fetch`, interleaved in the same run (the order
//    rotates every round), median over rounds of wall and CPU time per request
//    (CPU from process.cpuUsage; the server runs in a child process).
// 2. Paging 100,000 items with limit=500: throughput, and heap growth (peak
//    above a post-GC baseline, and what is retained afterwards) against raw
//    fetch paging the same pages; plus 20,000 items to show the peak does not
//    grow with the number of items.
// 3. Size of the runtime minified and gzipped: what a bundle carries for
//    `createAstraClient` from the public entry, with openapi-fetch external (the
//    budget is on top of it) and generated/ external (the resource tree and the
//    problem catalogue are generated code, not runtime). Also reported: the
//    issue's example imports, and the whole public API of src/index.ts.
//
// Env: BENCH_N (requests per contender per round, default 100), BENCH_ROUNDS
// (default 101; `--quick`: 31): short rounds keep the contenders of a round
// close in time on a loaded machine. Ratios are medians of per-round ratios (each
// round runs every contender back to back), which cancels most of the drift
// of a noisy machine. A full run (not `--quick`) writes its tables into
// README.md between the `bench:runtime` markers.
//
// Beside the runtime and its peer: the runtime with its timeout off (what
// the runtime costs by itself), and raw-fetch variants that price each way
// of giving a request a timeout that really cancels it, the alternatives the
// runtime was measured against: a fresh AbortController and timer per
// request, one shared signal per 50 ms deadline slot (a timer wheel), an
// undici Agent with headersTimeout/bodyTimeout as the dispatcher (the npm
// package, of the version Node 20 bundles), and the per-attempt Deadline the
// runtime adopted (src/internal/deadline.ts: the request's dispatcher, no
// signal).

import { fork } from 'node:child_process';
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
import type { OperationDescriptor } from '../../src/operation.js';
import { BUDGET_ENTRY, RUNTIME_BUDGET_BYTES, bundleSize } from '../support/bundle-size.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const N = Number(process.env.BENCH_N ?? 100);
const QUICK = process.argv.includes('--quick');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 31 : 101));
const PAGING_ROUNDS = QUICK ? 3 : 7;
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

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const fmt = (x: number, d = 1) => x.toFixed(d);

async function main() {
  const child = fork(path.join(here, 'server.mjs'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve) => child.once('message', (m: { port: number }) => resolve(m.port)));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const perRequest = await benchPerRequest(baseUrl);
    const ownCost = await benchOwnCost();
    const paging = await benchPaging(baseUrl);
    const size = await benchSize();
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
  const agent = new Agent({ headersTimeout: 30_000, bodyTimeout: 30_000 });
  const of = createClient<BenchPaths>({ baseUrl, headers: rawHeaders });
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
      name: 'raw fetch + per-request Deadline as dispatcher (adopted)',
      once: () => {
        const deadline = new Deadline(30_000);
        return deadline
          .race(fetch(url, { headers: rawHeaders, dispatcher: deadline } as RequestInit))
          .then((r) => r.json())
          .finally(() => deadline.clear());
      },
    },
  ];
  for (const c of contenders) for (let i = 0; i < 2000; i++) await c.once();
  const wall: Record<string, number[]> = {};
  const cpu: Record<string, number[]> = {};
  for (const c of contenders) ((wall[c.name] = []), (cpu[c.name] = []));
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[(k + r) % contenders.length] as Contender;
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < N; i++) await c.once();
      const dt = Number(process.hrtime.bigint() - t0) / 1000 / N;
      const dc = process.cpuUsage(c0);
      wall[c.name]!.push(dt);
      cpu[c.name]!.push((dc.user + dc.system) / N);
    }
  }
  await agent.close();
  const ratio = (xs: number[], base: number[]) => median(xs.map((x, i) => x / (base[i] as number)));
  return contenders.map((c) => ({
    name: c.name,
    wall: median(wall[c.name]!),
    cpu: median(cpu[c.name]!),
    wallRatio: ratio(wall[c.name]!, wall['raw fetch']!),
    cpuRatio: ratio(cpu[c.name]!, cpu['raw fetch']!),
  }));
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

/**
 * The runtime's own CPU per request, without the network or undici: the
 * global fetch replaced by a stub that answers with a ready Response (so the
 * runtime takes its Node-fetch path; the stub ignores the dispatcher), against
 * the stub called by hand. Interleaved like the loopback table; what is left
 * is the runtime's JavaScript, which a loaded machine inflates far less than
 * a round trip through the kernel and a server process.
 */
async function benchOwnCost() {
  const body = JSON.stringify({ id: 'c1', name: 'bench-credential', metadata: { labels: [] } });
  const stub = (() =>
    Promise.resolve(
      new Response(body, { headers: { 'content-type': 'application/astra-credential+json' } }),
    )) as typeof fetch;
  const realFetch = globalThis.fetch;
  globalThis.fetch = stub;
  try {
    const baseUrl = 'http://127.0.0.1:9';
    const rt = createRuntime({ baseUrl, accountId: ACCOUNT, token: TOKEN });
    const rtNoTimeout = createRuntime({ baseUrl, accountId: ACCOUNT, token: TOKEN, timeoutMs: 0 });
    const url = `${baseUrl}/accounts/${ACCOUNT}/core/v1/credentials/c1`;
    const contenders: Contender[] = [
      { name: 'stub fetch by hand', once: () => stub(url).then((r) => r.json()) },
      { name: 'runtime get', once: () => rt.get(getCredential, ['c1']) },
      { name: 'runtime get, timeout off', once: () => rtNoTimeout.get(getCredential, ['c1']) },
    ];
    const calls = 2000;
    for (const c of contenders) for (let i = 0; i < 10 * calls; i++) await c.once();
    const cpu = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
    for (let r = 0; r < ROUNDS; r++)
      for (let k = 0; k < contenders.length; k++) {
        const c = contenders[(k + r) % contenders.length] as Contender;
        const c0 = process.cpuUsage();
        for (let i = 0; i < calls; i++) await c.once();
        const dc = process.cpuUsage(c0);
        cpu.get(c.name)!.push((dc.user + dc.system) / calls);
      }
    const base = median(cpu.get('stub fetch by hand')!);
    return contenders.map((c) => ({
      name: c.name,
      cpu: median(cpu.get(c.name)!),
      own: median(cpu.get(c.name)!) - base,
    }));
  } finally {
    globalThis.fetch = realFetch;
  }
}

// ---- 2. paging --------------------------------------------------------------

interface PagingResult {
  name: string;
  items: number;
  ms: number;
  cpuMs: number;
  peakMB: number;
  retainedMB: number;
  /** Median over rounds of this run's items/s against raw fetch's in the same round (1 for raw fetch). */
  throughputRatio?: number;
}

async function measurePaging(
  name: string,
  items: number,
  run: (onPage: () => void) => Promise<number>,
): Promise<PagingResult> {
  gc();
  gc();
  const base = v8.getHeapStatistics().used_heap_size;
  let peak = base;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const count = await run(() => {
    const h = v8.getHeapStatistics().used_heap_size;
    if (h > peak) peak = h;
  });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  if (count !== items) throw new Error(`${name}: got ${count} items, expected ${items}`);
  gc();
  gc();
  const retained = v8.getHeapStatistics().used_heap_size - base;
  return {
    name,
    items,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakMB: (peak - base) / 2 ** 20,
    retainedMB: retained / 2 ** 20,
  };
}

async function benchPaging(baseUrl: string) {
  const rt = createRuntime({ baseUrl, accountId: ACCOUNT, token: TOKEN });
  const headers = { authorization: `Bearer ${TOKEN}`, accept: 'application/json' };
  const listUrl = `${baseUrl}/accounts/${ACCOUNT}/core/v1/credentials?limit=500`;

  const runtimePaging = (max: number) => async (onPage: () => void) => {
    let n = 0;
    for await (const page of rt.list<{ id: string }>(listCredentials, [], { limit: 500 }).pages()) {
      for (const it of page.items) if (it.id) n++;
      onPage();
      if (n >= max) break;
    }
    return n;
  };
  const rawPaging = (max: number) => async (onPage: () => void) => {
    let n = 0;
    let cont: string | undefined;
    do {
      const res = await fetch(cont ? `${listUrl}&continue=${encodeURIComponent(cont)}` : listUrl, { headers });
      const body = (await res.json()) as { items: { id: string }[]; metadata: { continue?: string } };
      for (const it of body.items) if (it.id) n++;
      onPage();
      cont = body.metadata.continue;
    } while (cont && n < max);
    return n;
  };
  // Warm the server's page cache and both code paths.
  await runtimePaging(100_000)(() => {});
  await rawPaging(100_000)(() => {});

  // Rounds alternate which side goes first; each round pairs the two sides at each size.
  const runs: PagingResult[][] = [];
  for (let r = 0; r < PAGING_ROUNDS; r++) {
    const round: PagingResult[] = [];
    for (const items of [100_000, 20_000]) {
      const raw = () => measurePaging('raw fetch', items, rawPaging(items));
      const sdk = () => measurePaging('runtime', items, runtimePaging(items));
      if (r % 2) round.push(await sdk(), await raw());
      else round.push(await raw(), await sdk());
    }
    runs.push(round);
  }
  const keyOf = (x: PagingResult) => `${x.name}|${x.items}`;
  const groups = new Map<string, PagingResult[]>();
  for (const x of runs.flat()) groups.set(keyOf(x), [...(groups.get(keyOf(x)) ?? []), x]);
  const rawMs = (round: PagingResult[], items: number) =>
    round.find((x) => x.name === 'raw fetch' && x.items === items)!.ms;
  return [...groups.values()].map((g) => ({
    name: g[0]!.name,
    items: g[0]!.items,
    ms: median(g.map((x) => x.ms)),
    cpuMs: median(g.map((x) => x.cpuMs)),
    peakMB: median(g.map((x) => x.peakMB)),
    retainedMB: median(g.map((x) => x.retainedMB)),
    throughputRatio: median(g.map((x, i) => rawMs(runs[i]!, x.items) / x.ms)),
  }));
}

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

function report(
  per: { name: string; wall: number; cpu: number; wallRatio: number; cpuRatio: number }[],
  own: { name: string; cpu: number; own: number }[],
  paging: PagingResult[],
  size: { name: string; min: number; gz: number; budget: boolean }[],
) {
  const lines: string[] = [];
  lines.push(
    `Node ${process.version}, ${process.platform}/${process.arch}; ${N} sequential GETs per contender per round, ${ROUNDS} rounds interleaved (order rotating); medians, ratios = median of per-round ratios.`,
    '',
  );
  lines.push('| per-request GET | wall µs | × raw fetch | CPU µs | × raw fetch |', '|---|---:|---:|---:|---:|');
  for (const p of per)
    lines.push(`| ${p.name} | ${fmt(p.wall)} | ${fmt(p.wallRatio, 3)} | ${fmt(p.cpu)} | ${fmt(p.cpuRatio, 3)} |`);
  const rawCpu = per.find((p) => p.name === 'raw fetch')!.cpu;
  lines.push(
    '',
    `The runtime's own CPU per request: fetch stubbed with a ready Response, ${ROUNDS} interleaved rounds of 2000 calls; "share" = the difference against the stub as a share of raw fetch's loopback CPU above.`,
    '',
    '| fetch stubbed | CPU µs | runtime’s own µs | share of raw fetch’s CPU |',
    '|---|---:|---:|---:|',
  );
  for (const o of own)
    lines.push(
      `| ${o.name} | ${fmt(o.cpu, 2)} | ${o.own ? fmt(o.own, 2) : ''} | ${o.own ? `${fmt((o.own / rawCpu) * 100)}%` : ''} |`,
    );
  lines.push(
    '',
    `Paging: ${PAGING_ROUNDS} rounds, the two sides alternating which goes first; medians; throughput ratio = median of per-round ratios.`,
    '',
    '| paging, limit=500 | items | ms | items/s | throughput × raw fetch | client CPU ms | peak heap above baseline MB | retained after GC MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const p of paging.sort((a, b) => b.items - a.items || a.name.localeCompare(b.name))) {
    lines.push(
      `| ${p.name} | ${p.items} | ${fmt(p.ms, 0)} | ${fmt((p.items / p.ms) * 1000, 0)} | ${fmt(p.throughputRatio ?? 1, 3)} | ${fmt(p.cpuMs, 0)} | ${fmt(p.peakMB)} | ${fmt(p.retainedMB, 2)} |`,
    );
  }
  lines.push(
    '',
    `| bundle (esbuild, minified; openapi-fetch and generated/ external) | min bytes | gzip bytes | budget ${RUNTIME_BUDGET_BYTES} |`,
    '|---|---:|---:|---|',
  );
  for (const s of size)
    lines.push(
      `| ${s.name} | ${s.min} | ${s.gz} | ${s.budget ? (s.gz < RUNTIME_BUDGET_BYTES ? 'within' : 'OVER') : '(for information)'} |`,
    );
  const text = lines.join('\n');
  console.log(text);
  if (!QUICK) writeReadme(text);
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
