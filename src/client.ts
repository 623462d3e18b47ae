// createAstraClient: composes the runtime, the generated resource tree and
// the typed raw client. No behaviour lives here.

import { createResourceTree, type AstraClientResources } from '../generated/index.js';
import type { paths } from '../generated/openapi-types.js';
import { AstraError } from './errors.js';
import type { ClientOptions } from './internal/config.js';
import { createRuntime } from './internal/runtime.js';
import { createRawClient } from './raw.js';

export type AstraClientOptions = ClientOptions;

/**
 * The type of `astra.raw`. Empty here, so that the main entry never loads
 * openapi-fetch's types or the 800 kB `paths` of the whole spec; importing
 * anything from `astra-control-sdk/raw` (src/raw-entry.ts) merges
 * `RawClient<paths>` into it.
 */
export interface AstraRawClient {}

export type AstraClient = AstraClientResources & {
  /** The typed openapi-fetch client over the same transport (base URL, token, timeout, retries, redirects, redaction, hooks); typed once `astra-control-sdk/raw` is imported. */
  readonly raw: AstraRawClient;
};

/** The client. Unusable options throw AstraConfigError, which is also given to `hooks.onError`. */
export function createAstraClient(options: AstraClientOptions): AstraClient {
  try {
    const runtime = createRuntime(options);
    return Object.assign(createResourceTree(runtime), {
      raw: createRawClient<paths>(runtime.config.baseUrl, runtime.raw) as AstraRawClient,
    });
  } catch (error) {
    const onError = options?.hooks?.onError;
    if (error instanceof AstraError && typeof onError === 'function') {
      try {
        onError({ error, attempt: 0 });
      } catch {
        // The configuration error is what the caller needs to see.
      }
    }
    throw error;
  }
}
