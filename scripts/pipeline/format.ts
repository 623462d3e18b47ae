// Stage 5, format: prettier in-process with the project's committed config,
// so generated TypeScript is readable and diffs are small. With a worker
// (pipeline/offload.ts) the files are split between the two threads; prettier
// is a pure function, so the bytes do not depend on who formatted them.
// Prettier's `babel-ts` parser is used: on generated code it prints the same
// bytes as the `typescript` parser (the golden tests would show otherwise)
// and takes about two thirds of the time.
//
// Three kinds of file skip prettier because a deterministic printer already
// laid them out and prettier would only cost time (it was 80% of a full run):
// openapi.json (JSON.stringify with two-space indent is prettier's JSON
// layout), openapi-types.ts (printed by the TypeScript printer inside
// openapi-typescript) and the markdown docs (templates write them line by
// line; prettier would only pad table columns, which makes diffs noisier).
import path from 'node:path';
import * as prettier from 'prettier';
import type { FileMap } from '../render/render.ts';
import { type FormatJob, type Offload, inProcessOffload } from './offload.ts';

const PRINTED_ELSEWHERE = new Set(['openapi-types.ts']);

/** Files the worker formats per round trip: enough to amortise messaging, small enough to balance. */
const WORKER_BATCH = 8;

const needsPrettier = (file: string) => file.endsWith('.ts') && !PRINTED_ELSEWHERE.has(file);

export async function format(
  files: FileMap,
  configFile: string,
  offload: Offload = inProcessOffload(),
): Promise<FileMap> {
  const config = (await prettier.resolveConfig(configFile, { config: configFile })) ?? {};
  const names = [...files.keys()].filter(needsPrettier);
  // Largest first. The main thread takes files from the front, one at a time;
  // the worker (when there is one) takes batches from the back as soon as it is
  // free, so neither thread idles while the other still has a queue.
  const queue = [...names].sort((a, b) => files.get(b)!.length - files.get(a)!.length || (a < b ? -1 : 1));
  const done = new Map<string, string>();
  const job = (name: string): FormatJob => ({ filepath: path.basename(name), text: files.get(name)! });
  const local = inProcessOffload();
  const mainThread = async () => {
    while (queue.length) {
      const name = queue.shift()!;
      done.set(name, (await local.formatTypeScript([job(name)], config).catch(rethrowFor([name])))[0]!);
    }
  };
  const workerThread = async () => {
    while (offload.parallel && queue.length > 1) {
      const batch = queue.splice(Math.max(1, queue.length - WORKER_BATCH), WORKER_BATCH);
      const formatted = await offload.formatTypeScript(batch.map(job), config).catch(rethrowFor(batch));
      batch.forEach((name, i) => done.set(name, formatted[i]!));
    }
  };
  await Promise.all([mainThread(), workerThread()]);
  const out: FileMap = new Map(files);
  // Markdown is not run through prettier (see above); optional template
  // sections leave blank-line runs, which are folded here.
  for (const [name, text] of files)
    if (name.endsWith('.md')) out.set(name, text.replace(/\n{3,}/g, '\n\n').replace(/\s*$/, '\n'));
  for (const [name, text] of done) out.set(name, text);
  return out;
}

function rethrowFor(names: string[]) {
  return (e: Error): never => {
    throw new Error(
      `prettier could not format generated TypeScript (${names.length} files, e.g. ${names[0]}): ${e.message.split('\n')[0]}`,
    );
  };
}
