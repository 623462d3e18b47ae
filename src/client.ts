// createAstraClient: composes the runtime, the generated resource tree and
// the typed raw client. No behaviour lives here.

import { createResourceTree, type AstraClientResources } from '../generated/index.js';
import type { paths } from '../generated/openapi-types.js';
import type { Runtime } from './operation.js';
import { createRawClient, type RawClient } from './raw.js';
import { createRuntime, type RuntimeOptions } from './runtime.js';

export type AstraClientOptions = RuntimeOptions;

export type AstraClient = AstraClientResources & {
  /** The typed openapi-fetch client, same base URL, token and headers. */
  readonly raw: RawClient<paths>;
};

export function createAstraClient(options: AstraClientOptions): AstraClient {
  const runtime: Runtime = createRuntime(options);
  const raw = createRawClient<paths>(options);
  return Object.assign(createResourceTree(runtime), { raw });
}
