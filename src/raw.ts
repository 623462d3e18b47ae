// `astra.raw`: an openapi-fetch client typed by the spec's `paths`, for
// anything the resource tree does not cover (the ASUP bundle download, say).
// Its requests go through the runtime's transport, so they share the base
// URL, token, per-attempt timeout, retries, redirect rules, redaction and
// hooks; openapi-fetch still returns `{ data, error, response }` for a
// non-2xx response instead of throwing. Failures without a response are
// typed AstraErrors.

import createClient, { type Client } from 'openapi-fetch';
import type { RawTransport } from './internal/runtime.js';

export type RawClient<Paths extends {}> = Client<Paths>;

export function createRawClient<Paths extends {}>(baseUrl: string, transport: RawTransport): RawClient<Paths> {
  // openapi-fetch passes a Request (and more arguments): the transport takes the Request.
  return createClient<Paths>({ baseUrl, fetch: (request: Request) => transport(request) });
}
