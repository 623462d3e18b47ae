// Per-attempt timeouts that cancel the request for real without handing
// fetch an AbortSignal of their own.
//
// A timeout has to abort the request, not just stop waiting for it: a
// timed-out request to a server that never answers would otherwise hold its
// connection, and keep the process alive, until undici's own 300 s timeouts.
// Giving fetch a signal does that, but undici pays for every signal it is
// given (a listener, a WeakRef, a FinalizationRegistry entry and a scan of the
// signal's listeners per request), which a profile of the runtime's hot path
// put at most of its cost over raw fetch (bench/runtime measures both).
//
// With Node's undici the deadline is instead the request's dispatcher, for
// the runtime's own handler (transport.ts) and for Node's fetch alike: it
// passes each request on to the global dispatcher (the one fetch would use
// anyway, through the symbol undici shares between its copies), and when the
// deadline passes it fails the request through the handler it was given, as
// any dispatcher may. The handler then calls the abort undici gave the
// request, which destroys its socket (a request still waiting for a
// connection is aborted as soon as it gets one, before a byte of it is
// written). Any other fetch gets a signal, aborted by the deadline and by the
// caller's, and the attempt stops waiting for it at the deadline whether it
// heeds the signal or not.

import { abortReason, follow, onAbort } from './abort.js';
import { globalDispatcher, type DispatchHandler, type DispatchOptions, type Dispatcher } from './transport.js';

/** Rejection of `Deadline.race` when the deadline passes first. */
const TIMED_OUT = Symbol('timed out');

type Cancel = (reason: Error) => void;

/**
 * One attempt's deadline: armed when the attempt starts, cleared when it ends.
 * It has no timer of its own: the process's deadlines share one (below).
 */
export class Deadline implements Dispatcher {
  expired = false;
  /** When it passes, on performance.now()'s clock. */
  readonly due: number;
  /** Armed and not yet cleared or expired. */
  live = true;
  /** Cancels the request in flight of a fetch other than Node's: the signal's controller. */
  declare private cancel: Cancel | undefined;
  /** The handler of the request in flight (the runtime's own, or Node fetch's). */
  declare private handler: DispatchHandler | undefined;
  /** Why the request was ended (the deadline passed, or the caller aborted); undefined while it may go on. */
  declare private endedBy: Error | undefined;
  declare private stopWaiting: ((reason: typeof TIMED_OUT) => void) | undefined;
  declare private unlink: (() => void) | undefined;

  constructor(readonly ms: number) {
    this.due = performance.now() + ms;
    arm(this);
  }

  clear(): void {
    if (this.live) {
      this.live = false;
      front(queues.get(this.ms));
    }
    this.unlink?.();
  }

  /** Called by the shared timer when the deadline passes. */
  expire(): void {
    this.live = false;
    this.expired = true;
    this.end(timeoutReason());
    this.stopWaiting?.(TIMED_OUT);
  }

  /** Ends the request in flight: through its handler (Node's fetch), or its signal. */
  private end(reason: Error): void {
    this.endedBy ??= reason;
    if (this.cancel) this.cancel(reason);
    else this.handler?.onError(reason);
  }

  /**
   * With Node's undici: the caller's signal ends the request through the
   * deadline, rather than going to fetch (undici pays for every signal it is
   * given, as above).
   */
  endOnAbort(caller: AbortSignal | undefined): void {
    if (caller) this.unlink = onAbort(caller, () => this.end(abortReason(caller)));
  }

  /** For a fetch other than Node's: `promise`, or a TIMED_OUT rejection as soon as the deadline passes, whether the fetch heeds its signal or not. */
  race<T>(promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.stopWaiting = reject;
      promise.then(resolve, reject);
    });
  }

  /** As a request's dispatcher (the runtime's handler's, or Node fetch's): the request goes to the global dispatcher; its handler is kept for the deadline. */
  dispatch(options: DispatchOptions, handler: DispatchHandler): boolean {
    if (this.endedBy) {
      handler.onError(this.endedBy);
      return true;
    }
    this.handler = handler;
    return globalDispatcher()!.dispatch(options, handler);
  }

  /** For any other fetch: a signal the deadline aborts, as does `caller`'s. */
  signal(caller: AbortSignal | undefined): AbortSignal {
    const ctrl = new AbortController();
    this.cancel = (reason) => ctrl.abort(reason);
    this.unlink = follow(caller, ctrl);
    return ctrl.signal;
  }
}

/**
 * One Node timer for every deadline of the process, set for the earliest.
 * A timer per attempt (setTimeout and clearTimeout around every request)
 * measured 0.4% of a loopback GET on a quiet machine and 3–5% on a loaded one
 * (Node creates and drops its timer list for the duration each time a lone
 * request arms and clears its timer; bench/runtime measures it). Arming a
 * deadline here is a push to the queue of its
 * duration (armed in order, so due in order); the timer is set again only
 * when a deadline falls due before the one it is set for, and when it fires.
 * A superseded timer is left to fire and ignored rather than cleared, so that
 * a test's fake timers never meet a real one. Node truncates a timer's delay
 * to whole milliseconds: it is rounded up, so that no deadline fires early.
 * The timer does not keep the process alive: the request it guards does.
 */
const queues = new Map<number, Deadline[]>();
let timerDue = Infinity;
let timer: unknown;

function arm(deadline: Deadline): void {
  const queue = queues.get(deadline.ms);
  if (queue) queue.push(deadline);
  else queues.set(deadline.ms, [deadline]);
  if (deadline.due < timerDue) setTimer(deadline.due);
}

/** The first live deadline of `queue`, those over before it dropped. */
function front(queue: Deadline[] | undefined): Deadline | undefined {
  if (!queue) return undefined;
  let over = 0;
  while (over < queue.length && !queue[over]!.live) over++;
  // Emptied in place (the usual case: a lone request's deadline), so that nothing is allocated.
  if (over === queue.length) queue.length = 0;
  else if (over) queue.splice(0, over);
  return queue[0];
}

function setTimer(due: number): void {
  const handle = setTimeout(() => handle === timer && fire(due), Math.max(0, Math.ceil(due - performance.now())));
  // A number in a browser; a Timeout in Node, which must not hold the process open.
  (handle as unknown as { unref?: () => void }).unref?.();
  timer = handle;
  timerDue = due;
}

/**
 * Expires what is due and sets the timer for the next live deadline. The
 * timer fired for `due`, so that much time has passed on its clock (a test's
 * fake timers included), whatever performance.now() says.
 */
function fire(due: number): void {
  timerDue = Infinity;
  const now = Math.max(performance.now(), due);
  let next = Infinity;
  for (const [ms, queue] of queues) {
    let first = front(queue);
    for (; first && first.due <= now; first = front(queue)) first.expire();
    if (first) next = Math.min(next, first.due);
    else queues.delete(ms);
  }
  if (next < Infinity) setTimer(next);
}

const timeoutReason = () => new DOMException('The attempt timed out', 'TimeoutError');
