// Generator benchmark: this generator side by side with openapi-typescript
// alone, on the same spec, in the same run, interleaved (A, B, A, B …), with
// the median of several rounds. Five sections, each with its target from
// issue #12:
//
//   1. full generation of spec/openapi.yaml        target: ≤ 1.5× openapi-typescript
//   2. no-op regeneration (nothing changed)        target: ≤ 0.1× openapi-typescript's full run
//   3. synthetic specs, 28 and 300 resources       target: ≤ 1.5× on each, time linear in operations
//   4. type-checking a two-resource consumer       target: no slower than over openapi-typescript's file
//   5. regeneration after a one-resource change    target: ≤ 0.75× openapi-typescript on the changed spec
//
//   npx tsx bench/generate/run.ts [--quick] [--rounds N] [--rounds-300 N] [--with-300|--no-300]
//                                 [--only full,noop,synth,tsc,change] [--npx] [--keep] [--no-readme]
//
// Every command runs as a child process under `/usr/bin/time -f %M` (peak RSS
// of the largest process in the tree) when available; wall time is measured
// here. By default the local binaries in node_modules/.bin are spawned
// directly (what `npx` would run, without npm's own start-up in every
// sample); --npx spawns through npx instead. Full generations (sections 1 and
// 3) each get an empty format cache (ASTRA_GENERATE_CACHE_DIR), so they
// format every file; the generator's own code is compiled once, before the
// rounds (as `npm run generate` does the first time after a change to
// scripts/). The machine is small and shared: read the medians and ratios,
// not lone absolute times. Results are printed as markdown tables, written as
// JSON to os.tmpdir(), and, after a full run of every section (not --quick),
// into README.md between the bench:generate markers.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { consumerTsconfig, fetchConsumer, indexedConsumer, sdkConsumer } from './consumers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SYNTH = path.resolve(root, 'bench/support/synth-spec.mjs');
const SECTIONS = ['full', 'noop', 'synth', 'tsc', 'change'] as const;
type Section = (typeof SECTIONS)[number];

// ---------------------------------------------------------------- arguments

interface Options {
  quick: boolean;
  rounds: number;
  rounds300: number;
  with300: boolean;
  only: Set<Section>;
  npx: boolean;
  keep: boolean;
  readme: boolean;
}

function parseOptions(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const o: Options = {
    quick,
    rounds: quick ? 3 : 5,
    rounds300: 3,
    with300: !quick,
    only: new Set(SECTIONS),
    npx: false,
    keep: false,
    readme: true,
  };
  let rounds300Set = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--quick') continue;
    else if (a === '--rounds') o.rounds = positive(a, value());
    else if (a === '--rounds-300') {
      o.rounds300 = positive(a, value());
      rounds300Set = true;
    } else if (a === '--with-300') o.with300 = true;
    else if (a === '--no-300') o.with300 = false;
    else if (a === '--npx') o.npx = true;
    else if (a === '--keep') o.keep = true;
    else if (a === '--no-readme') o.readme = false;
    else if (a === '--only') {
      const names = value().split(',');
      for (const n of names)
        if (!(SECTIONS as readonly string[]).includes(n))
          throw new Error(`--only: unknown section ${n} (${SECTIONS.join(', ')})`);
      o.only = new Set(names as Section[]);
    } else if (a === '--help' || a === '-h') {
      console.log(
        readFileSync(fileURLToPath(import.meta.url), 'utf8')
          .split('\n')
          .slice(0, 27)
          .join('\n'),
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${JSON.stringify(a)}`);
  }
  if (!rounds300Set) o.rounds300 = Math.min(o.rounds, 3);
  return o;
}

function positive(flag: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive integer, got ${v}`);
  return n;
}

// ---------------------------------------------------------------- measuring

interface Sample {
  wallMs: number;
  rssKB: number | null;
  stdout: string;
  stderr: string;
}

const MARK = '__bench_time__';
const TIME_BIN = '/usr/bin/time';
const haveTime = ((): boolean => {
  if (!existsSync(TIME_BIN)) return false;
  const r = spawnSync(TIME_BIN, ['-f', `${MARK}%M`, process.execPath, '-e', ''], { encoding: 'utf8' });
  return r.status === 0 && new RegExp(`${MARK}\\d+`).test(r.stderr);
})();

function bin(name: string): [string, string[]] {
  if (name === 'node') return [process.execPath, []];
  return opts.npx ? ['npx', ['--no-install', name]] : [path.join(root, 'node_modules/.bin', name), []];
}

/** Runs a command to completion; rejects with its output when it fails. */
function measure(name: string, args: string[], env: Record<string, string> = {}, cwd = root): Promise<Sample> {
  const [cmd, pre] = bin(name);
  const full = [...pre, ...args];
  const [file, argv] = haveTime ? [TIME_BIN, ['-f', `${MARK}%M`, cmd, ...full]] : [cmd, full];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      let rssKB: number | null = null;
      const m = new RegExp(`${MARK}(\\d+)\\s*$`).exec(stderr);
      if (m) {
        rssKB = Number(m[1]);
        stderr = stderr.slice(0, m.index).replace(/Command exited with non-zero status \d+\s*$/, '');
      }
      if (code !== 0)
        reject(
          new Error(
            `${name} ${args.join(' ')} exited with ${code}\n${(stdout + stderr).trim().split('\n').slice(-25).join('\n')}`,
          ),
        );
      else resolve({ wallMs, rssKB, stdout, stderr });
    });
  });
}

/**
 * The peer: openapi-typescript's CLI alone, with its own defaults. It runs in
 * the benchmark's temporary folder, because in the project root it would
 * read redocly.yaml (the project's lint rules for spec/, which refuse the
 * synthetic specs' example.com server and add linting to its time).
 */
function openapiTypescript(spec: string, out: string): Promise<Sample> {
  return measure('openapi-typescript', [spec, '-o', out], {}, tmp);
}

interface Series {
  label: string;
  wallMs: number[];
  rssKB: number[];
  /** Extra numbers parsed from the tool's own output (e.g. its in-process time). */
  extra: Record<string, number[]>;
}

const series = (label: string): Series => ({ label, wallMs: [], rssKB: [], extra: {} });

function record(s: Series, sample: Sample, extra: Record<string, number | undefined> = {}): void {
  s.wallMs.push(sample.wallMs);
  if (sample.rssKB !== null) s.rssKB.push(sample.rssKB);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (s.extra[k] ??= []).push(v);
}

function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function summary(s: Series) {
  const extra: Record<string, number> = {};
  for (const [k, v] of Object.entries(s.extra)) extra[k] = median(v);
  return {
    label: s.label,
    rounds: s.wallMs.length,
    wallMsMedian: median(s.wallMs),
    wallMsMin: Math.min(...s.wallMs),
    wallMsMax: Math.max(...s.wallMs),
    rssMBMedian: s.rssKB.length ? median(s.rssKB) / 1024 : null,
    extraMedians: extra,
    wallMs: s.wallMs.map((x) => Math.round(x)),
    rssKB: s.rssKB,
  };
}

// ---------------------------------------------------------------- formatting

const sec = (ms: number): string => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'n/a');
const spread = (s: Series): string =>
  `${sec(median(s.wallMs))} (${(Math.min(...s.wallMs) / 1000).toFixed(1)}–${(Math.max(...s.wallMs) / 1000).toFixed(1)})`;
const mb = (s: Series): string => (s.rssKB.length ? `${Math.round(median(s.rssKB) / 1024)} MB` : 'n/a');
const ratio = (a: number, b: number): string => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : 'n/a');
const verdict = (ok: boolean): string => (ok ? '**PASS**' : '**MISS**');

const passMiss = (ok: boolean): string => (ok ? 'pass' : 'miss');

/** The README's summary rows, by section, filled as the sections run. */
const readmeRows: Record<string, string[]> = {};

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function progress(section: string, round: number, total: number, label: string, s: Sample): void {
  const rss = s.rssKB === null ? '' : `, ${Math.round(s.rssKB / 1024)} MB`;
  console.log(`  [${section} ${round}/${total}] ${label}: ${sec(s.wallMs)}${rss}`);
}

const inProcessMs = (stdout: string): number | undefined => {
  const m = /in (\d+) ms\./.exec(stdout);
  return m ? Number(m[1]) : undefined;
};

function countOperations(specJson: string): number {
  const spec = JSON.parse(readFileSync(specJson, 'utf8')) as { paths?: Record<string, Record<string, unknown>> };
  let n = 0;
  for (const item of Object.values(spec.paths ?? {}))
    for (const m of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']) if (item[m]) n++;
  return n;
}

// ---------------------------------------------------------------- sections

const opts = (() => {
  try {
    return parseOptions(process.argv.slice(2));
  } catch (e) {
    console.error(`bench/generate: ${(e as Error).message}`);
    process.exit(2);
  }
})();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'astra-bench-gen-'));
const results: Record<string, unknown> = {};
const markdown: string[] = [];
let outCounter = 0;
const freshDir = (): string => path.join(tmp, `out-${++outCounter}`);

function emit(md: string): void {
  markdown.push(md);
  console.log(`\n${md}\n`);
}

interface FullComparison {
  gen: Series;
  oats: Series;
  noop?: Series;
}

/** Full generation of `spec` by both tools, interleaved; optionally a no-op rerun into each fresh output. */
async function compareFull(name: string, spec: string, rounds: number, withNoop: boolean): Promise<FullComparison> {
  const gen = series('astra-control-sdk generator');
  const oats = series('openapi-typescript');
  const noop = withNoop ? series('no-op regeneration') : undefined;
  for (let r = 1; r <= rounds; r++) {
    const out = freshDir();
    const cold = { ASTRA_GENERATE_CACHE_DIR: `${out}-cache` };
    const a = await measure('node', ['scripts/cli.mjs', '--spec', spec, '--out', out], cold);
    record(gen, a, { inProcessMs: inProcessMs(a.stdout) });
    progress(name, r, rounds, gen.label, a);
    const b = await openapiTypescript(spec, path.join(tmp, `oats-${outCounter}.ts`));
    record(oats, b);
    progress(name, r, rounds, oats.label, b);
    if (noop) {
      const c = await measure('node', ['scripts/cli.mjs', '--spec', spec, '--out', out], cold);
      if (!/no-op/.test(c.stdout)) throw new Error(`the second run into ${out} did not report a no-op:\n${c.stdout}`);
      record(noop, c);
      progress(name, r, rounds, noop.label, c);
    }
    rmSync(out, { recursive: true, force: true });
    rmSync(cold.ASTRA_GENERATE_CACHE_DIR, { recursive: true, force: true });
  }
  return noop ? { gen, oats, noop } : { gen, oats };
}

async function fullAndNoop(): Promise<void> {
  const spec = path.join(root, 'spec/openapi.yaml');
  const doFull = opts.only.has('full');
  const doNoop = opts.only.has('noop');
  console.log(
    `\n## spec/openapi.yaml: ${doFull ? 'full generation' : ''}${doFull && doNoop ? ' + ' : ''}${doNoop ? 'no-op regeneration' : ''}, ${opts.rounds} rounds`,
  );
  const { gen, oats, noop } = await compareFull('spec', spec, opts.rounds, doNoop);
  const bundled = path.join(root, 'generated/openapi.json');
  const ops = existsSync(bundled) ? countOperations(bundled) : NaN;
  const g = median(gen.wallMs);
  const o = median(oats.wallMs);
  if (doFull) {
    const ok = g <= 1.5 * o;
    emit(
      `### 1. Full generation of spec/openapi.yaml (${ops} operations, median of ${opts.rounds})\n\n` +
        table(
          ['', 'generator', 'openapi-typescript', 'ratio', 'target', 'result'],
          [
            ['wall time, median (min–max)', spread(gen), spread(oats), ratio(g, o), '≤ 1.5×', verdict(ok)],
            ['peak RSS, median', mb(gen), mb(oats), ratio(median(gen.rssKB), median(oats.rssKB)), '—', '—'],
            ['generator’s own report (excl. process start)', sec(median(gen.extra.inProcessMs ?? [])), '—', '', '', ''],
          ],
        ),
    );
    results.full = {
      spec: 'spec/openapi.yaml',
      operations: ops,
      generator: summary(gen),
      openapiTypescript: summary(oats),
      ratio: g / o,
      target: '<= 1.5x',
      pass: ok,
    };
    readmeRows.full = [
      `full generation of \`spec/\` (${ops} operations), median of ${opts.rounds}`,
      `${sec(g)}, ${mb(gen)}`,
      `${sec(o)}, ${mb(oats)}`,
      ratio(g, o),
      '≤ 1.5×',
      passMiss(ok),
    ];
  }
  if (noop) {
    // The floor: tsx starting up and running an empty module.
    const empty = path.join(tmp, 'empty.ts');
    writeFileSync(empty, 'export {};\n');
    const floor = series('tsx start-up, empty module');
    for (let r = 1; r <= opts.rounds; r++) record(floor, await measure('tsx', [empty]));
    const n = median(noop.wallMs);
    const ok = n <= o / 10;
    emit(
      `### 2. No-op regeneration (stamp current), median of ${opts.rounds}\n\n` +
        table(
          ['', 'wall time, median (min–max)', 'peak RSS', 'vs openapi-typescript full', 'target', 'result'],
          [
            ['no-op regeneration', spread(noop), mb(noop), ratio(n, o), '≤ 0.1×', verdict(ok)],
            ['openapi-typescript, full (same rounds)', spread(oats), mb(oats), '1.00×', '', ''],
            ['floor: tsx running an empty module', spread(floor), mb(floor), ratio(median(floor.wallMs), o), '', ''],
          ],
        ),
    );
    results.noop = {
      noop: summary(noop),
      openapiTypescriptFull: summary(oats),
      tsxFloor: summary(floor),
      ratio: n / o,
      target: '<= 0.1x',
      pass: ok,
    };
    readmeRows.noop = [
      'no-op regeneration (nothing changed)',
      `${sec(n)}, ${mb(noop)}`,
      `${sec(o)} (full)`,
      ratio(n, o),
      '≤ 0.1×',
      passMiss(ok),
    ];
  }
}

async function synthetic(): Promise<void> {
  if (!existsSync(SYNTH)) {
    emit(`### 3. Synthetic specs\n\nskipped: ${SYNTH} not found.`);
    return;
  }
  const sizes = opts.with300 ? [28, 300] : [28];
  const dir = path.join(tmp, 'synth');
  mkdirSync(dir);
  const rows: string[][] = [];
  const per: Record<number, { ops: number; gen: Series; oats: Series }> = {};
  const out: Record<string, unknown> = {};
  for (const n of sizes) {
    const spec = path.join(dir, `synth-${n}.json`);
    const made = spawnSync(process.execPath, [SYNTH, '--resources', String(n), '--out', spec], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`synth-spec.mjs --resources ${n} failed:\n${made.stderr}`);
    const ops = countOperations(spec);
    const rounds = n === 300 ? opts.rounds300 : opts.rounds;
    console.log(`\n## synthetic spec, ${n} resources (${ops} operations), ${rounds} rounds`);
    const { gen, oats } = await compareFull(`synth-${n}`, spec, rounds, false);
    per[n] = { ops, gen, oats };
    const g = median(gen.wallMs);
    const o = median(oats.wallMs);
    const ok = g <= 1.5 * o;
    readmeRows[`synth${n}`] = [
      `synthetic spec, ${n} resources (${ops.toLocaleString('en-US')} operations), median of ${rounds}`,
      `${sec(g)}, ${mb(gen)}`,
      `${sec(o)}, ${mb(oats)}`,
      ratio(g, o),
      '≤ 1.5×',
      passMiss(ok),
    ];
    rows.push([
      `${n} resources, ${ops} ops (${rounds} rounds)`,
      spread(gen),
      spread(oats),
      ratio(g, o),
      '≤ 1.5×',
      verdict(ok),
      `${(g / ops).toFixed(1)} / ${(o / ops).toFixed(1)}`,
      `${mb(gen)} / ${mb(oats)}`,
    ]);
    out[`resources${n}`] = {
      operations: ops,
      rounds,
      generator: summary(gen),
      openapiTypescript: summary(oats),
      ratio: g / o,
      target: '<= 1.5x',
      pass: ok,
    };
  }
  let md =
    `### 3. Synthetic specs (synth-spec.mjs), full generation\n\n` +
    table(
      [
        'spec',
        'generator',
        'openapi-typescript',
        'ratio',
        'target',
        'result',
        'ms/op gen / oats',
        'peak RSS gen / oats',
      ],
      rows,
    );
  const small = per[28];
  const large = per[300];
  if (small && large) {
    const perOp = (s: Series, ops: number): number => median(s.wallMs) / ops;
    const perOpIn = (s: Series, ops: number): number => median(s.extra.inProcessMs ?? []) / ops;
    const growth = (a: number, b: number): number => Math.log(a / b) / Math.log(large.ops / small.ops);
    const genRatio = perOp(large.gen, large.ops) / perOp(small.gen, small.ops);
    const genInRatio = perOpIn(large.gen, large.ops) / perOpIn(small.gen, small.ops);
    const oatsRatio = perOp(large.oats, large.ops) / perOp(small.oats, small.ops);
    const ok = genRatio <= 1.25;
    readmeRows.growth = [
      `time per operation, ${large.ops.toLocaleString('en-US')} vs ${small.ops} operations`,
      `${genRatio.toFixed(2)}×`,
      `${oatsRatio.toFixed(2)}×`,
      '',
      'linear',
      passMiss(ok),
    ];
    md +=
      `\n\nGrowth from ${small.ops} to ${large.ops} operations (${(large.ops / small.ops).toFixed(1)}×). Linear growth means a per-operation ratio of about 1 (below 1 when start-up costs are amortised), an exponent of about 1:\n\n` +
      table(
        ['', 'per-op time ratio 300/28', 'growth exponent', 'target', 'result'],
        [
          [
            'generator, wall',
            `${genRatio.toFixed(2)}×`,
            growth(median(large.gen.wallMs), median(small.gen.wallMs)).toFixed(2),
            'linear (ratio ≤ 1.25)',
            verdict(ok),
          ],
          [
            'generator, own report (excl. process start)',
            `${genInRatio.toFixed(2)}×`,
            growth(median(large.gen.extra.inProcessMs ?? []), median(small.gen.extra.inProcessMs ?? [])).toFixed(2),
            '',
            '',
          ],
          [
            'openapi-typescript, wall',
            `${oatsRatio.toFixed(2)}×`,
            growth(median(large.oats.wallMs), median(small.oats.wallMs)).toFixed(2),
            '',
            '',
          ],
        ],
      );
    out.growth = {
      perOpRatioGenerator: genRatio,
      perOpRatioGeneratorInProcess: genInRatio,
      perOpRatioOpenapiTypescript: oatsRatio,
      target: 'per-op ratio <= 1.25',
      pass: ok,
    };
  } else md += `\n\nGrowth: not measured (the 300-resource spec was skipped; run without --quick or with --with-300).`;
  emit(md);
  results.synthetic = out;
}

interface TscNumbers {
  files?: number;
  lines?: number;
  checkS?: number;
  totalS?: number;
}

function tscDiagnostics(stdout: string): TscNumbers {
  const num = (re: RegExp): number | undefined => {
    const m = re.exec(stdout);
    return m ? Number(m[1]) : undefined;
  };
  return {
    files: num(/^Files:\s+(\d+)/m),
    lines: num(/^Lines of TypeScript:\s+(\d+)/m),
    checkS: num(/^Check time:\s+([\d.]+)s/m),
    totalS: num(/^Total time:\s+([\d.]+)s/m),
  };
}

async function consumerTypecheck(): Promise<void> {
  const dir = path.join(tmp, 'consumer');
  mkdirSync(dir);
  const variants = [
    { key: 'sdk', label: 'generated client (2 resource modules)', source: sdkConsumer(root) },
    { key: 'indexed', label: 'openapi-types.ts, indexed-access types', source: indexedConsumer(root) },
    { key: 'fetch', label: 'openapi-types.ts + openapi-fetch', source: fetchConsumer(root) },
  ];
  const configs = variants.map((v) => {
    const file = path.join(dir, `${v.key}.ts`);
    const config = path.join(dir, `tsconfig.${v.key}.json`);
    writeFileSync(file, v.source);
    writeFileSync(config, consumerTsconfig(root, file));
    return { ...v, config, s: series(v.label) };
  });
  console.log(`\n## consumer type-check (tsc --noEmit, strict, skipLibCheck), ${opts.rounds} rounds`);
  const shape: Record<string, TscNumbers> = {};
  for (let r = 1; r <= opts.rounds; r++) {
    for (const c of configs) {
      const sample = await measure('tsc', ['--noEmit', '-p', c.config, '--extendedDiagnostics']);
      const d = tscDiagnostics(sample.stdout);
      shape[c.key] = d;
      record(c.s, sample, { tscTotalS: d.totalS, tscCheckS: d.checkS });
      progress('tsc', r, opts.rounds, c.label, sample);
    }
  }
  const [sdk, indexed] = configs;
  const base = median(indexed!.s.wallMs);
  const ok = median(sdk!.s.wallMs) <= base;
  const rows = configs.map((c) => {
    const d = shape[c.key]!;
    return [
      c.label,
      `${d.files} / ${d.lines}`,
      spread(c.s),
      `${(median(c.s.extra.tscTotalS ?? []) || NaN).toFixed(2)} s / ${(median(c.s.extra.tscCheckS ?? []) || NaN).toFixed(2)} s`,
      mb(c.s),
      ratio(median(c.s.wallMs), base),
      c.key === 'sdk' ? '≤ 1.00×' : '',
      c.key === 'sdk' ? verdict(ok) : '',
    ];
  });
  emit(
    `### 4. Type-checking a consumer of two resources (credentials, app snapshots), median of ${opts.rounds}\n\n` +
      table(
        [
          'consumer',
          'files / lines of TS',
          'tsc wall, median (min–max)',
          'tsc total / check time',
          'peak RSS',
          'vs indexed',
          'target',
          'result',
        ],
        rows,
      ),
  );
  readmeRows.tsc = [
    '`tsc` on a consumer of two resources',
    sec(median(sdk!.s.wallMs)),
    `${sec(base)} (indexed \`paths\` types)`,
    ratio(median(sdk!.s.wallMs), base),
    '≤ 1×',
    passMiss(ok),
  ];
  results.consumerTypecheck = {
    variants: Object.fromEntries(configs.map((c) => [c.key, { ...summary(c.s), program: shape[c.key] }])),
    ratio: median(sdk!.s.wallMs) / base,
    target: 'sdk consumer <= indexed-access consumer over openapi-types.ts',
    pass: ok,
  };
}

/**
 * Section 5: a spec copy is generated once (format cache warm), then each
 * round changes one resource (a description in its schema file, new text each
 * round) and regenerates; the peer is openapi-typescript on the same changed
 * spec, interleaved.
 */
async function oneResourceChange(): Promise<void> {
  const specCopy = path.join(tmp, 'change-spec');
  cpSync(path.join(root, 'spec'), specCopy, { recursive: true });
  const spec = path.join(specCopy, 'openapi.yaml');
  const resourceFile = path.join(specCopy, 'schemas/credential.yaml');
  const original = readFileSync(resourceFile, 'utf8');
  const line = /^ {2}description: (?![>|]).*$/m.exec(original);
  if (!line) throw new Error(`${resourceFile}: no plain description line to change`);
  const out = freshDir();
  const cache = { ASTRA_GENERATE_CACHE_DIR: `${out}-cache` };
  await measure('node', ['scripts/cli.mjs', '--spec', spec, '--out', out], cache);
  const gen = series('regeneration after a one-resource change');
  const oats = series('openapi-typescript');
  console.log(`\n## one-resource change (schemas/credential.yaml), ${opts.rounds} rounds`);
  for (let r = 1; r <= opts.rounds; r++) {
    const changed = `${line[0]} Revision ${r}.`;
    writeFileSync(resourceFile, original.replace(line[0], changed));
    const a = await measure('node', ['scripts/cli.mjs', '--spec', spec, '--out', out], cache);
    if (/no-op/.test(a.stdout)) throw new Error(`the changed spec was taken for a no-op:\n${a.stdout}`);
    record(gen, a, { inProcessMs: inProcessMs(a.stdout) });
    progress('change', r, opts.rounds, gen.label, a);
    const b = await openapiTypescript(spec, path.join(tmp, `oats-change-${r}.ts`));
    record(oats, b);
    progress('change', r, opts.rounds, oats.label, b);
  }
  const g = median(gen.wallMs);
  const o = median(oats.wallMs);
  const ok = g <= 0.75 * o;
  emit(
    `### 5. Regeneration after a one-resource spec change, median of ${opts.rounds}\n\n` +
      table(
        ['', 'generator', 'openapi-typescript (changed spec)', 'ratio', 'target', 'result'],
        [
          ['wall time, median (min–max)', spread(gen), spread(oats), ratio(g, o), '≤ 0.75×', verdict(ok)],
          ['peak RSS, median', mb(gen), mb(oats), ratio(median(gen.rssKB), median(oats.rssKB)), '—', '—'],
        ],
      ),
  );
  readmeRows.change = [
    `regeneration after a one-resource spec change, median of ${opts.rounds}`,
    `${sec(g)}, ${mb(gen)}`,
    `${sec(o)}, ${mb(oats)}`,
    ratio(g, o),
    '≤ 0.75×',
    passMiss(ok),
  ];
  results.oneResourceChange = {
    generator: summary(gen),
    openapiTypescript: summary(oats),
    ratio: g / o,
    target: '<= 0.75x',
    pass: ok,
  };
}

const README_BEGIN = '<!-- bench:generate:begin (npm run bench -- --only generate) -->';
const README_END = '<!-- bench:generate:end -->';

/** Writes the summary table between the bench:generate markers of README.md. */
function writeReadme(loadavg: number[]): void {
  const order = ['full', 'noop', 'change', 'synth28', 'synth300', 'growth', 'tsc'];
  const rows = order.filter((k) => readmeRows[k]).map((k) => readmeRows[k]!);
  const text =
    `Measured ${new Date().toISOString().slice(0, 10)}, load average ${loadavg.map((x) => x.toFixed(1)).join(' / ')} (start / end) on ${os.cpus().length} cores; Node ${process.version}; medians of interleaved rounds, peak RSS from \`/usr/bin/time\`.\n\n` +
    table(['measurement', 'generator', 'openapi-typescript alone', 'ratio', 'target', ''], rows);
  const file = path.join(root, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const start = readme.indexOf(README_BEGIN);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) {
    console.log(`bench/generate: README.md has no ${README_BEGIN} … ${README_END} block; figures not written.`);
    return;
  }
  writeFileSync(file, readme.slice(0, start + README_BEGIN.length) + `\n${text}\n` + readme.slice(end));
  console.log('bench/generate: figures written to README.md.');
}

// ---------------------------------------------------------------- main

const started = Date.now();
const env = {
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  loadavgStart: os.loadavg().map((x) => Number(x.toFixed(2))),
  peakRss: haveTime ? '/usr/bin/time %M (largest process in the tree)' : 'unavailable (wall time only)',
  launcher: opts.npx ? 'npx' : 'node_modules/.bin',
  rounds: opts.rounds,
  rounds300: opts.with300 ? opts.rounds300 : 0,
};
console.log(
  `bench/generate: ${env.rounds} rounds${opts.quick ? ' (--quick)' : ''}, ${env.cpus} CPUs, load ${env.loadavgStart.join(' ')}, node ${env.node}; peak RSS: ${env.peakRss}; launching via ${env.launcher}; temp ${tmp}`,
);
let failed = false;
try {
  // The generator's own code is compiled on its first run after a change to
  // scripts/ (scripts/pipeline/compiled.mjs); that happens here, not in round 1.
  await measure('node', ['scripts/cli.mjs', '--help']);
  if (opts.only.has('full') || opts.only.has('noop')) await fullAndNoop();
  if (opts.only.has('change')) await oneResourceChange();
  if (opts.only.has('synth')) await synthetic();
  if (opts.only.has('tsc')) await consumerTypecheck();
  if (opts.readme && !opts.quick && opts.with300 && SECTIONS.every((x) => opts.only.has(x)))
    writeReadme([env.loadavgStart[0]!, os.loadavg()[0]!]);
} catch (e) {
  failed = true;
  console.error(`\nbench/generate: failed: ${(e as Error).message}`);
} finally {
  if (!opts.keep) rmSync(tmp, { recursive: true, force: true });
}
const elapsedS = Math.round((Date.now() - started) / 1000);
const resultsFile = path.join(
  os.tmpdir(),
  `astra-bench-generate-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
);
writeFileSync(
  resultsFile,
  JSON.stringify(
    { env: { ...env, loadavgEnd: os.loadavg().map((x) => Number(x.toFixed(2))), elapsedS }, results, markdown },
    null,
    2,
  ) + '\n',
);
console.log(
  `bench/generate: done in ${elapsedS} s (load now ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}); results: ${resultsFile}`,
);
if (failed) process.exitCode = 1;
