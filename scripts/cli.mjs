// Entry of `npm run generate`: parses the arguments and calls main() in
// scripts/generate.ts. Plain JavaScript, so that a no-op regeneration costs
// one node start and a hash of the inputs: that check runs here, before the
// TypeScript pipeline and its libraries are loaded.
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, parseArgs } from './pipeline/args.mjs';
import { inputsHash, upToDate } from './pipeline/stamp.mjs';
import { loadCompiled } from './pipeline/compiled.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);

/** The parsed arguments; null when main() must report a usage error. */
function parsedArgs() {
  try {
    return parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return null;
    throw e;
  }
}

const args = parsedArgs();
// A plain write is the only run that can be a no-op.
const inputs = args && !args.check && !args.help ? inputsHash(args.spec, projectRoot, args.out) : undefined;
const lastWarnings = inputs ? upToDate(projectRoot, args.out, inputs) : null;
if (lastWarnings) {
  for (const line of lastWarnings) console.error(line);
  console.log(
    `generate: ${path.relative(process.cwd(), args.out) || '.'}/ is already up to date with the spec (no-op).`,
  );
} else {
  // The worker starts first: its imports (openapi-typescript, swagger-parser,
  // prettier) then overlap with loading the pipeline here.
  const worker =
    process.env.ASTRA_GENERATE_WORKER === '0' || !args || args.help
      ? undefined
      : new Worker(new URL('./pipeline/offload-worker.mjs', import.meta.url));
  const { main } = await loadCompiled(projectRoot, 'scripts/generate.ts');
  process.exitCode = await main(argv, { worker, staleInputs: inputs });
  await worker?.terminate();
}
