// waitFor: reads a resource until its `state` is one the caller waits for.
// Which states end the wait with a failure is the spec's decision, carried on
// the `get` operation's descriptor (`failedStates`, from the resource's state
// enum): reaching one that is not awaited is an AstraStateError. The whole
// wait has one deadline (an AstraTimeoutError), and the caller's signal stops
// it at once, between reads or during one.

import type { OperationDescriptor, RequestOptions, WaitOptions } from './operation.js';
import { AstraAbortError, AstraError, AstraStateError, AstraTimeoutError, cut } from './errors.js';
import { checkMs, configError } from './internal/config.js';
import { sleep } from './internal/abort.js';

/** One read of the resource; the runtime does not report an abort of `options.signal` to onError (waitFor reports its own outcome). */
export type ReadOnce = (options: RequestOptions & { signal: AbortSignal }) => Promise<{ state?: unknown }>;

export async function waitFor(
  read: ReadOnce,
  op: OperationDescriptor,
  ids: readonly string[],
  options: WaitOptions<string>,
  report: (e: AstraError) => void,
): Promise<unknown> {
  const label = `${op.id}(${ids.join(', ')})`;
  const fail = (e: AstraError) => {
    report(e);
    return e;
  };
  let wanted: readonly string[];
  let timeoutMs: number;
  let intervalMs: number;
  try {
    wanted =
      typeof options?.until === 'string'
        ? [options.until]
        : Array.isArray(options?.until) && options.until.length
          ? options.until
          : [];
    if (!wanted.length || wanted.some((s) => typeof s !== 'string'))
      throw configError('until', 'expected a state or a non-empty list of states');
    timeoutMs = checkMs('timeoutMs', options.timeoutMs, 600_000);
    intervalMs = checkMs('intervalMs', options.intervalMs, 2_000);
  } catch (e) {
    throw fail(e as AstraError);
  }
  const failed = (op.failedStates ?? []).filter((s) => !wanted.includes(s));
  // One signal for the deadline and the caller's signal, given to every read and every pause.
  const ctrl = new AbortController();
  const caller = options.signal;
  const onAbort = () => ctrl.abort();
  caller?.addEventListener('abort', onAbort);
  if (caller?.aborted) ctrl.abort();
  let expired = false;
  const deadline = setTimeout(() => {
    expired = true;
    ctrl.abort();
  }, timeoutMs);
  let resource: { state?: unknown } | undefined;
  try {
    for (;;) {
      try {
        resource = await read({ ...options.request, signal: ctrl.signal });
      } catch (e) {
        // The read's abort is ours: say whether it was the deadline or the caller.
        if (!(e instanceof AstraAbortError) || caller?.aborted) throw e;
        break;
      }
      const state = String(resource?.state);
      if (wanted.includes(state)) return resource;
      if (failed.includes(state))
        throw fail(
          new AstraStateError(`${label} reached state ${cut(state, 80)} while waiting for ${wanted.join(' or ')}`, {
            state,
            resource,
          }),
        );
      await sleep(intervalMs, ctrl.signal);
      if (ctrl.signal.aborted) break;
    }
    if (caller?.aborted || !expired)
      throw fail(new AstraAbortError(`${label}: waiting for ${wanted.join(' or ')} was aborted`));
    const last = resource === undefined ? '' : `; last state ${cut(String(resource.state), 80)}`;
    throw fail(
      new AstraTimeoutError(`${label}: not ${wanted.join(' or ')} after ${timeoutMs} ms${last}`, { timeoutMs }),
    );
  } finally {
    clearTimeout(deadline);
    caller?.removeEventListener('abort', onAbort);
  }
}
