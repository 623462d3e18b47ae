// Where the generator tests find things: the project root, the fixtures,
// and a scratch folder inside the project (.test-out/, git-ignored) whose
// output can import the runtime contract the way generated/ does.
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const fixturesDir = path.join(repoRoot, 'test/fixtures');

/**
 * A scratch folder `.test-out/<group>/` for one test file, with a link to the
 * project's src/ beside the output folders. (Output written there imports the
 * runtime as `astra-control-sdk/runtime`, which support/tsc.ts maps to
 * src/runtime-entry.ts.)
 */
export function scratchGroup(group: string): string {
  const dir = path.join(repoRoot, '.test-out', group);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  symlinkSync(path.join(repoRoot, 'src'), path.join(dir, 'src'), 'dir');
  return dir;
}

/** Every file under a folder, as sorted relative paths with `/`. */
export function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out;
}
