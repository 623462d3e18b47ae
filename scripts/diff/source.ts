// Stage 1 of `npm run diff`, load: a side of the diff is a spec file (YAML or
// JSON, possibly split by `$ref`s) or `git:<ref>` (`spec/openapi.yaml` as it
// is at that commit) or `git:<ref>:<path>`. Both go through the generator's
// own load stage. A git side is first copied out of the object store into a
// temporary folder, the whole folder of the root file, so its `$ref`s
// resolve within that same commit; messages name it `git:<ref>:<path>`.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type JsonObject, load } from '../pipeline/load.ts';
import { SpecError } from '../util/diagnostics.ts';
import { GitError, readTree, resolveCommit } from './git.ts';

export const DEFAULT_SPEC = 'spec/openapi.yaml';

export interface LoadedSource {
  /** How the side is named in messages: the file, or `git:<ref>:<path>`. */
  label: string;
  bundled: JsonObject;
}

export async function loadSource(arg: string, cwd: string): Promise<LoadedSource> {
  if (arg.startsWith('git:')) return loadFromGit(arg.slice(4), cwd);
  const file = path.resolve(cwd, arg);
  const spec = await load(file);
  return { label: arg, bundled: spec.bundled };
}

async function loadFromGit(spec: string, cwd: string): Promise<LoadedSource> {
  // A ref cannot contain ':' (git check-ref-format), so the first one ends it.
  const colon = spec.indexOf(':');
  const ref = colon === -1 ? spec : spec.slice(0, colon);
  const rootFile = path.posix.normalize(colon === -1 ? DEFAULT_SPEC : spec.slice(colon + 1));
  const label = `git:${ref}:${rootFile}`;
  let commit: string;
  try {
    commit = resolveCommit(ref, cwd);
  } catch (e) {
    if (e instanceof GitError) throw new SpecError([{ file: `git:${ref}`, pointer: '', message: e.message }]);
    throw e;
  }
  const folder = path.posix.dirname(rootFile);
  const files = readTree(commit, folder === '.' ? '' : folder, cwd);
  if (!files.has(rootFile))
    throw new SpecError([
      { file: label, pointer: '', message: `no file ${rootFile} at ${ref} (${commit.slice(0, 12)})` },
    ]);

  const tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'astra-diff-')));
  try {
    for (const [file, content] of files) {
      const target = path.join(tmp, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    const loaded = await load(path.join(tmp, rootFile));
    return { label, bundled: loaded.bundled };
  } catch (e) {
    if (e instanceof SpecError)
      throw new SpecError(
        e.diagnostics.map((d) => ({ ...d, file: renamed(d.file, tmp, ref), message: renamed(d.message, tmp, ref) })),
      );
    throw e;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Temporary paths in a message, back to the names the user knows: `git:<ref>:spec/…`. */
function renamed(text: string, tmp: string, ref: string): string {
  return text
    .split(tmp + path.sep)
    .join(`git:${ref}:`)
    .split(path.relative(process.cwd(), tmp) + path.sep)
    .join(`git:${ref}:`);
}
