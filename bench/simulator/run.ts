// Simulator benchmark: `npx tsx bench/simulator/run.ts [--quick]`.
//
// Requests per second the simulator serves on loopback, against a plain
// node:http handler that answers the same paths with the exact bytes and
// headers the simulator gave (so the peer does no routing, no auth, no
// negotiation, no list work: the floor any server pays for HTTP itself).
// Two requests: GET one credential, and one 500-item page of a 1,000-item
// list. Each server runs in its own child process; this process is the load
// generator (keep-alive, CONCURRENCY requests in flight). Rounds interleave
// the two servers (order alternating); figures are medians of per-round
// requests/s and of per-round ratios. Target: the simulator at least 0.5× the
// plain handler. Also reported: each server's own CPU time per request (from
// the child's process.cpuUsage), which a shared machine disturbs far less
// than throughput.
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 7 : 21;
const CONCURRENCY = 8;
// Short blocks: each round compares two windows close in time, which cancels most of a shared machine's drift.
const REQUESTS = { one: quick ? 800 : 1500, page: quick ? 80 : 150 };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** CPU microseconds the child has used so far. */
function cpuOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (m: { cpu?: NodeJS.CpuUsage }) => {
      if (!m?.cpu) return;
      child.off('message', onMessage);
      resolve(m.cpu.user + m.cpu.system);
    };
    child.on('message', onMessage);
    child.send('cpu');
  });
}

function start(kind: string): { child: ChildProcess; ready: Promise<any> } {
  const child = fork(path.join(here, 'server.ts'), [kind], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return { child, ready: new Promise((resolve) => child.once('message', resolve)) };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function request(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** Requests per second for `total` requests, CONCURRENCY at a time; every answer must be 200. */
async function load(url: string, headers: Record<string, string>, total: number): Promise<number> {
  let issued = 0;
  const t0 = process.hrtime.bigint();
  const lane = async () => {
    while (issued < total) {
      issued++;
      const res = await request(url, headers);
      if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  return total / (Number(process.hrtime.bigint() - t0) / 1e9);
}

const sim = start('simulator');
const plain = start('plain');
try {
  const { url, accountId, token } = await sim.ready;
  const headers = { authorization: `Bearer ${token}`, accept: 'application/astra-credential+json' };
  const listHeaders = { authorization: `Bearer ${token}`, accept: 'application/json' };
  const base = `/accounts/${accountId}/core/v1/credentials`;
  const first = await request(`${url}${base}?include=id&limit=1`, listHeaders);
  const id = JSON.parse(first.body).items[0][0];
  const paths = { one: `${base}/${id}`, page: `${base}?limit=500` };
  const canned = [];
  for (const [kind, p] of Object.entries(paths)) {
    const res = await request(url + p, kind === 'one' ? headers : listHeaders);
    const keep = ['content-type', 'etag', 'last-modified'].filter((h) => res.headers[h] !== undefined);
    canned.push({
      path: p,
      status: res.status,
      headers: Object.fromEntries(keep.map((h) => [h, String(res.headers[h])])),
      body: res.body,
    });
  }
  if (JSON.parse(canned[1]!.body).items.length !== 500) throw new Error('the list page does not hold 500 items');
  plain.child.send(canned);
  const { url: plainUrl } = await plain.ready;

  console.log(
    `bench/simulator: ${ROUNDS} rounds${quick ? ' (--quick)' : ''}, ${CONCURRENCY} requests in flight, ${os.cpus().length} CPUs, load ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}, node ${process.version}`,
  );
  const rows: string[] = [];
  for (const kind of ['one', 'page'] as const) {
    const h = kind === 'one' ? headers : listHeaders;
    const servers = [
      { name: 'simulator', url: url + paths[kind], child: sim.child },
      { name: 'plain', url: plainUrl + paths[kind], child: plain.child },
    ];
    for (const s of servers) await load(s.url, h, REQUESTS[kind] / 4); // warm-up: JIT, sockets
    const rps: Record<string, number[]> = { simulator: [], plain: [] };
    const cpu: Record<string, number[]> = { simulator: [], plain: [] };
    for (let r = 0; r < ROUNDS; r++) {
      for (const s of r % 2 ? [...servers].reverse() : servers) {
        const before = await cpuOf(s.child);
        rps[s.name]!.push(await load(s.url, h, REQUESTS[kind]));
        cpu[s.name]!.push(((await cpuOf(s.child)) - before) / REQUESTS[kind]);
      }
    }
    const ratio = median(rps.simulator!.map((x, i) => x / rps.plain![i]!));
    const cpuRatio = median(cpu.plain!.map((x, i) => x / cpu.simulator![i]!));
    const label = kind === 'one' ? 'GET one credential' : 'GET a 500-item list page';
    rows.push(
      `| ${label} | ${Math.round(median(rps.simulator!))} req/s | ${Math.round(median(rps.plain!))} req/s | ${ratio.toFixed(2)}× | ${Math.round(median(cpu.simulator!))} µs | ${Math.round(median(cpu.plain!))} µs | ${cpuRatio.toFixed(2)}× | ≥ 0.5× | ${ratio >= 0.5 ? 'pass' : 'miss'} |`,
    );
  }
  console.log(
    [
      '',
      '| measurement | simulator | plain node:http, same bytes | ratio | server CPU per request: simulator | plain | ratio (plain ÷ simulator) | target (req/s ratio) | |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n'),
  );
  console.log(
    `bench/simulator: load now ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
} finally {
  agent.destroy();
  sim.child.kill();
  plain.child.kill();
}
