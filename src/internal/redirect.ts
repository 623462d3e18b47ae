// Redirects are the runtime's (fetch runs with `redirect: 'manual'`), because
// fetch's own rules would re-send the body and, for a 307/308, the
// credentials to wherever the server points, and turn a POST answered with
// 302 into a GET whose unrelated result `create()` would return. The rules:
// only GET and HEAD are redirected, only within the base URL's origin (the token goes
// along), at most MAX_REDIRECTS hops, never to a URL already visited. Anything
// else is an AstraRedirectError naming the status and the target, which is
// never retried.

import { AstraRedirectError, callError, type CallContext } from '../errors.js';
import type { Received } from './transport.js';

export const MAX_REDIRECTS = 3;

export const isRedirect = (status: number): boolean =>
  status === 301 || status === 302 || status === 303 || status === 307 || status === 308;

/** The URL to follow from redirect `res` of a request to `visited.at(-1)`, or the AstraRedirectError that refuses it. */
export function redirectTarget(res: Received, method: string, visited: string[], k: () => CallContext): string {
  const from = visited[visited.length - 1] as string;
  const location = res.headers.get('location');
  let target: URL | undefined;
  try {
    target = new URL(location ?? '', from);
  } catch {
    // Unparsable: refused below.
  }
  // The rest of the body is not wanted: free the connection.
  res.discard();
  const why =
    !location || !target
      ? 'no usable Location'
      : method !== 'GET' && method !== 'HEAD'
        ? `a ${method} is never redirected`
        : target.origin !== new URL(from).origin
          ? 'another origin'
          : visited.includes(target.href)
            ? 'a loop'
            : visited.length > MAX_REDIRECTS
              ? `more than ${MAX_REDIRECTS} redirects`
              : undefined;
  if (why === undefined) return (target as URL).href;
  const ctx = k();
  const shown = location === null ? undefined : ctx.scrub(location);
  return throwError(
    callError(
      AstraRedirectError,
      ctx,
      `: ${res.status} redirect${shown ? ` to ${shown.slice(0, 300)}` : ''} not followed (${why})`,
      { status: res.status, location: shown },
    ),
  );
}

const throwError = (e: Error): never => {
  throw e;
};
