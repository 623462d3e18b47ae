// A TypeScript consumer of the installed package: the client, errors, the
// filter builder, the problem catalogue, model types from the main entry,
// the typed raw client from ./raw and the runtime from ./runtime.
import {
  ConflictError,
  createAstraClient,
  problemTypes,
  where,
  type AppSnap,
  type AstraClient,
  type Credential,
  type CredentialCreate,
  type Pager,
} from 'astra-control-sdk';
import type { paths } from 'astra-control-sdk/raw';
import { createRuntime, type OperationDescriptor, type Runtime } from 'astra-control-sdk/runtime';

export function connect(token: () => Promise<string>): AstraClient {
  return createAstraClient({
    baseUrl: 'https://astra.example.com',
    accountId: 'acc-1',
    token,
    timeoutMs: 30_000,
    maxRetries: 2,
  });
}

export async function s3Names(astra: AstraClient): Promise<string[]> {
  const out: string[] = [];
  const pager: Pager<Credential> = astra.credentials.list({ filter: where('keyType').eq('s3'), limit: 100 });
  for await (const c of pager) out.push(c.name);
  for await (const s of astra.apps.appSnaps.list('app-1', { include: ['id', 'name'] })) out.push(`${s.id}:${s.name}`);
  return out;
}

export async function createOnce(astra: AstraClient, body: CredentialCreate): Promise<Credential | undefined> {
  try {
    return await astra.credentials.create(body);
  } catch (e) {
    if (e instanceof ConflictError && e.is(problemTypes.jsonResourceConflict)) return undefined;
    throw e;
  }
}

export const snapState = (s: AppSnap): string => s.state;

// ./raw was imported above, so astra.raw is the openapi-fetch client of the spec's paths.
export async function rawName(astra: AstraClient, id: string): Promise<string | undefined> {
  const { data } = await astra.raw.GET('/accounts/{account_id}/core/v1/credentials/{credential_id}', {
    params: { path: { account_id: 'acc-1', credential_id: id } },
  });
  return data?.name;
}
export type CredentialsPath = keyof paths & `${string}/credentials`;

export const listOperation: OperationDescriptor = {
  id: 'listThings',
  method: 'GET',
  path: '/accounts/{account_id}/things',
  pathParams: [],
};
export const runtime: Runtime = createRuntime({ baseUrl: 'https://astra.example.com', accountId: 'acc-1', token: 't' });
