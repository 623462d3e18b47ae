// Conditional requests (RFC 9110 §13) as Astra documents them for
// optimistic concurrency: every read carries an ETag; PUT and DELETE honour
// If-Match, If-None-Match, If-Modified-Since and If-Unmodified-Since, and a
// failed precondition is 412 with problem 38. On GET, If-None-Match and
// If-Modified-Since give 304. Astra's documents describe If-Modified-Since on
// a PUT as "apply only if the resource changed after this date", so there a
// resource unchanged since the date fails with 412 rather than being ignored.
import { SimulatedProblem } from './problems.ts';

export interface Validators {
  etag: string;
  /** Last modification, milliseconds since the epoch. */
  modifiedMs: number;
}

export type Precondition = 'proceed' | 'not-modified';

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

/** The entity tags of an If-Match / If-None-Match header; `*` stays `*`. */
export function parseEntityTags(value: string): string[] {
  const tags: string[] = [];
  const re = /\s*(\*|(?:W\/)?"[^"]*")\s*(?:,|$)/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(value)) && m[0] !== '') tags.push(m[1]!);
  return tags;
}

const opaque = (tag: string) => tag.replace(/^W\//, '');

/** HTTP-date → milliseconds, or a 400 (problem 12) naming the header. */
function httpDate(name: string, value: string): number {
  const ms = Date.parse(value);
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(value.trim()) || Number.isNaN(ms)) {
    throw new SimulatedProblem(400, 12, `The ${name} header is not an HTTP date.`, {
      invalidParams: [{ name, reason: 'must be an HTTP date such as "Sun, 06 Nov 1994 08:49:37 GMT"' }],
    });
  }
  return ms;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/**
 * Evaluates the preconditions of a request on an existing resource, in the
 * order RFC 9110 §13.2.2 gives. Throws 412 (problem 38) when one fails;
 * returns `not-modified` when a GET should be answered 304.
 */
export function evaluatePreconditions(method: string, headers: Headers, current: Validators): Precondition {
  const safe = method === 'GET' || method === 'HEAD';
  const failed = (detail: string) => new SimulatedProblem(412, 38, detail);
  const ifMatch = header(headers, 'if-match');
  const ifNoneMatch = header(headers, 'if-none-match');
  const ifModifiedSince = header(headers, 'if-modified-since');
  const ifUnmodifiedSince = header(headers, 'if-unmodified-since');

  if (ifMatch !== undefined) {
    const tags = parseEntityTags(ifMatch);
    // If-Match uses the strong comparison: a weak tag never matches.
    if (!tags.some((t) => t === '*' || (!t.startsWith('W/') && t === current.etag)))
      throw failed('The If-Match header does not match the current ETag of the resource.');
  } else if (ifUnmodifiedSince !== undefined) {
    if (seconds(current.modifiedMs) > seconds(httpDate('If-Unmodified-Since', ifUnmodifiedSince)))
      throw failed('The resource was modified after the If-Unmodified-Since date.');
  }
  if (ifNoneMatch !== undefined) {
    const tags = parseEntityTags(ifNoneMatch);
    // If-None-Match uses the weak comparison.
    if (tags.some((t) => t === '*' || opaque(t) === opaque(current.etag))) {
      if (safe) return 'not-modified';
      throw failed('The If-None-Match header matches the current ETag of the resource.');
    }
  } else if (ifModifiedSince !== undefined) {
    const since = httpDate('If-Modified-Since', ifModifiedSince);
    if (seconds(current.modifiedMs) <= seconds(since)) {
      if (safe) return 'not-modified';
      throw failed('The resource has not been modified since the If-Modified-Since date.');
    }
  }
  return 'proceed';
}
