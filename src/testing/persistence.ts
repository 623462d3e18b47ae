// `--data FILE`: the whole state (account, token, resources) on disk. Each
// write goes to a temporary file in the same directory, is fsynced, renamed
// over the old file and the directory fsynced, so a crash or kill -9 at any
// moment leaves either the previous complete file or the new complete file,
// never a torn one. Writes are synchronous and happen before the request
// that caused them is answered: a client that saw 201 can rely on it.
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import type { StoredState } from './store.ts';

export class StateFileError extends Error {
  constructor(
    readonly file: string,
    readonly pointer: string,
    message: string,
  ) {
    super(`${file}${pointer ? `#${pointer}` : ''}: ${message}`);
    this.name = 'StateFileError';
  }
}

let sequence = 0;

export function writeStateFile(file: string, state: StoredState): void {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${++sequence}.tmp`);
  const fd = openSync(temp, 'w', 0o600);
  try {
    const bytes = Buffer.from(JSON.stringify(state) + '\n');
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
  closeSync(fd);
  renameSync(temp, file);
  // The rename is durable only once the directory entry is.
  const dirFd = openSync(dir, 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}

/** Temporary files a crash left behind (a write that never reached its rename): garbage, removed at start-up. */
export function removeStaleTemporaryFiles(file: string): void {
  const dir = path.dirname(path.resolve(file));
  const prefix = `.${path.basename(file)}.`;
  for (const name of readdirSync(dir))
    if (name.startsWith(prefix) && name.endsWith('.tmp')) rmSync(path.join(dir, name), { force: true });
}

/** The saved state, or null when the file does not exist yet. */
export function readStateFile(file: string): StoredState | null {
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new StateFileError(file, '', `not valid JSON (${(e as Error).message})`);
  }
  const state = parsed as Partial<StoredState>;
  if (state === null || typeof state !== 'object' || state.format !== 'astra-simulator-state')
    throw new StateFileError(file, '/format', 'not a simulator state file (expected "astra-simulator-state")');
  if (state.version !== 1)
    throw new StateFileError(file, '/version', `unsupported version ${JSON.stringify(state.version)}`);
  for (const key of ['accountId', 'token', 'userId'] as const) {
    if (typeof state[key] !== 'string' || !state[key])
      throw new StateFileError(file, `/${key}`, 'must be a non-empty string');
  }
  if (!Array.isArray(state.resources)) throw new StateFileError(file, '/resources', 'must be an array');
  state.resources.forEach((r, i) => {
    if (r === null || typeof r !== 'object') throw new StateFileError(file, `/resources/${i}`, 'must be an object');
    for (const key of ['collection', 'id'] as const)
      if (typeof r[key] !== 'string') throw new StateFileError(file, `/resources/${i}/${key}`, 'must be a string');
    for (const key of ['body', 'secrets', 'parents'] as const) {
      if (r[key] === null || typeof r[key] !== 'object' || Array.isArray(r[key]))
        throw new StateFileError(file, `/resources/${i}/${key}`, 'must be an object');
    }
    for (const key of ['seq', 'modifiedMs', 'createdMs'] as const)
      if (typeof r[key] !== 'number') throw new StateFileError(file, `/resources/${i}/${key}`, 'must be a number');
  });
  if (typeof state.nextSeq !== 'number') throw new StateFileError(file, '/nextSeq', 'must be a number');
  return state as StoredState;
}
