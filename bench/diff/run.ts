// Diff benchmark (issue #10): `npm run diff` on two copies of spec/ (247
// operations) that differ by one change, beside one `npm run generate --
// --check` on the same machine in the same run, interleaved (A, B, then
// B, A …), medians of the rounds. Target: the diff takes at most 1.0× the
// check. Each side is a fresh process, started the way its npm script starts
// it (tsx scripts/diff/cli.ts; node scripts/cli.mjs), without npm's own start-up.
// The figure is written between the bench:diff markers of README.md.
//
//   npx tsx bench/diff/run.ts [--quick] [--rounds N] [--no-readme] [--keep]
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TARGET = 1.0;
const README_BEGIN = '<!-- bench:diff:begin (npm run bench -- --only diff) -->';
const README_END = '<!-- bench:diff:end -->';

function parseOptions(argv: string[]) {
  const quick = argv.includes('--quick');
  const o = { quick, rounds: quick ? 3 : 7, readme: true, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--rounds') {
      o.rounds = Number(argv[++i]);
      if (!Number.isInteger(o.rounds) || o.rounds < 1) throw new Error('--rounds needs a positive integer');
    } else if (a === '--no-readme') o.readme = false;
    else if (a === '--keep') o.keep = true;
    // Other flags are for the other benchmarks (bench/run.ts passes every flag to each).
  }
  return o;
}

/** Runs a command to completion; resolves with its wall time, rejects when its exit status is not the expected one. */
function timed(cmd: string, args: string[], expectedExit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code === expectedExit) resolve(ms);
      else
        reject(
          new Error(
            `${path.basename(cmd)} ${args.join(' ')} exited with ${code}, expected ${expectedExit}\n${output.trim().split('\n').slice(-15).join('\n')}`,
          ),
        );
    });
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Two copies of spec/; the revision's credential keyType enum gains a value (used by 5 operations). */
function prepareCopies(tmp: string): { base: string; revision: string } {
  cpSync(path.join(root, 'spec'), path.join(tmp, 'base/spec'), { recursive: true });
  cpSync(path.join(root, 'spec'), path.join(tmp, 'revision/spec'), { recursive: true });
  const file = path.join(tmp, 'revision/spec/schemas/credential.yaml');
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(/(\n {2}enum: \[generic, [^\]]*)\]/, '$1, azure]');
  if (changed === text) throw new Error(`bench/diff: the one change could not be made in ${file}`);
  writeFileSync(file, changed);
  return { base: path.join(tmp, 'base/spec/openapi.yaml'), revision: path.join(tmp, 'revision/spec/openapi.yaml') };
}

function writeReadme(markdown: string): void {
  const file = path.join(root, 'README.md');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(README_BEGIN);
  const end = text.indexOf(README_END);
  if (start === -1 || end < start) {
    console.log(`bench/diff: README.md has no ${README_BEGIN} … ${README_END} block; figure not written.`);
    return;
  }
  writeFileSync(file, text.slice(0, start + README_BEGIN.length) + '\n' + markdown + '\n' + text.slice(end));
  console.log('bench/diff: figure written to README.md.');
}

const opts = parseOptions(process.argv.slice(2));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'astra-bench-diff-'));
const tsx = path.join(root, 'node_modules/.bin/tsx');
try {
  const { base, revision } = prepareCopies(tmp);
  const sides = {
    diff: () => timed(tsx, ['scripts/diff/cli.ts', base, revision, '--format', 'json'], 1),
    check: () => timed(process.execPath, ['scripts/cli.mjs', '--check'], 0),
  };
  const times: Record<keyof typeof sides, number[]> = { diff: [], check: [] };
  const load = os.loadavg()[0]!.toFixed(2);
  console.log(
    `bench/diff: ${opts.rounds} interleaved rounds, ${os.cpus().length} CPUs, load ${load}, node ${process.version}`,
  );
  // One unmeasured run of each warms the file cache and tsx's transform cache for both.
  await sides.diff();
  await sides.check();
  for (let round = 0; round < opts.rounds; round++) {
    const order: (keyof typeof sides)[] = round % 2 ? ['check', 'diff'] : ['diff', 'check'];
    for (const side of order) {
      const ms = await sides[side]();
      times[side].push(ms);
      console.log(`  [${round + 1}/${opts.rounds}] ${side}: ${(ms / 1000).toFixed(2)} s`);
    }
  }
  const diff = median(times.diff);
  const check = median(times.check);
  const ratio = diff / check;
  const date = new Date().toISOString().slice(0, 10);
  const markdown = [
    `| measurement | \`npm run diff\` | \`npm run generate -- --check\` | ratio | target | |`,
    '| --- | --- | --- | --- | --- | --- |',
    `| two copies of \`spec/\` (247 operations), one change, median of ${opts.rounds} interleaved rounds (${date}, load ${load}) | ${(diff / 1000).toFixed(2)} s | ${(check / 1000).toFixed(2)} s | ${ratio.toFixed(2)}× | ≤ ${TARGET.toFixed(1)}× | ${ratio <= TARGET ? 'pass' : 'miss'} |`,
  ].join('\n');
  console.log('\n' + markdown + '\n');
  if (opts.readme) writeReadme(markdown);
} finally {
  if (!opts.keep) rmSync(tmp, { recursive: true, force: true });
}
