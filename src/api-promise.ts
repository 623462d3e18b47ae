// The promise single-resource calls return. Like openai-node's APIPromise it
// is a real Promise of the result whose own settlement is never observed:
// `then`, `catch` and `finally` are taken from the underlying promise of
// `{ data, response }`, so a call whose caller only uses `withResponse()`
// leaves no unhandled rejection behind, and the request starts at once.

import type { ApiPromise as ApiPromiseType, WithResponse } from './operation.js';

export class ApiPromise<T> extends Promise<T> implements ApiPromiseType<T> {
  readonly #result: Promise<WithResponse<T>>;

  constructor(result: Promise<WithResponse<T>>) {
    super((resolve) => resolve(undefined as T));
    this.#result = result;
  }

  // Derived promises (`then` of `then`) are plain Promises.
  static override get [Symbol.species]() {
    return Promise;
  }

  withResponse(): Promise<WithResponse<T>> {
    return this.#result;
  }

  override then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    // One derived promise: the result's data handed straight to the caller's callback.
    return this.#result.then(onFulfilled ? (r) => onFulfilled(r.data) : (r) => r.data as unknown as A, onRejected);
  }

  override catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.then(undefined, onRejected);
  }

  override finally(onFinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onFinally);
  }
}
