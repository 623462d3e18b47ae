// Where the two heavy, pure steps that can move run (openapi-typescript's raw
// types and prettier): in this thread, or on a worker thread so they use the
// second core beside the main thread's load, validation, model and render.
// Both call the one implementation in heavy-steps.mjs; the worker is only
// about wall time. (swagger-parser's validation stays on the main thread: it
// and the bundling share a library the main thread has loaded anyway, and
// openapi-typescript alone keeps the worker busy until render needs it.)
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import type { JsonObject } from './load.ts';
import { formatTypeScript, prepareRawTypesCache, printRawTypes, settleRawTypesCache } from './heavy-steps.mjs';

export interface FormatJob {
  filepath: string;
  text: string;
}

export interface HeavySteps {
  /**
   * openapi-typescript's `paths`/`components` types for the bundled document;
   * with a `cacheFile`, printed again only where the document changed.
   */
  rawTypes(document: JsonObject, cacheFile: string | null): Promise<string>;
  /** Reads rawTypes' cache entry ahead, where that overlaps with the main thread's work (on the worker). */
  prepareRawTypes?(cacheFile: string): void;
  /** Formats TypeScript files with prettier and the given config. */
  formatTypeScript(jobs: FormatJob[], config: object): Promise<string[]>;
  /** Whether formatting work should be split with the main thread. */
  readonly parallel: boolean;
  /** Waits for the cache entries still being written (rawTypes writes its entry after answering), then stops. */
  close(): Promise<void>;
}

export function inProcessSteps(): HeavySteps {
  return {
    parallel: false,
    // The worker's copy is the message's structured clone; here it is made.
    rawTypes: (document, cacheFile) => printRawTypes(structuredClone(document), { cacheFile }),
    // On this thread it would only move the read earlier, delaying the load.
    prepareRawTypes() {},
    formatTypeScript: (jobs, config) => formatTypeScript(jobs, config),
    close: () => settleRawTypesCache(),
  };
}

export const OFFLOAD_WORKER_FILE = path.join(
  import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname),
  'offload-worker.mjs',
);

/**
 * `started` is a worker the caller already launched on OFFLOAD_WORKER_FILE
 * (scripts/cli.mjs does, before loading the TypeScript pipeline, so the
 * worker's imports overlap with the main thread's).
 */
export function workerSteps(started?: Worker): HeavySteps {
  const worker = started ?? new Worker(OFFLOAD_WORKER_FILE);
  let nextId = 0;
  const pending = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void }>();
  worker.on('message', (m: { id: number; result?: unknown; error?: string }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error !== undefined) p.reject(new Error(m.error));
    else p.resolve(m.result as never);
  });
  worker.on('error', (e) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  });
  const ask = <T>(message: object) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: never) => void, reject });
      worker.postMessage({ ...message, id });
    });
  return {
    parallel: true,
    rawTypes: (document, cacheFile) => ask<string>({ kind: 'rawTypes', document, cacheFile }),
    prepareRawTypes(cacheFile) {
      // A failed read only means a full print; rawTypes reports real failures.
      ask({ kind: 'prepareRawTypes', cacheFile }).catch(() => {});
    },
    formatTypeScript: (files, config) => ask<string[]>({ kind: 'format', files, config }),
    async close() {
      // A worker that failed has nothing to settle; it is stopped either way.
      await ask({ kind: 'settle' }).catch(() => {});
      await worker.terminate();
    },
  };
}
