import { createRuntime } from '../../../src/internal/runtime.js';
import type { ClientOptions as RuntimeOptions } from '../../../src/internal/config.js';
import type { TestServer } from './server.js';
import { ACCOUNT } from './descriptors.js';

export const TOKEN = 'tok-CANARY-7f3e9a1b2c4d';

/** A runtime pointed at the test server, with fast backoff. */
export function runtimeFor(server: TestServer, overrides: Partial<RuntimeOptions> = {}) {
  return createRuntime({
    baseUrl: server.baseUrl,
    accountId: ACCOUNT,
    token: TOKEN,
    retry: { baseDelayMs: 2, maxDelayMs: 10 },
    ...overrides,
  });
}

/** A collection of `n` items served with continue tokens (base64 of the offset). */
export function collection(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    type: 'application/astra-credential',
    version: '1.1',
    id: `id-${i}`,
    name: `name-${i}`,
    keyType: i % 2 ? 's3' : 'generic',
  }));
}

export function pageOf<T extends Record<string, unknown>>(items: T[], url: URL, defaultLimit = 100) {
  const limit = Number(url.searchParams.get('limit') ?? defaultLimit);
  const cont = url.searchParams.get('continue');
  const offset = cont ? Number(Buffer.from(cont, 'base64').toString()) : 0;
  const slice = items.slice(offset, offset + limit);
  const include = url.searchParams.get('include');
  const metadata: Record<string, unknown> = {};
  if (offset + limit < items.length) metadata.continue = Buffer.from(String(offset + limit)).toString('base64');
  if (url.searchParams.get('count') === 'true') metadata.count = slice.length;
  return {
    items: include ? slice.map((it) => include.split(',').map((k) => it[k])) : slice,
    metadata,
  };
}
