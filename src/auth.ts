// Bearer-token authentication. The token is a string, or a function returning
// a string (or a promise of one) that is called for every HTTP request,
// retries included, so that a rotated token is picked up at once (and a 401
// is retried once with a fresh one, see retry.ts).

import { AstraError } from './errors.js';
import { configError, isHeaderSafe } from './internal/config.js';

export type TokenSource = string | (() => string | Promise<string>);

/** `Bearer <token>`; a token that cannot be sent is an AstraConfigError (which never quotes it). */
export function authorizationValue(token: unknown): string {
  if (!isHeaderSafe(token))
    throw configError(
      'token',
      'the token function returned something other than a non-empty string of visible ASCII characters',
    );
  return 'Bearer ' + token;
}

/** The current token: the string, or what the function returns; its failure becomes an AstraError whose cause is the caller's own error. */
export async function currentToken(source: TokenSource): Promise<string> {
  try {
    return typeof source === 'function' ? await source() : source;
  } catch (cause) {
    throw new AstraError('the token function failed', { cause });
  }
}
