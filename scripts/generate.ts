// The generator: spec/ → generated/. generate() below is the whole pipeline,
// one stage after another: load → validate → model → render → format; main()
// adds the command line around it: the no-op check, then --check or write.
//
//   npm run generate                          regenerate generated/ from spec/
//   npm run generate -- --check               regenerate in memory, exit 1 if generated/ is stale
//   npm run generate -- --spec F --out D      the same pipeline on any OpenAPI 3.0/3.1 file
import { readFileSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from './pipeline/load.ts';
import { ownChecks, swaggerParserDiagnostics } from './pipeline/validate.ts';
import { buildModel, AccessorCollisionError } from './model/build.ts';
import type { ApiModel } from './model/types.ts';
import { loadTemplates } from './render/engine.ts';
import { render } from './render/render.ts';
import { runtimeImportFor } from './render/runtime-import.ts';
import { bannerText } from './render/views.ts';
import { format } from './pipeline/format.ts';
import { checkWithSwaggerParser } from './pipeline/heavy-steps.mjs';
import { rawTypesCacheFile } from './pipeline/incremental-types.mjs';
import { type HeavySteps, inProcessSteps, workerSteps } from './pipeline/offload.ts';
import { writeOutput, compareOutput, ForeignOutputError } from './pipeline/write.ts';
import { STAMP_FILE, inputsHash, makeStamp, recordCache, upToDate } from './pipeline/stamp.mjs';
import { type Args, USAGE, UsageError, fixCommand, parseArgs } from './pipeline/args.mjs';
import { type Diagnostic, SpecError, formatDiagnostic } from './util/diagnostics.ts';
import type { FileMap } from './util/files.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const GENERATOR_VERSION: string = JSON.parse(
  readFileSync(path.join(projectRoot, 'package.json'), 'utf8'),
).version;

export { USAGE, parseArgs };

export interface GenerateOptions {
  /**
   * Run openapi-typescript and a share of prettier on a
   * worker thread (the CLI does): `true` to start one, or a Worker already
   * started on pipeline/offload-worker.mjs.
   */
  worker?: boolean | Worker;
  /**
   * The folder the files are for. It decides how generated code imports the
   * runtime: by relative path in this repository's generated/, as
   * `astra-control-sdk/runtime` anywhere else (and when absent).
   */
  out?: string;
  /**
   * Where prettier's output and each spec file's parsed value are cached by
   * content hash (see pipeline/content-cache.ts), and openapi-typescript's
   * last output per spec (pipeline/incremental-types.mjs); null for no cache at all
   * (neither those nor the precompiled templates). Default: the
   * ASTRA_GENERATE_CACHE_DIR environment variable, else
   * node_modules/.cache/astra-control-sdk.
   */
  cacheDir?: string | null;
  /**
   * Told about what the spec declares that the client leaves out (a TRACE
   * operation), each at its file and JSON pointer, once the spec is accepted.
   * The CLI prints them on stderr.
   */
  onWarning?: (warning: Diagnostic) => void;
}

/** Stage timings, printed when ASTRA_GENERATE_TIMINGS is set (the benchmark reads them). */
function stageClock() {
  const timings: string[] = [];
  const start = performance.now();
  let last = start;
  return {
    mark(stage: string) {
      const now = performance.now();
      timings.push(`${stage} ${Math.round(now - last)} ms`);
      last = now;
    },
    /** An event off the stage sequence (a worker's answer), by its time since the start. */
    at(event: string) {
      timings.push(`(${event} at ${Math.round(performance.now() - start)} ms)`);
    },
    report() {
      if (process.env.ASTRA_GENERATE_TIMINGS) console.error(timings.join(', '));
    },
  };
}

/** Every stage but the write: the files that would be written, the stamp included. */
export async function generate(specFile: string, options: GenerateOptions = {}): Promise<FileMap> {
  const clock = stageClock();
  const steps: HeavySteps = options.worker
    ? workerSteps(options.worker === true ? undefined : options.worker)
    : inProcessSteps();
  try {
    const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
    const rawTypesCache = cacheDir && rawTypesCacheFile(cacheDir, specFile);
    if (rawTypesCache) steps.prepareRawTypes?.(rawTypesCache);
    // 1. load: read, parse and bundle the spec's files.
    const spec = await load(specFile, { cacheDir });
    clock.mark('load');
    const specDisplay = path.relative(process.cwd(), spec.rootFile);

    // openapi-typescript's types start at once (with a worker, on the second
    // core), and are awaited by render; swagger-parser's verdict is awaited
    // once, below, before anything is rendered.
    const rawTypes = steps.rawTypes(spec.bundled, rawTypesCache).catch((e: Error) => {
      throw new SpecError([
        { file: specDisplay, pointer: '#', message: `openapi-typescript could not print its types: ${e.message}` },
      ]);
    });
    rawTypes.then(
      () => clock.at('openapi-typescript types received'),
      () => {},
    ); // a rejected spec never reaches render, which awaits it
    const verdict = checkWithSwaggerParser(spec.bundled, { cacheDir });

    // 2. validate (the own checks and swagger-parser's) and 3. model. A
    // model that cannot be built from a spec swagger-parser rejects is
    // reported as that rejection.
    const warnings: Diagnostic[] = [];
    const problems: Diagnostic[] = ownChecks(spec, (w) => warnings.push(w));
    let model: ApiModel | undefined;
    let modelFailure: unknown;
    if (problems.length === 0) {
      try {
        model = buildModel(spec.bundled);
      } catch (e) {
        if (!(e instanceof AccessorCollisionError)) modelFailure = e;
        else problems.push(...e.collisions.map((message) => ({ file: specDisplay, pointer: '#/paths', message })));
      }
    }
    problems.push(...swaggerParserDiagnostics(spec, await verdict));
    if (problems.length) throw new SpecError(problems);
    if (!model) throw modelFailure;
    for (const w of warnings) options.onWarning?.(w);
    clock.mark('validate and model');

    // 4. render: the model through the templates; openapi-types.ts is openapi-typescript's.
    // Precompiled templates are kept with the compiled generator (see
    // pipeline/compiled.mjs), not with the formatted output.
    const templates = loadTemplates(path.join(projectRoot, 'templates'), cacheDir && COMPILED_DIR);
    const banner = { generator: `astra-control-sdk generator ${GENERATOR_VERSION}`, specHash: model.specHash };
    const runtimeImport = runtimeImportFor(projectRoot, options.out);
    const files = await render(model, spec.bundled, templates, banner, rawTypes, runtimeImport);
    clock.mark('render');

    // 5. format: prettier, where the emitters do not already print its form.
    const formatted = await format(files, {
      configFile: path.join(projectRoot, '.prettierrc.json'),
      steps,
      cacheDir,
    });
    formatted.set(STAMP_FILE, makeStamp({ banner: bannerText(banner), ...banner }, formatted.keys()));
    clock.mark('format');
    clock.report();
    return formatted;
  } finally {
    await steps.close();
  }
}

const COMPILED_DIR = path.join(projectRoot, 'node_modules/.cache/astra-control-sdk/compiled');

function defaultCacheDir(): string {
  return process.env.ASTRA_GENERATE_CACHE_DIR || path.join(projectRoot, 'node_modules/.cache/astra-control-sdk');
}

export interface MainOptions {
  /** A worker already started on pipeline/offload-worker.mjs (scripts/cli.mjs starts one early). */
  worker?: Worker;
  /**
   * inputsHash() of these arguments, which the caller computed and found
   * stale against the output folder (scripts/cli.mjs does, before it loads
   * this pipeline), so the no-op check is not repeated.
   */
  staleInputs?: string;
}

/** `npm run generate`: arguments → no-op check → generate() → --check or write. Returns the exit code. */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`generate: ${e.message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const started = performance.now();
  const outDisplay = path.relative(process.cwd(), args.out) || '.';
  try {
    const inputs = options.staleInputs ?? inputsHash(args.spec, projectRoot, args.out);
    const lastWarnings = args.check || options.staleInputs ? null : upToDate(projectRoot, args.out, inputs);
    if (lastWarnings) {
      for (const line of lastWarnings) console.error(line);
      console.log(`generate: ${outDisplay}/ is already up to date with the spec (no-op).`);
      return 0;
    }
    const useWorker = process.env.ASTRA_GENERATE_WORKER !== '0';
    const warnings: string[] = [];
    const files = await generate(args.spec, {
      worker: useWorker ? (options.worker ?? true) : false,
      out: args.out,
      onWarning: (w) => {
        warnings.push(`generate: warning: ${formatDiagnostic(w)}`);
        console.error(warnings.at(-1));
      },
    });
    if (args.check) return reportCheck(args, files);
    writeOutput(args.out, files, { force: args.force });
    recordCache(projectRoot, args.out, inputs, files, warnings);
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
      const n = e.diagnostics.length;
      console.error(`generate: the spec was rejected (${n} problem${n === 1 ? '' : 's'}); nothing was written.`);
      for (const d of e.diagnostics) console.error(`  ${formatDiagnostic(d)}`);
      return 1;
    }
    console.error(`generate: failed; nothing was written.\n  ${(e as Error).stack ?? e}`);
    return 1;
  }
}

/** --check: compares the files with the output folder; 1 and the stale list when they differ. */
function reportCheck(args: Args, files: FileMap): number {
  const outDisplay = path.relative(process.cwd(), args.out) || '.';
  const report = compareOutput(args.out, files);
  const stale = [
    ...report.changed.map((f) => `changed: ${f}`),
    ...report.missing.map((f) => `missing: ${f}`),
    ...report.extra.map((f) => `stale extra file: ${f}`),
  ];
  if (stale.length === 0) {
    console.log(`generate --check: ${outDisplay}/ is up to date (${files.size} files).`);
    return 0;
  }
  console.error(`generate --check: ${outDisplay}/ is out of date with the spec (${stale.length} files):`);
  for (const s of stale) console.error(`  ${s}`);
  console.error(`Fix: ${fixCommand(args)}`);
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
