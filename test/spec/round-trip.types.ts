// Type-level round trips (issue 14): for every resource with an update, a
// value read with `get`, with a field changed, is a valid `update` body as
// the generated client types it (`BodyInput<…Update>`). tsc checks this file
// in `npm test` and round-trip.test.ts compiles it on its own; the
// `@ts-expect-error` lines show what must fail: a mistyped field, and a body
// that does not declare members the read has.
import type * as M from '../../generated/models/index.js';
import type { BodyInput } from '../../src/operation.js';

/** Members of a read that the update body does not declare (spreads escape excess-property checks). */
type Undeclared<Read, Update> = Exclude<keyof Read, keyof BodyInput<Update> | 'type' | 'version'>;

/** Sends back what was read, changed; only a type whose update declares every member the read has. */
type RoundTrip<Read, Update> = [Undeclared<Read, Update>] extends [never]
  ? (read: Read) => BodyInput<Update>
  : { undeclaredMembers: Undeclared<Read, Update> };
const team = [{ name: 'team', value: 'storage' }];

export const roundTrips = {
  account: ((read) => ({ ...read, metadata: { ...read.metadata, labels: team } })) satisfies RoundTrip<
    M.Account,
    M.AccountUpdate
  >,
  app: ((read) => ({ ...read, metadata: { ...read.metadata, labels: team } })) satisfies RoundTrip<M.App, M.AppUpdate>,
  appMirror: ((read) => ({ ...read, metadata: { ...read.metadata, labels: team } })) satisfies RoundTrip<
    M.AppMirror,
    M.AppMirrorUpdate
  >,
  bucket: ((read) => ({ ...read, metadata: { ...read.metadata, labels: team } })) satisfies RoundTrip<
    M.Bucket,
    M.BucketUpdate
  >,
  certificate: ((read) => ({ ...read, metadata: { ...read.metadata, labels: team } })) satisfies RoundTrip<
    M.Certificate,
    M.CertificateUpdate
  >,
  cloud: ((read) => ({ ...read, metadata: { ...read.metadata, labels: team } })) satisfies RoundTrip<
    M.Cloud,
    M.CloudUpdate
  >,
  cluster: ((read) => ({ ...read, metadata: { ...read.metadata, labels: team } })) satisfies RoundTrip<
    M.Cluster,
    M.ClusterUpdate
  >,
  // The credential update requires keyStore (since 23.04), which a read never
  // returns, and its parts depend on the keyType: the read's keyType is
  // narrowed first, then the keyStore that keyType needs is sent.
  credential: ((read) => {
    if (read.keyType !== 'kubeconfig') throw new Error('expected a kubeconfig credential');
    return {
      ...read,
      keyType: read.keyType,
      keyStore: { base64: 'e30=' },
      metadata: { ...read.metadata, labels: team },
    };
  }) satisfies RoundTrip<M.Credential, M.CredentialUpdate>,
  executionHook: ((read) => ({ ...read, metadata: { ...read.metadata, labels: team } })) satisfies RoundTrip<
    M.ExecutionHook,
    M.ExecutionHookUpdate
  >,
  executionHookOverride: ((read) => ({ ...read, metadata: { ...read.metadata, labels: team } })) satisfies RoundTrip<
    M.ExecutionHookOverride,
    M.ExecutionHookOverrideUpdate
  >,
  group: ((read) => ({ ...read, metadata: { ...read.metadata, labels: team } })) satisfies RoundTrip<
    M.Group,
    M.GroupUpdate
  >,
  hookSource: ((read) => ({ ...read, metadata: { ...read.metadata, labels: team } })) satisfies RoundTrip<
    M.HookSource,
    M.HookSourceUpdate
  >,
  license: ((read) => ({ ...read, metadata: { ...read.metadata, labels: team } })) satisfies RoundTrip<
    M.License,
    M.LicenseUpdate
  >,
  // The legacy managed-app PUT is only ever an in-place restore: it names the backup.
  managedApp: ((read) => ({ ...read, backupID: '2a9f8e7d-6c5b-4a39-8e7d-6c5b4a392817' })) satisfies RoundTrip<
    M.ManagedApp,
    M.ManagedAppUpdate
  >,
  managedCluster: ((read) => ({ ...read, metadata: { ...read.metadata, labels: team } })) satisfies RoundTrip<
    M.ManagedCluster,
    M.ManagedClusterUpdate
  >,
  roleBinding: ((read) => ({ ...read, metadata: { ...read.metadata, labels: team } })) satisfies RoundTrip<
    M.RoleBinding,
    M.RoleBindingUpdate
  >,
  schedule: ((read) => ({ ...read, metadata: { ...read.metadata, labels: team } })) satisfies RoundTrip<
    M.Schedule,
    M.ScheduleUpdate
  >,
  setting: ((read) => ({ ...read, metadata: { ...read.metadata, labels: team } })) satisfies RoundTrip<
    M.Setting,
    M.SettingUpdate
  >,
  storageBackend: ((read) => ({ ...read, metadata: { ...read.metadata, labels: team } })) satisfies RoundTrip<
    M.StorageBackend,
    M.StorageBackendUpdate
  >,
  subscription: ((read) => ({ ...read, metadata: { ...read.metadata, labels: team } })) satisfies RoundTrip<
    M.Subscription,
    M.SubscriptionUpdate
  >,
  token: ((read) => ({ ...read, metadata: { ...read.metadata, labels: team } })) satisfies RoundTrip<
    M.Token,
    M.TokenUpdate
  >,
  upgrade: ((read) => ({ ...read, metadata: { ...read.metadata, labels: team } })) satisfies RoundTrip<
    M.Upgrade,
    M.UpgradeUpdate
  >,
  user: ((read) => ({ ...read, metadata: { ...read.metadata, labels: team } })) satisfies RoundTrip<
    M.User,
    M.UserUpdate
  >,
  clusterRenamed: ((read) => ({ ...read, name: 'prod-east' })) satisfies RoundTrip<M.Cluster, M.ClusterUpdate>,
  cloudOfAnyProvider: ((read) => ({
    ...read,
    cloudType: read.cloudType === 'GCP' ? 'gcp' : 'oci',
  })) satisfies RoundTrip<M.Cloud, M.CloudUpdate>,
};

export const wrongTypeRefused = ((read) =>
  // @ts-expect-error a changed field must still have its type: a bucket name is a string
  ({ ...read, name: 42 })) satisfies RoundTrip<M.Bucket, M.BucketUpdate>;

type ClusterFromCreate = RoundTrip<M.Cluster, M.ClusterCreate>;
// @ts-expect-error a create body does not declare what the service reports (state, inUse, …)
export const undeclaredRefused: ClusterFromCreate = (read: M.Cluster) => ({ ...read });
