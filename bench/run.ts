// `npm run bench`: the generator benchmark (bench/generate/run.ts), the
// runtime benchmark (bench/runtime/run.ts), the diff benchmark
// (bench/diff/run.ts), the simulator benchmark (bench/simulator/run.ts) and
// the package benchmark (bench/package/run.ts),
// each as a child process with its output streamed. Every flag is passed
// through to each (`--quick` asks each for fewer rounds), except
// `--only generate|runtime|diff|simulator|package`, which picks one.
//
//   npm run bench [-- --quick] [-- --only generate|runtime|diff|simulator|package] [-- other flags]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const BENCHES = ['generate', 'runtime', 'diff', 'simulator', 'package'];
let only: string | undefined;
const passThrough: string[] = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]!;
  if (a === '--only' && BENCHES.includes(argv[i + 1]!)) only = argv[++i];
  else if (a.startsWith('--only=') && BENCHES.includes(a.slice('--only='.length))) only = a.slice('--only='.length);
  else passThrough.push(a);
}

const benches = [
  { name: 'generate', file: 'bench/generate/run.ts' },
  { name: 'runtime', file: 'bench/runtime/run.ts' },
  { name: 'diff', file: 'bench/diff/run.ts' },
  { name: 'simulator', file: 'bench/simulator/run.ts' },
  { name: 'package', file: 'bench/package/run.ts' },
].filter((b) => !only || b.name === only);

function run(file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', file, ...passThrough], { cwd: root, stdio: 'inherit' });
    child.on('error', (e) => {
      console.error(`bench: could not start ${file}: ${e.message}`);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

let status = 0;
for (const b of benches) {
  if (!existsSync(path.join(root, b.file))) {
    console.log(`bench: ${b.file} not found, skipped.`);
    continue;
  }
  console.log(`\n# bench: ${b.name} (${b.file}${passThrough.length ? ' ' + passThrough.join(' ') : ''})\n`);
  const code = await run(b.file);
  if (code !== 0) {
    console.error(`bench: ${b.file} exited with ${code}`);
    status = status || code;
  }
}
process.exitCode = status;
