// createAstraClient: composes the runtime, the generated resource tree and
// the typed raw client. No behaviour lives here.

import { createResourceTree, type AstraClientResources } from '../generated/index.js';
import type { Runtime } from './operation.js';
import { createRawClient, type RawClient } from './raw.js';
import { createRuntime, type RuntimeOptions } from './runtime.js';

export type AstraClientOptions = RuntimeOptions;

/**
 * The `paths` type `astra.raw` is typed with. Empty here so that the main
 * entry never loads the 800 kB openapi-typescript file; importing anything
 * from `astra-control-sdk/raw` (src/raw-entry.ts) merges the spec's `paths`
 * into it.
 */
export interface AstraRawPaths {}

export type AstraClient = AstraClientResources & {
  /** The typed openapi-fetch client, same base URL, token and headers (typed once `astra-control-sdk/raw` is imported). */
  readonly raw: RawClient<AstraRawPaths>;
};

export function createAstraClient(options: AstraClientOptions): AstraClient {
  const runtime: Runtime = createRuntime(options);
  const raw = createRawClient<AstraRawPaths>(options);
  return Object.assign(createResourceTree(runtime), { raw });
}
