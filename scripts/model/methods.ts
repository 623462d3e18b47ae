// Which of OpenAPI's HTTP methods the generated client sends. The model
// builds tags and operations from these only; validation warns, at the
// operation's location, about an operation left out for its method.
import { HTTP_METHODS } from '../util/json.ts';

/**
 * Every method but TRACE: fetch refuses to send it (a forbidden method of the
 * Fetch standard), so a client method for it could only ever throw.
 */
export const SENT_METHODS = HTTP_METHODS.filter((m) => m !== 'trace');

/** Why an operation of `method` (one of HTTP_METHODS outside SENT_METHODS) is left out of the client. */
export function leftOutReason(method: string): string {
  return `${method.toUpperCase()} operation left out: fetch refuses to send the method (a forbidden method of the Fetch standard), so the client has no method for it`;
}
