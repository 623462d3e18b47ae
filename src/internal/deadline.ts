// A timer wheel for per-attempt timeouts: one AbortSignal per 50 ms slot of
// deadlines, shared by every attempt whose deadline falls in that slot and
// aborted when the slot ends. Giving fetch a signal is what cancels a
// timed-out request for real (otherwise its connection stays open until
// undici's own 300 s timeouts); sharing it saves the AbortController and the
// timer each request would otherwise create, most of what a timeout costs on
// loopback (bench/runtime measures both). A timeout fires at most one slot
// (50 ms) late. An attempt only ever looks at its own slot, so a slot that
// ends after the attempt has nothing to time out.

const SLOT_MS = 50;
const slots = new Map<number, AbortController>();

/** The signal that aborts once `timeoutMs` (rounded up to the slot) has passed. */
export function deadlineSignal(timeoutMs: number): AbortSignal {
  const end = Math.ceil((performance.now() + timeoutMs) / SLOT_MS) * SLOT_MS;
  let ctrl = slots.get(end);
  if (!ctrl) {
    const c = (ctrl = new AbortController());
    slots.set(end, c);
    const timer = setTimeout(
      () => {
        slots.delete(end);
        c.abort();
      },
      Math.max(0, end - performance.now()),
    );
    // The attempts waiting on it keep the process alive; the slot need not.
    (timer as { unref?: () => void }).unref?.();
  }
  return ctrl.signal;
}
