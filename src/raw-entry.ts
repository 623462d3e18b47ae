// Entry point `astra-control-sdk/raw`: the typed openapi-fetch client and the
// openapi-typescript types of the whole spec. Kept out of the main entry
// because `paths` is most of the package's declarations: a program that
// never touches `astra.raw` should not have to type-check it.

import type { paths } from '../generated/openapi-types.js';
import type { AstraClient } from './client.js';
import type { RawClient } from './raw.js';

export type { paths, components, operations } from '../generated/openapi-types.js';
export type { RawClient } from './raw.js';

// Importing this entry types `astra.raw` as the openapi-fetch client of the spec's paths.
declare module './client.js' {
  interface AstraRawClient extends RawClient<paths> {}
}

/**
 * `astra.raw`, typed by the spec's paths: the openapi-fetch client over the
 * same transport as the resource tree (base URL, token, per-attempt timeout,
 * retries, redirect rules, redaction, hooks).
 */
export function rawClient(astra: AstraClient): RawClient<paths> {
  return astra.raw;
}
