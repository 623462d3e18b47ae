// The promise single-resource calls return: a native promise of the result
// with `withResponse()`, which gives the same call's `{ data, response }`.
// The request starts at once, whichever of the two is awaited. A native
// promise (rather than a Promise subclass, as openai-node's APIPromise is)
// keeps `await` on V8's fast path; the one cost is that the data promise is
// marked handled, so that a caller who only uses `withResponse()` leaves no
// unhandled rejection behind (awaiting it still throws).

import type { ApiPromise, WithResponse } from './operation.js';

const ignore = () => {};
const dataOf = <T>(r: WithResponse<T>) => r.data;

export function apiPromise<T>(result: Promise<WithResponse<T>>): ApiPromise<T> {
  const data = result.then(dataOf) as ApiPromise<T>;
  data.catch(ignore);
  data.withResponse = () => result;
  return data;
}
