// The generator: spec/ → generated/. The pipeline is visible here, one named
// stage after another: load → validate → model → render → format → write.
//
//   npm run generate                          regenerate generated/ from spec/
//   npm run generate -- --check               regenerate in memory, exit 1 if generated/ is stale
//   npm run generate -- --spec F --out D      the same pipeline on any OpenAPI 3.0/3.1 file
import { readFileSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from './pipeline/load.ts';
import { checkSources, reportSwaggerParser } from './pipeline/validate.ts';
import { buildModel, AccessorCollisionError } from './model/build.ts';
import { loadTemplates } from './render/engine.ts';
import { render, type FileMap } from './render/render.ts';
import { runtimeImportFor, type RuntimeImport } from './render/runtime-import.ts';
import { bannerText } from './render/views.ts';
import { format } from './pipeline/format.ts';
import { type Offload, inProcessOffload, workerOffload } from './pipeline/offload.ts';
import { writeOutput, compareOutput, ForeignOutputError } from './pipeline/write.ts';
import { STAMP_FILE, inputsHash, isUpToDate, makeStamp, recordCache } from './pipeline/stamp.mjs';
import { SpecError, formatDiagnostic } from './util/diagnostics.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const GENERATOR_VERSION: string = JSON.parse(
  readFileSync(path.join(projectRoot, 'package.json'), 'utf8'),
).version;

/** Runs every stage but the write; returns the files that would be written. */
export interface GenerateOptions {
  /**
   * Run openapi-typescript and a share of prettier on a worker thread (the
   * CLI does): `true` to start one, or a Worker already started on
   * pipeline/offload-worker.mjs.
   */
  worker?: boolean | Worker;
  /**
   * The folder the files are for. It decides how generated code imports the
   * runtime: by relative path in this repository's generated/, as
   * `astra-control-sdk/runtime` anywhere else (and when absent).
   */
  out?: string;
}

export async function generateFiles(specFile: string, options: GenerateOptions = {}): Promise<FileMap> {
  const offload = options.worker
    ? workerOffload(options.worker === true ? undefined : options.worker)
    : inProcessOffload();
  let result: { files: FileMap; banner: Banner };
  try {
    result = await generateSdkFiles(specFile, offload, runtimeImportFor(projectRoot, options.out));
  } finally {
    await offload.close();
  }
  const { banner, files } = result;
  files.set(STAMP_FILE, makeStamp({ banner: bannerText(banner), ...banner }, files.keys()));
  return files;
}

/** Stage timings, printed when ASTRA_GENERATE_TIMINGS is set (the benchmark uses them). */
const timings: [string, number][] = [];
let lastMark = performance.now();
const mark = (stage: string) => {
  const now = performance.now();
  timings.push([stage, now - lastMark]);
  lastMark = now;
};

interface Banner {
  generator: string;
  specHash: string;
}

async function generateSdkFiles(
  specFile: string,
  offload: Offload,
  runtimeImport: RuntimeImport,
): Promise<{ files: FileMap; banner: Banner }> {
  mark('start');
  const spec = await load(specFile);
  mark('load');
  // validate = the project's own checks (here, on the source files) +
  // swagger-parser's check of the bundled document. That one and
  // openapi-typescript's raw types are pure and heavy, so they start now and,
  // with a worker, run on the second core beside the own checks, model and
  // render. swagger-parser's verdict is awaited before anything is formatted
  // or written, and a spec it rejects is reported as rejected even when a
  // later stage fails too.
  // A third-party failure is still a located diagnostic, never a bare stack.
  const rawTypes = offload.rawTypes(spec.bundled).catch((e: Error) => {
    const file = path.relative(process.cwd(), spec.rootFile);
    throw new SpecError([
      { file, pointer: '#', message: `openapi-typescript could not print its types: ${e.message}` },
    ]);
  });
  const swaggerParserResult = offload.swaggerParserCheck(spec.bundled);
  rawTypes.catch(() => {}); // awaited in render
  swaggerParserResult.catch(() => {}); // awaited below
  try {
    checkSources(spec);
  } catch (e) {
    const failure = await swaggerParserResult;
    if (!(e instanceof SpecError) || !failure) throw e;
    try {
      reportSwaggerParser(spec, failure);
    } catch (more) {
      throw new SpecError([...e.diagnostics, ...(more as SpecError).diagnostics]);
    }
  }
  mark('validate (own checks)');
  let model;
  try {
    model = buildModel(spec.bundled);
  } catch (e) {
    reportSwaggerParser(spec, await swaggerParserResult);
    if (e instanceof AccessorCollisionError) {
      throw new SpecError(
        e.collisions.map((message) => ({
          file: path.relative(process.cwd(), spec.rootFile),
          pointer: '#/paths',
          message,
        })),
      );
    }
    throw e;
  }
  mark('model');
  const templates = loadTemplates(path.join(projectRoot, 'templates'));
  const banner: Banner = { generator: `astra-control-sdk generator ${GENERATOR_VERSION}`, specHash: model.specHash };
  const files = await render(model, spec.bundled, templates, banner, rawTypes, runtimeImport);
  mark('render');
  reportSwaggerParser(spec, await swaggerParserResult);
  mark('validate (swagger-parser)');
  const formatted = await format(files, path.join(projectRoot, '.prettierrc.json'), offload);
  mark('format');
  if (process.env.ASTRA_GENERATE_TIMINGS)
    console.error(timings.map(([s, ms]) => `${s} ${Math.round(ms)} ms`).join(', '));
  return { files: formatted, banner };
}

interface Args {
  check: boolean;
  force: boolean;
  help: boolean;
  spec: string;
  out: string;
}

export const USAGE = `usage: npm run generate -- [--check] [--spec FILE] [--out DIR] [--force] [--help]

  --check        generate in memory and compare with DIR; exit 1 listing stale files and the fixing command
  --spec FILE    the OpenAPI 3.0/3.1 document to read (default: spec/openapi.yaml)
  --out DIR      the folder to write (default: generated/); only files the generator wrote there before
                 are replaced or removed, and a non-empty folder it did not write is refused
  --force        write into a non-empty folder that has no ${STAMP_FILE} (its files are left alone)
  --help         print this text

environment:
  ASTRA_GENERATE_WORKER=0    run every step on the main thread (no worker thread)
  ASTRA_GENERATE_TIMINGS=1   print how long each stage took, on stderr`;

export function parseArgs(argv: string[]): Args {
  const args: Args = {
    check: false,
    force: false,
    help: false,
    spec: path.join(projectRoot, 'spec/openapi.yaml'),
    out: path.join(projectRoot, 'generated'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
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

class UsageError extends Error {}

/** The command that regenerates what --check compared: the same --spec and --out when they are not the defaults. */
function fixCommand(args: Args): string {
  const defaults = parseArgs([]);
  const show = (p: string) => path.relative(process.cwd(), p) || '.';
  const extra = [
    ...(args.spec !== defaults.spec ? ['--spec', show(args.spec)] : []),
    ...(args.out !== defaults.out ? ['--out', show(args.out)] : []),
  ];
  return extra.length ? `npm run generate -- ${extra.join(' ')}` : 'npm run generate';
}

export interface MainOptions {
  /** A worker already started on pipeline/offload-worker.mjs (scripts/cli.mjs starts one early). */
  worker?: Worker;
  /**
   * inputsHash() that the caller computed and found stale against the output
   * folder's stamp (scripts/cli.mjs does), so the check is not repeated.
   */
  staleInputs?: string;
}

export async function main(argv: string[], options: MainOptions = {}): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    console.error(`generate: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const started = performance.now();
  try {
    const inputs = options.staleInputs ?? inputsHash(args.spec, projectRoot, args.out);
    if (!args.check && !options.staleInputs && isUpToDate(projectRoot, args.out, inputs)) {
      console.log(
        `generate: ${path.relative(process.cwd(), args.out) || '.'}/ is already up to date with the spec (no-op).`,
      );
      return 0;
    }
    const useWorker = process.env.ASTRA_GENERATE_WORKER !== '0';
    const files = await generateFiles(args.spec, {
      worker: useWorker ? (options.worker ?? true) : false,
      out: args.out,
    });
    const outDisplay = path.relative(process.cwd(), args.out) || '.';
    if (args.check) {
      const report = compareOutput(args.out, files);
      const stale = [
        ...report.changed.map((f) => `changed: ${f}`),
        ...report.missing.map((f) => `missing: ${f}`),
        ...report.extra.map((f) => `stale extra file: ${f}`),
      ];
      if (stale.length) {
        console.error(`generate --check: ${outDisplay}/ is out of date with the spec (${stale.length} files):`);
        for (const s of stale) console.error(`  ${s}`);
        console.error(`Fix: ${fixCommand(args)}`);
        return 1;
      }
      console.log(`generate --check: ${outDisplay}/ is up to date (${files.size} files).`);
      return 0;
    }
    writeOutput(args.out, files, { force: args.force });
    recordCache(projectRoot, args.out, inputs, files);
    console.log(
      `generate: wrote ${files.size} files to ${outDisplay}/ in ${Math.round(performance.now() - started)} ms.`,
    );
    return 0;
  } catch (e) {
    if (e instanceof ForeignOutputError) {
      console.error(`generate: ${e.message}`);
      return 2;
    }
    if (e instanceof SpecError) {
      console.error(
        `generate: the spec was rejected (${e.diagnostics.length} problem${e.diagnostics.length === 1 ? '' : 's'}); nothing was written.`,
      );
      for (const d of e.diagnostics) console.error(`  ${formatDiagnostic(d)}`);
      return 1;
    }
    console.error(`generate: failed; nothing was written.\n  ${(e as Error).stack ?? e}`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
