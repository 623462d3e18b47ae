// `astra.raw`: a bare openapi-fetch client, typed by the spec's `paths`, with
// the same base URL, token, headers, user agent and fetch as the resource
// tree. For anything the tree does not cover; it does not go through the
// runtime's retries, typed errors or hooks (openapi-fetch returns
// `{ data, error, response }` instead of throwing).

import createClient, { type Client } from 'openapi-fetch';
import { authorizationValue, currentToken, type TokenSource } from './auth.js';
import { clientHeaders } from './request.js';

export interface RawClientOptions {
  baseUrl: string;
  token: TokenSource;
  fetch?: typeof globalThis.fetch;
  headers?: Record<string, string>;
  userAgent?: string;
}

export type RawClient<Paths extends {}> = Client<Paths>;

export function createRawClient<Paths extends {}>(options: RawClientOptions): RawClient<Paths> {
  const { fetch: f, token } = options;
  const client = createClient<Paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers: clientHeaders(options.headers, options.userAgent),
    // openapi-fetch passes a Request (and more arguments); give the injected fetch just the Request.
    fetch: f && ((req: Request) => f(req)),
  });
  client.use({
    async onRequest({ request }) {
      request.headers.set('authorization', authorizationValue(await currentToken(token)));
      return request;
    },
  });
  return client;
}
