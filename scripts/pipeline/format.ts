// Stage 5, format: prettier with the project's committed config, so generated
// TypeScript is readable and diffs are small. Prettier is a pure function,
// which allows two savings without changing a byte:
// - its output is cached by content (format-cache.ts): a regeneration formats
//   only the files whose text changed;
// - with a worker (offload.ts), the files left are split between the two
//   threads.
// Prettier's `babel-ts` parser is used: on generated code it prints the same
// bytes as the `typescript` parser (the golden tests would show otherwise)
// and takes about two thirds of the time.
//
// Files that skip prettier:
// - the TypeScript modules the renderer marks as laid out in prettier's form
//   (RenderedFiles.prettierForm: the model and client modules, models/index.ts,
//   index.ts, problems.ts). The views print each construct through
//   render/layout.ts: prettier's own document printer (prettier/doc) fed
//   the documents prettier's TypeScript printer builds for those constructs, and mark a module only
//   when every construct in it is one they lay out (see Vouch). Such a
//   module still goes through prettier when the configuration is not the one
//   the layouts reproduce (PRETTIER_FORM), or when a line of code is longer
//   than printWidth or holds a character prettier may not count as one
//   column (which it might lay out otherwise); test/generator/render/
//   prettier-form.test.ts checks every generated module, the golden fixtures
//   and synthetic specs against prettier byte for byte;
// - JSON (openapi.json) is reprinted in prettier's layout by
//   render/prettier-json.ts, about a hundred times faster (a test compares
//   the two byte for byte; where that printer declines, prettier runs);
// - openapi-types.ts is kept as openapi-typescript's TypeScript printer
//   wrote it;
// - the markdown docs are written line by line by the templates (prettier
//   would only pad table columns, which makes diffs noisier).
//
// prettier itself is loaded only when some file needs it: the config is read
// as the JSON it is (prettier's resolution when it has overrides or is not
// JSON), so a generation whose modules are all vouched for never loads it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type * as Prettier from 'prettier';
import type { FileMap } from '../util/files.ts';
import { openFormatCache } from './format-cache.ts';
import { printJsonLikePrettier } from '../render/prettier-json.ts';
import { type FormatJob, type HeavySteps, inProcessSteps } from './offload.ts';
import { PRETTIER_FORM } from '../render/typescript-layout.ts';

/** What render() returns: the files, and which TypeScript modules it printed in prettier's form. */
export type RenderedFiles = FileMap & { prettierForm?: ReadonlySet<string> };

const PRINTED_ELSEWHERE = new Set(['openapi-types.ts']);

/** Files the worker formats per round trip: enough to amortise messaging, small enough to balance. */
const WORKER_BATCH = 8;

/** Whether `file` goes through prettier (every other file is written as rendered). */
export const needsPrettier = (file: string) => file.endsWith('.ts') && !PRINTED_ELSEWHERE.has(file);

export interface FormatOptions {
  configFile: string;
  /** Where prettier runs; a worker takes a share. Default: this thread only. */
  steps?: HeavySteps;
  /** The format cache's folder; null or absent for none. */
  cacheDir?: string | null;
}

export async function format(files: RenderedFiles, options: FormatOptions): Promise<FileMap> {
  const config = await prettierConfig(options.configFile);
  const vouched = reproducesConfig(config) ? (files.prettierForm ?? new Set<string>()) : new Set<string>();
  const pending = [...files.keys()].filter(
    (name) =>
      needsPrettier(name) && !(vouched.has(name) && inPrettierWidth(files.get(name)!, PRETTIER_FORM.printWidth)),
  );
  const done = pending.length ? await formatWithPrettier(pending, files, config, options) : new Map<string, string>();

  const out: FileMap = new Map(files);
  for (const [name, text] of files) {
    // Optional template sections leave blank-line runs in markdown, folded here.
    if (name.endsWith('.md')) out.set(name, text.replace(/\n{3,}/g, '\n\n').replace(/\s*$/, '\n'));
    if (name.endsWith('.json')) out.set(name, await formatJson(text, name, config));
  }
  for (const [name, text] of done) out.set(name, text);
  return out;
}

/** Prettier's output for `names`: from the format cache, or formatted on this thread and the worker. */
async function formatWithPrettier(
  names: string[],
  files: FileMap,
  config: Prettier.Options,
  options: FormatOptions,
): Promise<Map<string, string>> {
  const { steps = inProcessSteps() } = options;
  const prettier = await import('prettier');
  const cache = openFormatCache(options.cacheDir ?? null, JSON.stringify([prettier.version, 'babel-ts', config]));
  const done = new Map<string, string>();
  const keys = new Map<string, string>();
  const queue: string[] = [];
  for (const name of names) {
    const key = cache.key(path.basename(name), files.get(name)!);
    const hit = cache.get(key);
    if (hit !== undefined) done.set(name, hit);
    else {
      keys.set(name, key);
      queue.push(name);
    }
  }
  // Largest first. This thread takes files from the front, one at a time;
  // the worker (when there is one) takes batches from the back as soon as it
  // is free, so neither thread idles while the other still has a queue.
  queue.sort((a, b) => files.get(b)!.length - files.get(a)!.length || (a < b ? -1 : 1));
  const job = (name: string): FormatJob => ({ filepath: path.basename(name), text: files.get(name)! });
  const local = inProcessSteps();
  const thisThread = async () => {
    while (queue.length) {
      const name = queue.shift()!;
      done.set(name, (await local.formatTypeScript([job(name)], config).catch(rethrowFor([name])))[0]!);
      // prettier is synchronous under its promises: without a turn of the
      // event loop between files, the worker's replies would wait until this
      // loop ends, and the worker would idle.
      await new Promise(setImmediate);
    }
  };
  const workerThread = async () => {
    while (steps.parallel && queue.length > 1) {
      const batch = queue.splice(Math.max(1, queue.length - WORKER_BATCH), WORKER_BATCH);
      const formatted = await steps.formatTypeScript(batch.map(job), config).catch(rethrowFor(batch));
      batch.forEach((name, i) => done.set(name, formatted[i]!));
    }
  };
  await Promise.all([thisThread(), workerThread()]);
  for (const [name, key] of keys) cache.set(key, done.get(name)!);
  cache.save();
  return done;
}

/** The options in `configFile` for TypeScript files: its JSON, or prettier's own resolution of anything else. */
async function prettierConfig(configFile: string): Promise<Prettier.Options> {
  if (configFile.endsWith('.json')) {
    const parsed = JSON.parse(readFileSync(configFile, 'utf8')) as unknown;
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && !('overrides' in parsed))
      return parsed as Prettier.Options;
  }
  // Resolved for a TypeScript file beside the config, so overrides for `*.ts` apply.
  const prettier = await import('prettier');
  const typescriptFile = path.join(path.dirname(configFile), 'generated.ts');
  return (await prettier.resolveConfig(typescriptFile, { config: configFile })) ?? {};
}

/** Whether prettier's options are those the layouts reproduce (other options prettier defaults are left unset). */
function reproducesConfig(config: Prettier.Options): boolean {
  const expected: Prettier.Options = {
    tabWidth: 2,
    useTabs: false,
    semi: true,
    quoteProps: 'as-needed',
    bracketSpacing: true,
    ...PRETTIER_FORM,
  };
  return (
    Object.entries(expected).every(([key, value]) => (config[key as keyof Prettier.Options] ?? value) === value) &&
    Object.keys(config).every((key) => key in expected || key === 'proseWrap')
  );
}

const ONE_COLUMN_LINE = /^[\u0020-\u007e\u00a0-\u02ff]*$/;

/**
 * Whether every line of code (a comment's lines are never reflowed) is at
 * most `printWidth` wide and made of characters one column wide each.
 */
function inPrettierWidth(text: string, printWidth: number): boolean {
  for (const line of text.split('\n')) {
    const code = line.trimStart();
    if (code.startsWith('*') || code.startsWith('/*') || code.startsWith('//')) continue;
    if (line.length > printWidth || !ONE_COLUMN_LINE.test(line)) return false;
  }
  return true;
}

async function formatJson(text: string, name: string, config: Prettier.Options): Promise<string> {
  const printWidth = config.printWidth ?? 80;
  const printed = printJsonLikePrettier(JSON.parse(text), printWidth);
  if (printed !== null) return printed;
  const prettier = await import('prettier');
  return prettier.format(text, { ...config, parser: 'json', filepath: path.basename(name) });
}

function rethrowFor(names: string[]) {
  return (e: Error): never => {
    throw new Error(
      `prettier could not format generated TypeScript (${names.length} files, e.g. ${names[0]}): ${e.message.split('\n')[0]}`,
    );
  };
}
