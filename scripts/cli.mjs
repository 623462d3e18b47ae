// Entry of `npm run generate`. An up-to-date output folder is detected here,
// in plain JavaScript, so a no-op regeneration costs one node start and a
// hash of the inputs; only when there is work does it load the TypeScript
// pipeline (scripts/generate.ts) through tsx.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { inputsHash, isUpToDate } from './pipeline/stamp.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);

/** The --spec/--out values, as generate.ts reads them; null if the arguments need the full parser. */
function quickArgs() {
  const args = { spec: path.join(projectRoot, 'spec/openapi.yaml'), out: path.join(projectRoot, 'generated') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--spec' && argv[i + 1]) args.spec = path.resolve(argv[++i]);
    else if (argv[i] === '--out' && argv[i + 1]) args.out = path.resolve(argv[++i]);
    else return null; // --check, --force, --help, or anything generate.ts must judge
  }
  return args;
}

const quick = quickArgs();
const inputs = quick ? inputsHash(quick.spec, projectRoot, quick.out) : undefined;
if (quick && isUpToDate(projectRoot, quick.out, inputs)) {
  console.log(
    `generate: ${path.relative(process.cwd(), quick.out) || '.'}/ is already up to date with the spec (no-op).`,
  );
} else {
  // Start the worker first: its imports (openapi-typescript, prettier) then
  // overlap with loading the TypeScript pipeline here.
  const worker =
    process.env.ASTRA_GENERATE_WORKER === '0'
      ? undefined
      : new Worker(new URL('./pipeline/offload-worker.mjs', import.meta.url));
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('./generate.ts');
  process.exitCode = await main(argv, { worker, staleInputs: inputs });
  await worker?.terminate();
}
