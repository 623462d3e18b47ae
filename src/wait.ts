// waitFor: reads a resource until its `state` is one the caller waits for.
// Which states end the wait with a failure is the spec's decision, carried on
// the `get` operation's descriptor (`failedStates`, from the resource's state
// enum): reaching one that is not awaited is an AstraStateError. The whole
// wait has one deadline (an AstraTimeoutError), and the caller's signal stops
// it at once, between reads or during one.

import type { OperationDescriptor, RequestOptions, WaitOptions } from './operation.js';
import { AstraAbortError, AstraStateError, AstraTimeoutError, cut } from './errors.js';
import { checkMs, configError } from './internal/config.js';
import { follow, sleep } from './internal/abort.js';

/** One read of the resource; its failure is not reported to onError (waitFor reports the wait's outcome, once). */
export type ReadOnce = (options: RequestOptions & { signal: AbortSignal }) => Promise<{ state?: unknown }>;

export async function waitFor(
  read: ReadOnce,
  op: OperationDescriptor,
  ids: readonly string[],
  options: WaitOptions<string>,
  /** Reports the wait's outcome to onError, and throws it. */
  fail: (e: unknown) => never,
): Promise<unknown> {
  const label = `${op.id}(${ids.join(', ')})`;
  let wanted: readonly string[];
  let timeoutMs: number;
  let intervalMs: number;
  try {
    // One state, or a list of them.
    wanted = [options?.until].flat() as string[];
    if (!wanted.length || wanted.some((s) => typeof s !== 'string'))
      throw configError('until', 'expected a state or a non-empty list of states');
    timeoutMs = checkMs('timeoutMs', options.timeoutMs, 600_000);
    intervalMs = checkMs('intervalMs', options.intervalMs, 2_000);
  } catch (e) {
    fail(e);
  }
  const failed = (op.failedStates ?? []).filter((s) => !wanted.includes(s));
  // One signal for the deadline and the caller's signal, given to every read and every pause.
  const ctrl = new AbortController();
  const caller = options.signal;
  const unfollow = follow(caller, ctrl);
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
        if (!(e instanceof AstraAbortError) || caller?.aborted) fail(e);
        break;
      }
      const state = String(resource?.state);
      if (wanted.includes(state)) return resource;
      if (failed.includes(state))
        fail(
          new AstraStateError(`${label} reached state ${cut(state, 80)} while waiting for ${wanted.join(' or ')}`, {
            state,
            resource,
          }),
        );
      await sleep(intervalMs, ctrl.signal);
      if (ctrl.signal.aborted) break;
    }
    if (caller?.aborted || !expired)
      fail(new AstraAbortError(`${label}: waiting for ${wanted.join(' or ')} was aborted`));
    const last = resource === undefined ? '' : `; last state ${cut(String(resource.state), 80)}`;
    fail(new AstraTimeoutError(`${label}: not ${wanted.join(' or ')} after ${timeoutMs} ms${last}`, { timeoutMs }));
  } finally {
    clearTimeout(deadline);
    unfollow();
  }
}
