// Stage 5, format: prettier in-process with the project's committed config,
// so generated TypeScript is readable and diffs are small. With a worker
// (pipeline/offload.ts) the files are split between the two threads; prettier
// is a pure function, so the bytes do not depend on who formatted them.
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

const needsPrettier = (file: string) => file.endsWith('.ts') && !PRINTED_ELSEWHERE.has(file);

export async function format(files: FileMap, configFile: string, offload: Offload = inProcessOffload()): Promise<FileMap> {
  const config = (await prettier.resolveConfig(configFile, { config: configFile })) ?? {};
  const names = [...files.keys()].filter(needsPrettier);
  // Largest first, dealt alternately: the two threads get similar work.
  const bySize = [...names].sort((a, b) => files.get(b)!.length - files.get(a)!.length || (a < b ? -1 : 1));
  const mine: string[] = [];
  const theirs: string[] = [];
  bySize.forEach((name, i) => (offload.parallel && i % 2 === 1 ? theirs : mine).push(name));
  const job = (name: string): FormatJob => ({ filepath: path.basename(name), text: files.get(name)! });
  const [local, remote] = await Promise.all([
    inProcessOffload().formatTypeScript(mine.map(job), config).catch(rethrowFor(mine)),
    theirs.length ? offload.formatTypeScript(theirs.map(job), config).catch(rethrowFor(theirs)) : Promise.resolve([]),
  ]);
  const out: FileMap = new Map(files);
  // Markdown is not run through prettier (see above); optional template
  // sections leave blank-line runs, which are folded here.
  for (const [name, text] of files) if (name.endsWith('.md')) out.set(name, text.replace(/\n{3,}/g, '\n\n').replace(/\s*$/, '\n'));
  mine.forEach((name, i) => out.set(name, local[i]!));
  theirs.forEach((name, i) => out.set(name, remote[i]!));
  return out;
}

function rethrowFor(names: string[]) {
  return (e: Error): never => {
    throw new Error(`prettier could not format generated TypeScript (${names.length} files, e.g. ${names[0]}): ${e.message.split('\n')[0]}`);
  };
}
