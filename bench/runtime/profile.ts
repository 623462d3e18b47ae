// Where a GET's CPU goes: `npx tsx bench/runtime/profile.ts [requests]`.
//
// Runs the same number of sequential GETs against the loopback server of
// bench/runtime once per contender, each in a fresh Node process under
// `--cpu-prof`, then prints, per request, the self time of the functions
// whose cost differs most from raw fetch's. This is the measurement behind
// the README's account of the runtime's overhead: a signal handed to fetch
// shows up in undici's Request constructor, in `getEventListeners` (undici
// counts the signal's listeners on every request) and in the garbage
// collector, none of which the runtime's own code can avoid except by not
// handing fetch a signal.

import { execFileSync, fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const CONTENDERS = ['raw fetch', 'raw fetch + shared deadline-slot signal', 'runtime get'] as const;
type Contender = (typeof CONTENDERS)[number];

/** In a child: the GET loop itself. */
async function runLoop(contender: Contender, requests: number) {
  const { createRuntime } = await import('../../src/internal/runtime.js');
  const server = fork(path.join(path.dirname(here), 'server.mjs'), { execArgv: [], stdio: 'ignore' });
  const port = await new Promise<number>((resolve) => server.once('message', (m: { port: number }) => resolve(m.port)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const url = `${baseUrl}/accounts/acc-bench/core/v1/credentials/c1`;
  const headers = { authorization: 'Bearer bench-token', accept: 'application/astra-credential+json' };
  const rt = createRuntime({ baseUrl, accountId: 'acc-bench', token: 'bench-token' });
  const getCredential = {
    id: 'getCredential',
    method: 'GET' as const,
    path: '/accounts/{account_id}/core/v1/credentials/{credential_id}',
    pathParams: ['credential_id'],
    responseMediaType: 'application/astra-credential+json',
  };
  // The previous design: one signal per 50 ms slot of deadlines, shared by the requests in it.
  const slots = new Map<number, AbortController>();
  const slotSignal = () => {
    const end = Math.ceil((performance.now() + 30_000) / 50) * 50;
    let ctrl = slots.get(end);
    if (!ctrl) {
      const c = (ctrl = new AbortController());
      slots.set(end, c);
      setTimeout(() => (slots.delete(end), c.abort()), end - performance.now()).unref();
    }
    return ctrl.signal;
  };
  const once: Record<Contender, () => Promise<unknown>> = {
    'raw fetch': () => fetch(url, { headers }).then((r) => r.json()),
    'raw fetch + shared deadline-slot signal': () =>
      fetch(url, { headers, signal: slotSignal() }).then((r) => r.json()),
    'runtime get': () => rt.get(getCredential, ['c1']),
  };
  for (let i = 0; i < requests; i++) await once[contender]();
  server.kill();
}

type Profile = {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
};

/** Self time in µs by function (name and file), idle left out. */
function selfTimes(file: string): Map<string, number> {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const out = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const { functionName, url } = frames.get(id)!;
    if (functionName === '(idle)') return;
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(src|node_modules|bench)\//, '$1/') || '(native)'}`;
    out.set(key, (out.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  return out;
}

async function main() {
  const requests = Number(process.argv[2] ?? 20_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'runtime-profile-'));
  try {
    const times = new Map<Contender, Map<string, number>>();
    for (const contender of CONTENDERS) {
      const out = path.join(dir, String(CONTENDERS.indexOf(contender)));
      execFileSync(
        process.execPath,
        ['--cpu-prof', `--cpu-prof-dir=${out}`, '--import', 'tsx', here, '--child', contender, String(requests)],
        { stdio: 'inherit' },
      );
      // The main thread's profile is the first one the process writes (tsx's loader thread writes another).
      const file = readdirSync(out).sort()[0]!;
      times.set(contender, selfTimes(path.join(out, file)));
    }
    const raw = times.get('raw fetch')!;
    const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0) / requests;
    console.log(
      `${requests} sequential GETs per contender; self time per request against raw fetch's, idle excluded (the totals include module loading and, on a loaded machine, time descheduled).\n`,
    );
    for (const contender of CONTENDERS.slice(1)) {
      const mine = times.get(contender)!;
      console.log(`${contender}: ${total(mine).toFixed(1)} µs against raw fetch's ${total(raw).toFixed(1)} µs`);
      const rows = [...new Set([...mine.keys(), ...raw.keys()])]
        .map((k) => ({ k, d: ((mine.get(k) ?? 0) - (raw.get(k) ?? 0)) / requests }))
        .sort((a, b) => b.d - a.d);
      // The largest costs it adds, then the largest it saves (work moved rather than added, or noise).
      for (const { k, d } of [...rows.slice(0, 8), ...rows.slice(-3)])
        console.log(`  ${d >= 0 ? '+' : ''}${d.toFixed(2).padStart(6)} µs  ${k}`);
      console.log();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await runLoop(process.argv[3] as Contender, Number(process.argv[4]));
else await main();
