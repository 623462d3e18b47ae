// Bearer-token authentication. The token is a string, or a function returning
// a string (or a promise of one) that is called for every HTTP request,
// retries included, so that a rotated token is picked up at once.

import { AstraError } from './errors.js';

export type TokenSource = string | (() => string | Promise<string>);

export function authorizationValue(token: string): string {
  if (typeof token !== 'string' || token === '') throw new AstraError('the token is empty or not a string');
  return 'Bearer ' + token;
}

/** Calls a token function; its failure becomes an AstraError (the cause is the caller's own error). */
export async function callTokenFunction(fn: () => string | Promise<string>): Promise<string> {
  let token: string;
  try {
    const t = fn();
    token = typeof t === 'string' ? t : await t;
  } catch (cause) {
    throw new AstraError('the token function failed', { cause });
  }
  if (typeof token !== 'string' || token === '') throw new AstraError('the token function returned no token');
  return token;
}
