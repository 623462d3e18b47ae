// Package benchmark: what installing and type-checking the SDK costs a user.
//
//  1. Type-check time of a three-line consumer of the documented import
//     (`import { createAstraClient } from 'astra-control-sdk'`, one call),
//     against the same three lines written with openapi-fetch over
//     openapi-typescript's `paths` for the same spec (saved as the user's
//     `schema.d.ts`, as openapi-typescript's documentation does). Both compile
//     in the same fresh project, with the packed tarball installed; each
//     round runs every contender once in a fresh tsc process, in rotating
//     order; the ratio is the median of per-round ratios. Target: ≤ 0.75×.
//     Done with skipLibCheck on (tsc --init's default) and off.
//  2. The tarball: packed size and file count, by kind.
//
// Figures are printed and written into the README between the
// bench:package markers.
//
//   npx tsx bench/package/run.ts [--quick] [--rounds N] [--no-readme]
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packAndInstall, type PackAndInstall } from '../support/consumer-project.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const roundsFlag = argv.indexOf('--rounds');
const ROUNDS = roundsFlag >= 0 ? Number(argv[roundsFlag + 1]) : argv.includes('--quick') ? 3 : 9;
const TARGET = 0.75;
const BEGIN = '<!-- bench:package:begin (npm run bench -- --only package) -->';
const END = '<!-- bench:package:end -->';

const CONSUMERS = {
  sdk: `import { createAstraClient } from 'astra-control-sdk';
const astra = createAstraClient({ baseUrl: 'https://astra.example.com', accountId: 'acc', token: 'token' });
export const name: string = (await astra.credentials.get('c1')).name;
`,
  peer: `import createClient from 'openapi-fetch';
import type { paths } from './schema.js';
const client = createClient<paths>({ baseUrl: 'https://astra.example.com' });
export const name: string | undefined = (await client.GET('/accounts/{account_id}/core/v1/credentials/{credential_id}', { params: { path: { account_id: 'acc', credential_id: 'c1' } } })).data?.name;
`,
  // The fixed cost both pay: tsc itself and the standard library's types.
  empty: `export const name: string = 'c1';\n`,
} as const;
type Contender = keyof typeof CONSUMERS;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function writeProject(consumer: string, skipLibCheck: boolean): Record<Contender, string> {
  copyFileSync(path.join(root, 'generated/openapi-types.ts'), path.join(consumer, 'schema.d.ts'));
  const configs = {} as Record<Contender, string>;
  for (const name of Object.keys(CONSUMERS) as Contender[]) {
    writeFileSync(path.join(consumer, `${name}.ts`), CONSUMERS[name]);
    const config = path.join(consumer, `tsconfig.${name}.${skipLibCheck ? 'skip' : 'full'}.json`);
    const compilerOptions = {
      target: 'ES2022',
      module: 'node16',
      moduleResolution: 'node16',
      lib: ['ES2022', 'DOM'],
      types: [],
      strict: true,
      skipLibCheck,
      noEmit: true,
    };
    writeFileSync(config, JSON.stringify({ compilerOptions, files: [`${name}.ts`] }));
    configs[name] = config;
  }
  return configs;
}

/** Seconds one fresh tsc process takes on `config`; fails loudly if the program does not compile. */
function timeTsc(config: string): number {
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  const started = performance.now();
  execFileSync(process.execPath, [tsc, '-p', config], { cwd: path.dirname(config), stdio: 'pipe' });
  return (performance.now() - started) / 1000;
}

interface TypeCheckResult {
  skipLibCheck: boolean;
  seconds: Record<Contender, number>;
  ratio: number;
}

function measureTypeCheck(consumer: string, skipLibCheck: boolean): TypeCheckResult {
  const configs = writeProject(consumer, skipLibCheck);
  const names = Object.keys(CONSUMERS) as Contender[];
  for (const n of names) timeTsc(configs[n]); // warm the file cache; also proves each compiles
  const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<Contender, number[]>;
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]!);
    const t = {} as Record<Contender, number>;
    for (const n of order) times[n].push((t[n] = timeTsc(configs[n])));
    ratios.push(t.sdk / t.peer);
  }
  return {
    skipLibCheck,
    seconds: Object.fromEntries(names.map((n) => [n, median(times[n])])) as Record<Contender, number>,
    ratio: median(ratios),
  };
}

function tarballKinds(pkg: PackAndInstall) {
  const kinds = [
    ['JavaScript (ESM and CommonJS)', (f: string) => f.startsWith('dist/') && f.endsWith('.js')],
    ['type declarations (.d.ts)', (f: string) => f.endsWith('.d.ts')],
    [
      'declaration maps and the sources they map to',
      (f: string) => f.endsWith('.d.ts.map') || (!f.startsWith('dist/') && f.endsWith('.ts')),
    ],
    ['package.json, README, LICENSE, CHANGELOG', () => true],
  ] as const;
  const counts = new Map<string, number>();
  for (const f of pkg.files) {
    const kind = kinds.find(([, test]) => test(f))![0];
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return kinds.map(([k]) => [k, counts.get(k) ?? 0] as const);
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);
const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;

function report(results: TypeCheckResult[], pkg: PackAndInstall): string {
  const lines = [
    `Figures from ${new Date().toISOString().slice(0, 10)} (load average ${os.loadavg()[0]!.toFixed(1)}; Node ${process.version}; ${ROUNDS} interleaved rounds, medians):`,
    '',
    '| `tsc` on a three-line consumer (one call) | `astra-control-sdk` | openapi-fetch + openapi-typescript `paths` | ratio | target | | empty program (fixed cost) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| skipLibCheck ${r.skipLibCheck ? 'on' : 'off'} | ${fmt(r.seconds.sdk)} s | ${fmt(r.seconds.peer)} s | ${fmt(r.ratio)}× | ≤ ${TARGET}× | ${r.ratio <= TARGET ? 'pass' : 'miss'} | ${fmt(r.seconds.empty)} s |`,
    ),
    '',
    `Tarball (\`npm pack\`): ${kB(pkg.packedSize)} packed, ${kB(pkg.unpackedSize)} unpacked, ${pkg.files.length} files: ${tarballKinds(
      pkg,
    )
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}.`,
  ];
  return lines.join('\n');
}

function writeReadme(figures: string) {
  const file = path.join(root, 'README.md');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${BEGIN} … ${END} section`);
  writeFileSync(file, text.slice(0, start + BEGIN.length) + '\n' + figures + '\n' + text.slice(end));
}

const work = mkdtempSync(path.join(os.tmpdir(), 'astra-bench-package-'));
try {
  const pkg = await packAndInstall(root, work);
  const results = [measureTypeCheck(pkg.consumer, true), measureTypeCheck(pkg.consumer, false)];
  const figures = report(results, pkg);
  console.log(figures);
  if (!argv.includes('--no-readme')) writeReadme(figures);
} finally {
  rmSync(work, { recursive: true, force: true });
}
