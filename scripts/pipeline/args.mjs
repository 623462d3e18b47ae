// The generator's command line, parsed once for both entries: scripts/cli.mjs
// (`npm run generate`) and main() in scripts/generate.ts (the tests call it
// in-process). Plain JavaScript (typed by args.d.mts) so the CLI can parse
// and answer a no-op before it loads the TypeScript pipeline.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const DEFAULT_SPEC = path.join(projectRoot, 'spec/openapi.yaml');
export const DEFAULT_OUT = path.join(projectRoot, 'generated');

export const USAGE = `usage: npm run generate -- [--check] [--spec FILE] [--out DIR] [--force] [--help]

  --check        generate in memory and compare with DIR; exit 1 listing stale files and the fixing command
  --spec FILE    the OpenAPI 3.0/3.1 document to read (default: spec/openapi.yaml)
  --out DIR      the folder to write (default: generated/); only files the generator wrote there before
                 are replaced or removed, and a non-empty folder it did not write is refused
  --force        write into a non-empty folder that has no .generate-stamp.json (its files are left alone)
  --help         print this text

environment:
  ASTRA_GENERATE_WORKER=0       run every step on the main thread (no worker thread)
  ASTRA_GENERATE_TIMINGS=1      print how long each stage took, on stderr
  ASTRA_GENERATE_CACHE_DIR=DIR  keep the content caches (parsed spec files, formatted output) in DIR
                                (default: node_modules/.cache/astra-control-sdk)`;

export class UsageError extends Error {}

/** The arguments as a record; throws UsageError naming the argument it cannot take. */
export function parseArgs(argv) {
  const args = { check: false, force: false, help: false, spec: DEFAULT_SPEC, out: DEFAULT_OUT };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') args.check = true;
    else if (a === '--force') args.force = true;
    else if (a === '--help' || a === '-h') args.help = true;
    else if (a === '--spec' || a === '--out') {
      const value = argv[++i];
      if (!value) throw new UsageError(`${a} needs a value`);
      args[a === '--spec' ? 'spec' : 'out'] = path.resolve(value);
    } else throw new UsageError(`unknown argument ${JSON.stringify(a)}`);
  }
  return args;
}

/** The command that regenerates what --check compared: the same --spec and --out when they are not the defaults. */
export function fixCommand(args) {
  const show = (p) => path.relative(process.cwd(), p) || '.';
  const extra = [
    ...(args.spec !== DEFAULT_SPEC ? ['--spec', show(args.spec)] : []),
    ...(args.out !== DEFAULT_OUT ? ['--out', show(args.out)] : []),
  ];
  return extra.length ? `npm run generate -- ${extra.join(' ')}` : 'npm run generate';
}
