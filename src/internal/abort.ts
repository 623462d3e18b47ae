// Waiting that the caller's signal can cut short.

/** Thrown by `abortable` when the signal aborts first; the runtime turns it into AstraAbortError. */
export const ABORTED = Symbol('aborted');

/** `promise`, or a rejection with ABORTED as soon as `signal` aborts, whichever comes first. */
export function abortable<T>(promise: T | Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return Promise.resolve(promise);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(ABORTED);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(promise).then(
      (v) => (signal.removeEventListener('abort', onAbort), resolve(v)),
      (e) => (signal.removeEventListener('abort', onAbort), reject(e)),
    );
  });
}

/**
 * Waits `ms`, or until `signal` aborts. It resolves either way: the next step
 * starts by checking the signal, which turns an abort into the call's
 * AstraAbortError.
 */
export const sleep = (ms: number, signal: AbortSignal | undefined): Promise<void> =>
  new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    if (signal?.aborted) done();
    else signal?.addEventListener('abort', done);
  });
