// createAstraClient: composes the runtime, the generated resource tree and
// the typed raw client. No behaviour lives here.

import { createResourceTree, type AstraClientResources } from '../generated/index.js';
import type { paths } from '../generated/openapi-types.js';
import type { Runtime } from './operation.js';
import { createRawClient } from './raw.js';
import { createRuntime, type RuntimeOptions } from './runtime.js';

export type AstraClientOptions = RuntimeOptions;

/**
 * The type of `astra.raw`. Empty here, so that the main entry never loads
 * openapi-fetch's types or the 800 kB `paths` of the whole spec; importing
 * anything from `astra-control-sdk/raw` (src/raw-entry.ts) merges
 * `RawClient<paths>` into it.
 */
export interface AstraRawClient {}

export type AstraClient = AstraClientResources & {
  /** The typed openapi-fetch client, same base URL, token and headers; typed once `astra-control-sdk/raw` is imported. */
  readonly raw: AstraRawClient;
};

export function createAstraClient(options: AstraClientOptions): AstraClient {
  const runtime: Runtime = createRuntime(options);
  const raw: AstraRawClient = createRawClient<paths>(options);
  return Object.assign(createResourceTree(runtime), { raw });
}
