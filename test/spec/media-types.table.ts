// Media types and versions per collection, kept by hand from facts gathered
// from NetApp's public Astra Control documentation (numbers are sections of
// the team's facts sheet):
// - 1.3: the media-type names (`application/astra-<name>`, `+json` on the
//   wire), lists as `application/json`, ASUP's `application/gzip`, metrics'
//   `application/openmetrics-text`;
// - 1.11: the `version` values each resource accepts in 24.02 (last column);
// - 2.2.4 / 2.3.1(b): the legacy managedApp (1.0-1.2) and App v1 (1.0, 1.1),
//   which no published document covers.
// Versions are listed oldest first; the newest is the last one.

export interface MediaTypeEntry {
  /** `<name>` in `application/astra-<name>` and `application/astra-<name>+json`. */
  name: string;
  versions: readonly string[];
}

const v = (...versions: string[]) => versions;

/** Keyed by the table row (the media-type name, or a distinguishing key for App v1). */
export const MEDIA_TYPES = {
  // core
  account: { name: 'account', versions: v('1.0') },
  asup: { name: 'asup', versions: v('1.0') },
  certificate: { name: 'certificate', versions: v('1.0', '1.1') },
  credential: { name: 'credential', versions: v('1.0', '1.1') },
  entitlement: { name: 'entitlement', versions: v('1.0') },
  event: { name: 'event', versions: v('1.0', '1.1', '1.2', '1.3', '1.4') },
  executionHook: { name: 'executionHook', versions: v('1.0', '1.1', '1.2', '1.3') },
  feature: { name: 'feature', versions: v('1.0', '1.1') },
  group: { name: 'group', versions: v('1.0', '1.1') },
  hookSource: { name: 'hookSource', versions: v('1.0') },
  ldapGroup: { name: 'ldapGroup', versions: v('1.0') },
  ldapUser: { name: 'ldapUser', versions: v('1.0') },
  license: { name: 'license', versions: v('1.0') },
  notification: { name: 'notification', versions: v('1.0', '1.1', '1.2', '1.3') },
  package: { name: 'package', versions: v('1.0') },
  roleBinding: { name: 'roleBinding', versions: v('1.0', '1.1') },
  setting: { name: 'setting', versions: v('1.0', '1.1') },
  subscription: { name: 'subscription', versions: v('1.0', '1.1', '1.2') },
  task: { name: 'task', versions: v('1.0', '1.1') },
  token: { name: 'token', versions: v('1.0') },
  unreadNotification: { name: 'unreadNotification', versions: v('1.0') },
  upgrade: { name: 'upgrade', versions: v('1.0', '1.1') },
  user: { name: 'user', versions: v('1.0', '1.1', '1.2') },
  // k8s
  appAsset: { name: 'appAsset', versions: v('1.0', '1.1') },
  appBackup: { name: 'appBackup', versions: v('1.0', '1.1', '1.2') },
  appMirror: { name: 'appMirror', versions: v('1.0', '1.1') },
  appSnap: { name: 'appSnap', versions: v('1.0', '1.1', '1.2', '1.3') },
  executionHookOverride: { name: 'executionHookOverride', versions: v('1.0') },
  managedApp: { name: 'managedApp', versions: v('1.0', '1.1', '1.2') },
  schedule: { name: 'schedule', versions: v('1.0', '1.1', '1.2', '1.3') },
  // topology
  apiResource: { name: 'apiResource', versions: v('1.0') },
  app: { name: 'app', versions: v('2.0', '2.1', '2.2') },
  appV1: { name: 'app', versions: v('1.0', '1.1') },
  bucket: { name: 'bucket', versions: v('1.0', '1.1', '1.2') },
  cloud: { name: 'cloud', versions: v('1.0', '1.1') },
  cluster: { name: 'cluster', versions: v('1.0', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7') },
  clusterNode: { name: 'clusterNode', versions: v('1.0') },
  managedCluster: { name: 'managedCluster', versions: v('1.0', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7') },
  namespace: { name: 'namespace', versions: v('1.0', '1.1', '1.2') },
  storageBackend: { name: 'storageBackend', versions: v('1.0', '1.1', '1.2', '1.3') },
  storageClass: { name: 'storageClass', versions: v('1.0', '1.1') },
  volume: { name: 'volume', versions: v('1.0', '1.1', '1.2') },
} as const satisfies Record<string, MediaTypeEntry>;

export type MediaTypeKey = keyof typeof MEDIA_TYPES;

/** Collection path segment -> table row. `apps` depends on the API generation. */
const BY_SEGMENT: Record<string, MediaTypeKey> = {
  accounts: 'account',
  asups: 'asup',
  certificates: 'certificate',
  credentials: 'credential',
  entitlements: 'entitlement',
  events: 'event',
  executionHooks: 'executionHook',
  features: 'feature',
  groups: 'group',
  hookSources: 'hookSource',
  ldapGroups: 'ldapGroup',
  ldapUsers: 'ldapUser',
  licenses: 'license',
  notifications: 'notification',
  packages: 'package',
  roleBindings: 'roleBinding',
  settings: 'setting',
  subscriptions: 'subscription',
  tasks: 'task',
  tokens: 'token',
  unreadNotifications: 'unreadNotification',
  upgrades: 'upgrade',
  users: 'user',
  appAssets: 'appAsset',
  appBackups: 'appBackup',
  appMirrors: 'appMirror',
  appSnaps: 'appSnap',
  executionHookOverrides: 'executionHookOverride',
  managedApps: 'managedApp',
  schedules: 'schedule',
  apiResources: 'apiResource',
  buckets: 'bucket',
  clouds: 'cloud',
  clusters: 'cluster',
  clusterNodes: 'clusterNode',
  managedClusters: 'managedCluster',
  namespaces: 'namespace',
  storageBackends: 'storageBackend',
  storageClasses: 'storageClass',
  volumes: 'volume',
};

/** Endpoints outside the resource scheme, with the one 200 media type they answer. */
export const SPECIAL_ENDPOINTS: Record<string, string> = {
  '/accounts/{account_id}/metrics': 'application/openmetrics-text',
  '/accounts/{account_id}/openapi': 'application/json',
};

/** The extra media type a single ASUP answers: the bundle download. */
export const ASUP_DOWNLOAD = { path: '/accounts/{account_id}/core/v1/asups/{asup_id}', mediaType: 'application/gzip' };

/**
 * The table row for the collection a path addresses (its last collection
 * segment), or undefined for the special endpoints and unknown segments.
 */
export function mediaTypeFor(path: string): MediaTypeEntry | undefined {
  if (SPECIAL_ENDPOINTS[path]) return undefined;
  const segments = path.split('/').filter((s) => s && !s.startsWith('{'));
  const collection = segments[segments.length - 1];
  if (!collection) return undefined;
  if (collection === 'apps') {
    // k8s/v2/apps and topology/v2/managedClusters/{id}/apps are App v2;
    // topology/v1/apps is the legacy App v1.
    return /\/v2\//.test(path)
      ? MEDIA_TYPES.app
      : /\/topology\/v1\/apps(\/\{app_id\})?$/.test(path)
        ? MEDIA_TYPES.appV1
        : undefined;
  }
  const key = BY_SEGMENT[collection];
  return key ? MEDIA_TYPES[key] : undefined;
}

/** The newest of a list of dotted versions. */
export function newest(versions: readonly string[]): string {
  const num = (s: string) => s.split('.').map(Number) as [number, number];
  return [...versions].sort((a, b) => num(a)[0] - num(b)[0] || num(a)[1] - num(b)[1]).pop()!;
}
