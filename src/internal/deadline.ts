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
// With Node's fetch the deadline is instead the request's `dispatcher`: it
// passes each request on to the global dispatcher (the one fetch would use
// anyway, through the symbol undici shares between its copies) and keeps the
// abort function undici hands the request, which destroys its socket. Any
// other fetch gets a signal, aborted by the deadline and by the caller's.
// Either way the attempt itself stops waiting as soon as the deadline passes.

import { follow } from './abort.js';

/** Rejection of `Deadline.race` when the deadline passes first. */
const TIMED_OUT = Symbol('timed out');

type Cancel = (reason: Error) => void;

/**
 * The handler undici's fetch gives its dispatcher. Its `onConnect` receives
 * the request's abort (test/runtime/timeouts.test.ts checks, on the Node that
 * runs the tests, that a timeout closes the connection).
 */
interface DispatchHandler {
  onConnect?: (abort: Cancel, ...rest: unknown[]) => void;
}

interface Dispatcher {
  dispatch(options: object, handler: DispatchHandler): boolean;
}

const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');
const globalDispatcher = (): Dispatcher | undefined =>
  (globalThis as { [GLOBAL_DISPATCHER]?: Dispatcher })[GLOBAL_DISPATCHER];

/**
 * Whether `fetchFn` is Node's own fetch (undici's), whose requests a Deadline
 * can cancel as their dispatcher. Node loads undici, and so sets the global
 * dispatcher, on the first fetch: its version is what can be checked before.
 */
export const isNodeFetch = (fetchFn: unknown): boolean =>
  fetchFn === globalThis.fetch && !!(globalThis as { process?: NodeProcess }).process?.versions?.['undici'];

/** What of Node's `process` is read here (the runtime compiles without Node's types). */
type NodeProcess = { versions?: Record<string, string | undefined> };

/** One attempt's deadline: armed when the attempt starts, cleared when it ends. */
export class Deadline implements Dispatcher {
  expired = false;
  /** Cancels the request in flight: undici's abort, or the signal's controller. */
  declare private cancel: Cancel | undefined;
  declare private stopWaiting: ((reason: typeof TIMED_OUT) => void) | undefined;
  declare private unlink: (() => void) | undefined;
  declare private readonly timer: ReturnType<typeof setTimeout>;

  constructor(ms: number) {
    this.timer = setTimeout(() => {
      this.expired = true;
      this.cancel?.(timeoutReason());
      this.stopWaiting?.(TIMED_OUT);
    }, ms);
  }

  clear(): void {
    clearTimeout(this.timer);
    this.unlink?.();
  }

  /** `promise`, or a TIMED_OUT rejection as soon as the deadline passes (a connection still being set up included). */
  race<T>(promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.stopWaiting = reject;
      promise.then(resolve, reject);
    });
  }

  /** As Node fetch's dispatcher: the request goes to the global dispatcher, its abort kept for the deadline. */
  dispatch(options: object, handler: DispatchHandler): boolean {
    const { onConnect } = handler;
    if (onConnect)
      handler.onConnect = (abort, ...rest) => {
        onConnect.call(handler, abort, ...rest);
        this.hold(abort);
      };
    return globalDispatcher()!.dispatch(options, handler);
  }

  /** For any other fetch: a signal the deadline aborts, as does `caller`'s. */
  signal(caller: AbortSignal | undefined): AbortSignal {
    const ctrl = new AbortController();
    this.cancel = (reason) => ctrl.abort(reason);
    this.unlink = follow(caller, ctrl);
    return ctrl.signal;
  }

  /** A request reached its connection: from now on the deadline can cancel it (at once, if it has passed). */
  private hold(abort: Cancel): void {
    this.cancel = abort;
    if (this.expired) abort(timeoutReason());
  }
}

const timeoutReason = () => new DOMException('The attempt timed out', 'TimeoutError');
