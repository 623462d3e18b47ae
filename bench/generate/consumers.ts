// The consumer sources the type-check comparison compiles: the same small
// program (list, create, get and delete on credentials and on application
// snapshots) written three ways. `root` is the repository root; the files are
// written to a temporary directory and import the repository's generated/
// output by absolute path.

const P = (root: string, rel: string): string => JSON.stringify(`${root}/${rel}`);

/** Over this generator's per-resource client modules. */
export function sdkConsumer(root: string): string {
  return `import type { CredentialsResource } from ${P(root, 'generated/client/credential.ts')};
import type { AppsAppSnapsResource } from ${P(root, 'generated/client/application-snapshot.ts')};

declare const credentials: CredentialsResource;
declare const appSnaps: AppsAppSnapsResource;

export async function consumer(appId: string): Promise<string[]> {
  const out: string[] = [];
  for await (const c of credentials.list({ limit: 50 })) out.push(c.name);
  const cred = await credentials.create({ name: 'kubeconfig', keyType: 'kubeconfig', keyStore: { base64: 'AAAA' } });
  const again = await credentials.get(cred.id);
  out.push(again.name, again.metadata.labels?.length ? 'labelled' : 'plain');
  for await (const s of appSnaps.list(appId, { limit: 10 })) out.push(\`\${s.name}:\${s.state}\`);
  const snap = await appSnaps.create(appId, { name: 'nightly' });
  const got = await appSnaps.get(appId, snap.id);
  out.push(got.state);
  await appSnaps.delete(appId, snap.id);
  await credentials.delete(cred.id);
  return out;
}
`;
}

/** Over openapi-typescript's single file, with indexed-access types and a hand-written request function. */
export function indexedConsumer(root: string): string {
  return `import type { paths } from ${P(root, 'generated/openapi-types.ts')};

type Creds = paths['/accounts/{account_id}/core/v1/credentials'];
type Cred = paths['/accounts/{account_id}/core/v1/credentials/{credential_id}'];
type Snaps = paths['/accounts/{account_id}/k8s/v1/apps/{app_id}/appSnaps'];
type Snap = paths['/accounts/{account_id}/k8s/v1/apps/{app_id}/appSnaps/{appSnap_id}'];

type CredentialList = Creds['get']['responses']['200']['content']['application/json'];
type CredentialCreate = Creds['post']['requestBody']['content']['application/astra-credential+json'];
type Credential = Cred['get']['responses']['200']['content']['application/astra-credential+json'];
type AppSnapList = Snaps['get']['responses']['200']['content']['application/json'];
type AppSnapCreate = Snaps['post']['requestBody']['content']['application/astra-appSnap+json'];
type AppSnap = Snap['get']['responses']['200']['content']['application/astra-appSnap+json'];

declare function request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T>;

export async function consumer(appId: string): Promise<string[]> {
  const out: string[] = [];
  const list = await request<CredentialList>('GET', '/accounts/a/core/v1/credentials?limit=50');
  for (const c of list.items) if (!Array.isArray(c)) out.push(c.name);
  const body: CredentialCreate = { type: 'application/astra-credential', version: '1.1', name: 'kubeconfig', keyType: 'kubeconfig', keyStore: { base64: 'AAAA' } };
  const cred = await request<Credential>('POST', '/accounts/a/core/v1/credentials', body);
  const again = await request<Credential>('GET', \`/accounts/a/core/v1/credentials/\${cred.id}\`);
  out.push(again.name, again.metadata.labels?.length ? 'labelled' : 'plain');
  const snaps = await request<AppSnapList>('GET', \`/accounts/a/k8s/v1/apps/\${appId}/appSnaps?limit=10\`);
  for (const s of snaps.items) if (!Array.isArray(s)) out.push(\`\${s.name}:\${s.state}\`);
  const snapBody: AppSnapCreate = { type: 'application/astra-appSnap', version: '1.1', name: 'nightly' };
  const snap = await request<AppSnap>('POST', \`/accounts/a/k8s/v1/apps/\${appId}/appSnaps\`, snapBody);
  const got = await request<AppSnap>('GET', \`/accounts/a/k8s/v1/apps/\${appId}/appSnaps/\${snap.id}\`);
  out.push(got.state);
  await request<void>('DELETE', \`/accounts/a/k8s/v1/apps/\${appId}/appSnaps/\${snap.id}\`);
  await request<void>('DELETE', \`/accounts/a/core/v1/credentials/\${cred.id}\`);
  return out;
}
`;
}

/** Over openapi-typescript's single file through openapi-fetch (the usual way to call it). */
export function fetchConsumer(root: string): string {
  return `import createClient from 'openapi-fetch';
import type { paths } from ${P(root, 'generated/openapi-types.ts')};

const client = createClient<paths>({ baseUrl: 'https://astra.example/api' });
const account = { account_id: 'a' };

export async function consumer(appId: string): Promise<string[]> {
  const out: string[] = [];
  const list = await client.GET('/accounts/{account_id}/core/v1/credentials', { params: { path: account, query: { limit: '50' } } });
  for (const c of list.data?.items ?? []) if (!Array.isArray(c)) out.push(c.name);
  const cred = await client.POST('/accounts/{account_id}/core/v1/credentials', {
    params: { path: account },
    body: { type: 'application/astra-credential', version: '1.1', name: 'kubeconfig', keyType: 'kubeconfig', keyStore: { base64: 'AAAA' } },
  });
  if (!cred.data) throw new Error('create failed');
  const again = await client.GET('/accounts/{account_id}/core/v1/credentials/{credential_id}', { params: { path: { ...account, credential_id: cred.data.id } } });
  if (again.data) out.push(again.data.name, again.data.metadata.labels?.length ? 'labelled' : 'plain');
  const snaps = await client.GET('/accounts/{account_id}/k8s/v1/apps/{app_id}/appSnaps', { params: { path: { ...account, app_id: appId }, query: { limit: '10' } } });
  for (const s of snaps.data?.items ?? []) if (!Array.isArray(s)) out.push(\`\${s.name}:\${s.state}\`);
  const snap = await client.POST('/accounts/{account_id}/k8s/v1/apps/{app_id}/appSnaps', {
    params: { path: { ...account, app_id: appId } },
    body: { type: 'application/astra-appSnap', version: '1.1', name: 'nightly' },
  });
  if (!snap.data) throw new Error('snapshot failed');
  const ids = { ...account, app_id: appId, appSnap_id: snap.data.id };
  const got = await client.GET('/accounts/{account_id}/k8s/v1/apps/{app_id}/appSnaps/{appSnap_id}', { params: { path: ids } });
  if (got.data) out.push(got.data.state);
  await client.DELETE('/accounts/{account_id}/k8s/v1/apps/{app_id}/appSnaps/{appSnap_id}', { params: { path: ids } });
  await client.DELETE('/accounts/{account_id}/core/v1/credentials/{credential_id}', { params: { path: { ...account, credential_id: cred.data.id } } });
  return out;
}
`;
}

/** A tsconfig that compiles exactly one consumer file, strict, skipLibCheck. */
export function consumerTsconfig(root: string, file: string): string {
  return JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022', 'DOM', 'DOM.Iterable', 'DOM.AsyncIterable'],
        module: 'ESNext',
        moduleResolution: 'Bundler',
        strict: true,
        skipLibCheck: true,
        noEmit: true,
        allowImportingTsExtensions: true,
        types: [],
        paths: { 'openapi-fetch': [`${root}/node_modules/openapi-fetch/dist/index.d.mts`] },
      },
      files: [file],
    },
    null,
    2,
  );
}
