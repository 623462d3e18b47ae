// Reads a folder as it is at a git commit, with `git ls-tree` and
// `git cat-file --batch`: plumbing commands that only read objects, so the
// work tree and the index are never touched.
import { spawnSync } from 'node:child_process';

export class GitError extends Error {}

function git(args: string[], cwd: string, input?: Buffer): Buffer {
  const r = spawnSync('git', args, {
    cwd,
    input,
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
  });
  if (r.error) throw new GitError(`could not run git: ${r.error.message}`);
  if (r.status !== 0) throw new GitError(r.stderr.toString().trim().split('\n')[0] || `git ${args[0]} failed`);
  return r.stdout;
}

/** The commit a ref names, or a GitError saying why there is none. */
export function resolveCommit(ref: string, cwd: string): string {
  if (!ref || ref.startsWith('-')) throw new GitError(`${JSON.stringify(ref)} is not a git ref`);
  try {
    git(['rev-parse', '--show-toplevel'], cwd);
  } catch {
    throw new GitError(`${cwd} is not inside a git repository`);
  }
  try {
    return git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd)
      .toString()
      .trim();
  } catch {
    throw new GitError(`unknown git ref ${JSON.stringify(ref)}`);
  }
}

/** Every file under `folder` (relative to the repository's top) at `commit`, by path relative to the top. */
export function readTree(commit: string, folder: string, cwd: string): Map<string, Buffer> {
  const listing = git(['ls-tree', '-r', '-z', '--full-tree', commit, ...(folder ? ['--', folder] : [])], cwd).toString(
    'utf8',
  );
  const blobs: { path: string; object: string }[] = [];
  for (const entry of listing.split('\0')) {
    const match = /^(\d+) blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    // Links (120000) are left out: the load stage refuses what they could reach.
    if (match && match[1] !== '120000') blobs.push({ object: match[2]!, path: match[3]! });
  }
  const files = new Map<string, Buffer>();
  if (!blobs.length) return files;
  const out = git(['cat-file', '--batch'], cwd, Buffer.from(blobs.map((b) => b.object).join('\n') + '\n'));
  let offset = 0;
  for (const blob of blobs) {
    const headerEnd = out.indexOf(10, offset);
    const size = Number(out.subarray(offset, headerEnd).toString().split(' ')[2]);
    files.set(blob.path, out.subarray(headerEnd + 1, headerEnd + 1 + size));
    offset = headerEnd + 1 + size + 1;
  }
  return files;
}
