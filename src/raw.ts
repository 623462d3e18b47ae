// `astra.raw`: a bare openapi-fetch client, typed by the spec's `paths`, with
// the same base URL, token, headers, user agent and fetch as the resource
// tree. For anything the tree does not cover; it does not go through the
// runtime's retries, typed errors or hooks (openapi-fetch returns
// `{ data, error, response }` instead of throwing).

import createClient, { type Client } from 'openapi-fetch';
import { authorizationValue, callTokenFunction, type TokenSource } from './auth.js';
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
  const f = options.fetch;
  const client = createClient<Paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers: clientHeaders(options.headers, options.userAgent),
    ...(f ? { fetch: (req: Request) => f(req) } : {}),
  });
  const token = options.token;
  client.use({
    async onRequest({ request }) {
      const t = typeof token === 'function' ? await callTokenFunction(token) : token;
      request.headers.set('authorization', authorizationValue(t));
      return request;
    },
  });
  return client;
}
