// Waiting that the caller's signal can cut short.

/** Thrown by `abortable` when the signal aborts first; the runtime turns it into AstraAbortError. */
export const ABORTED = Symbol('aborted');

/** Calls `fn` when `signal` aborts (at once if it has); returns what stops listening. */
export function onAbort(signal: AbortSignal | undefined, fn: () => void): () => void {
  // A listener added to a signal that has aborted is never called.
  signal?.addEventListener('abort', fn);
  if (signal?.aborted) fn();
  return () => signal?.removeEventListener('abort', fn);
}

/** Why `signal` aborted, as an Error (the caller's own reason when it is one). */
export const abortReason = (signal: AbortSignal): Error =>
  signal.reason instanceof Error ? signal.reason : new DOMException('The call was aborted', 'AbortError');

/** Makes `ctrl` abort when `caller` does, with its reason; returns what stops that. */
export const follow = (caller: AbortSignal | undefined, ctrl: AbortController) =>
  onAbort(caller, () => ctrl.abort(caller!.reason));

/** `promise`, or a rejection with ABORTED as soon as `signal` aborts, whichever comes first. */
export const abortable = <T>(promise: T | Promise<T>, signal: AbortSignal | undefined): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const stop = onAbort(signal, () => reject(ABORTED));
    Promise.resolve(promise).then(
      (v) => (stop(), resolve(v)),
      (e) => (stop(), reject(e)),
    );
  });

/**
 * Waits `ms`, or until `signal` aborts. It resolves either way: the next step
 * starts by checking the signal, which turns an abort into the call's
 * AstraAbortError.
 */
export const sleep = (ms: number, signal: AbortSignal | undefined): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => (stop(), resolve()), ms);
    const stop = onAbort(signal, () => (clearTimeout(timer), resolve()));
  });
