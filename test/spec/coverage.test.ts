// Coverage: every resource of seed 000 (issue 2) and every other collection of
// the published 24.02 surface (issue 3) is in the spec, at its real paths,
// with every operation the real API offers. Paths and methods come from the
// facts reference, sections 2.1-2.5.
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT as A, isList, loadSpec, opAt, ops, type Node } from './spec-fixture.ts';

/** One expected operation: `METHOD /path`, optionally under another tag. */
type OpSpec = string | { op: string; tag: string; deprecated?: boolean };

interface Row {
  resource: string;
  tag: string;
  ops: OpSpec[];
  /** Every operation of the row is a legacy one and must be deprecated. */
  deprecated?: boolean;
}

/**
 * The operations on `base` (a collection path) and `base/{id}`, picked by
 * letter: L list, C create, G get, U update (PUT), D delete.
 */
function crud(base: string, id: string, verbs: string): string[] {
  const instance = `${base}/{${id}}`;
  const table: Record<string, string> = {
    L: `GET ${base}`,
    C: `POST ${base}`,
    G: `GET ${instance}`,
    U: `PUT ${instance}`,
    D: `DELETE ${instance}`,
  };
  return [...verbs].map((v) => table[v]!);
}

const CORE = `${A}/core/v1`;
const K8S = `${A}/k8s/v1`;
const TOPO = `${A}/topology/v1`;
const APP = `${K8S}/apps/{app_id}`;
const USER = `${CORE}/users/{user_id}`;
const GROUP = `${CORE}/groups/{group_id}`;
const GROUP_USER = `${GROUP}/users/{user_id}`;
const USER_GROUP = `${USER}/groups/{group_id}`;
const CLOUD_CLUSTER = `${TOPO}/clouds/{cloud_id}/clusters/{cluster_id}`;
const CLUSTER = `${TOPO}/clusters/{cluster_id}`;
const MANAGED_CLUSTER = `${TOPO}/managedClusters/{managedCluster_id}`;

/** The 28 resources seed 000 names, each with its tag and operations. */
const SEED_RESOURCES: Row[] = [
  { resource: 'ASUP', tag: 'ASUP', ops: crud(`${CORE}/asups`, 'asup_id', 'LCG') },
  { resource: 'Credential', tag: 'Credential', ops: crud(`${CORE}/credentials`, 'credential_id', 'LCGUD') },
  { resource: 'Entitlement', tag: 'Entitlement', ops: crud(`${CORE}/entitlements`, 'entitlement_id', 'LG') },
  { resource: 'Event', tag: 'Event', ops: crud(`${CORE}/events`, 'event_id', 'LG') },
  { resource: 'Feature', tag: 'Feature', ops: crud(`${CORE}/features`, 'feature_id', 'LG') },
  { resource: 'License', tag: 'License', ops: crud(`${CORE}/licenses`, 'license_id', 'LCGUD') },
  { resource: 'Notification', tag: 'Notification', ops: crud(`${CORE}/notifications`, 'notification_id', 'LG') },
  { resource: 'Role binding', tag: 'Role Binding', ops: crud(`${CORE}/roleBindings`, 'roleBinding_id', 'LCGUD') },
  { resource: 'Setting', tag: 'Setting', ops: crud(`${CORE}/settings`, 'setting_id', 'LGU') },
  { resource: 'Subscription', tag: 'Subscription', ops: crud(`${CORE}/subscriptions`, 'subscription_id', 'LCGUD') },
  { resource: 'Token', tag: 'Token', ops: crud(`${USER}/tokens`, 'token_id', 'LCGUD') },
  {
    resource: 'Unread notification',
    tag: 'Unread Notification',
    ops: crud(`${USER}/unreadNotifications`, 'unreadNotification_id', 'LGD'),
  },
  { resource: 'User', tag: 'User', ops: crud(`${CORE}/users`, 'user_id', 'LCGUD') },
  {
    resource: 'Application asset',
    tag: 'Application Asset',
    ops: [
      ...crud(`${APP}/appAssets`, 'appAsset_id', 'LG'),
      ...crud(`${MANAGED_CLUSTER}/apps/{app_id}/appAssets`, 'appAsset_id', 'LG'),
    ],
  },
  { resource: 'Application backup', tag: 'Application Backup', ops: crud(`${APP}/appBackups`, 'appBackup_id', 'LCGD') },
  { resource: 'Application snapshot', tag: 'Application Snapshot', ops: crud(`${APP}/appSnaps`, 'appSnap_id', 'LCGD') },
  {
    resource: 'Managed application',
    tag: 'Managed Application',
    ops: crud(`${K8S}/managedApps`, 'managedApp_id', 'LCGUD'),
    deprecated: true,
  },
  { resource: 'Schedule', tag: 'Schedule', ops: crud(`${APP}/schedules`, 'schedule_id', 'LCGUD') },
  {
    resource: 'App',
    tag: 'App',
    ops: [
      ...crud(`${A}/k8s/v2/apps`, 'app_id', 'LCGUD'),
      // The seed's 21.08-era App: discovered apps, read-only, long removed.
      ...crud(`${TOPO}/apps`, 'app_id', 'LG').map((op) => ({ op, tag: 'Topology App (legacy)', deprecated: true })),
    ],
  },
  { resource: 'Bucket', tag: 'Bucket', ops: crud(`${TOPO}/buckets`, 'bucket_id', 'LCGUD') },
  { resource: 'Cloud', tag: 'Cloud', ops: crud(`${TOPO}/clouds`, 'cloud_id', 'LCGUD') },
  {
    resource: 'Cluster',
    tag: 'Cluster',
    ops: [
      ...crud(`${TOPO}/clouds/{cloud_id}/clusters`, 'cluster_id', 'LCGUD'),
      ...crud(`${TOPO}/clusters`, 'cluster_id', 'LGUD'),
    ],
  },
  {
    resource: 'Managed cluster',
    tag: 'Managed Cluster',
    ops: crud(`${TOPO}/managedClusters`, 'managedCluster_id', 'LCGUD'),
  },
  {
    resource: 'Storage backend',
    tag: 'Storage Backend',
    ops: crud(`${TOPO}/storageBackends`, 'storageBackend_id', 'LCGUD'),
  },
  {
    resource: 'Storage class',
    tag: 'Storage Class',
    ops: [
      ...crud(`${CLOUD_CLUSTER}/storageClasses`, 'storageClass_id', 'LG'),
      ...crud(`${CLUSTER}/storageClasses`, 'storageClass_id', 'LG'),
      ...crud(`${MANAGED_CLUSTER}/storageClasses`, 'storageClass_id', 'LG'),
    ],
  },
  {
    resource: 'Volume',
    tag: 'Volume',
    ops: [...crud(`${TOPO}/volumes`, 'volume_id', 'LG'), ...crud(`${APP}/volumes`, 'volume_id', 'LG')],
  },
  { resource: 'OpenAPI', tag: 'OpenAPI', ops: [`GET ${A}/openapi`] },
  { resource: 'OpenMetrics', tag: 'OpenMetrics', ops: [`GET ${A}/metrics`] },
];

/** The rest of the published 24.02 surface (issue 3). */
const OTHER_COLLECTIONS: Row[] = [
  { resource: 'accounts', tag: 'Account', ops: crud('/accounts', 'account_id', 'LCGUD') },
  { resource: 'certificates', tag: 'Certificate', ops: crud(`${CORE}/certificates`, 'certificate_id', 'LCGUD') },
  { resource: 'groups', tag: 'Group', ops: crud(`${CORE}/groups`, 'group_id', 'LCGUD') },
  { resource: "groups' users", tag: 'User', ops: crud(`${GROUP}/users`, 'user_id', 'LCGUD') },
  {
    resource: "groups' role bindings",
    tag: 'Role Binding',
    ops: crud(`${GROUP}/roleBindings`, 'roleBinding_id', 'LCGUD'),
  },
  {
    resource: "groups' users' role bindings",
    tag: 'Role Binding',
    ops: crud(`${GROUP_USER}/roleBindings`, 'roleBinding_id', 'LCGUD'),
  },
  { resource: "groups' users' tokens", tag: 'Token', ops: crud(`${GROUP_USER}/tokens`, 'token_id', 'LCGUD') },
  {
    resource: "groups' users' unread notifications",
    tag: 'Unread Notification',
    ops: crud(`${GROUP_USER}/unreadNotifications`, 'unreadNotification_id', 'LGD'),
  },
  { resource: "users' groups", tag: 'Group', ops: crud(`${USER}/groups`, 'group_id', 'LCGUD') },
  {
    resource: "users' groups' role bindings",
    tag: 'Role Binding',
    ops: crud(`${USER_GROUP}/roleBindings`, 'roleBinding_id', 'LCGUD'),
  },
  {
    resource: "users' role bindings",
    tag: 'Role Binding',
    ops: crud(`${USER}/roleBindings`, 'roleBinding_id', 'LCGUD'),
  },
  { resource: 'LDAP users', tag: 'LDAP User', ops: crud(`${CORE}/ldapUsers`, 'ldapUser_id', 'LG') },
  { resource: 'LDAP groups', tag: 'LDAP Group', ops: crud(`${CORE}/ldapGroups`, 'ldapGroup_id', 'LG') },
  { resource: 'hook sources', tag: 'Hook Source', ops: crud(`${CORE}/hookSources`, 'hookSource_id', 'LCGUD') },
  {
    resource: 'execution hooks (account-wide)',
    tag: 'Execution Hook',
    ops: crud(`${CORE}/executionHooks`, 'executionHook_id', 'LCGUD'),
  },
  {
    resource: 'execution hooks (per app)',
    tag: 'Execution Hook',
    ops: crud(`${APP}/executionHooks`, 'executionHook_id', 'LCGUD'),
  },
  {
    resource: 'execution-hook overrides',
    tag: 'Execution Hook Override',
    ops: crud(`${APP}/executionHookOverrides`, 'executionHookOverride_id', 'LCGUD'),
    deprecated: true,
  },
  { resource: 'packages', tag: 'Package', ops: crud(`${CORE}/packages`, 'package_id', 'LCGD') },
  { resource: 'tasks', tag: 'Task', ops: crud(`${CORE}/tasks`, 'task_id', 'LG') },
  { resource: 'upgrades', tag: 'Upgrade', ops: crud(`${CORE}/upgrades`, 'upgrade_id', 'LGU') },
  { resource: 'app mirrors (account-wide)', tag: 'AppMirror', ops: crud(`${K8S}/appMirrors`, 'appMirror_id', 'LCGUD') },
  { resource: 'app mirrors (per app)', tag: 'AppMirror', ops: crud(`${APP}/appMirrors`, 'appMirror_id', 'LCGUD') },
  {
    resource: 'assets under snapshots',
    tag: 'Application Asset',
    ops: crud(`${APP}/appSnaps/{appSnap_id}/appAssets`, 'appAsset_id', 'LG'),
  },
  {
    resource: 'assets under backups',
    tag: 'Application Asset',
    ops: [
      ...crud(`${APP}/appBackups/{appBackup_id}/appAssets`, 'appAsset_id', 'LG'),
      ...crud(`${TOPO}/appBackups/{appBackup_id}/appAssets`, 'appAsset_id', 'LG'),
    ],
  },
  {
    resource: 'account-wide app backups',
    tag: 'Application Backup',
    ops: crud(`${TOPO}/appBackups`, 'appBackup_id', 'LGD'),
  },
  {
    resource: "cluster nodes under clouds' clusters, clusters and managed clusters",
    tag: 'Cluster Node',
    ops: [
      ...crud(`${CLOUD_CLUSTER}/clusterNodes`, 'clusterNode_id', 'LG'),
      ...crud(`${CLUSTER}/clusterNodes`, 'clusterNode_id', 'LG'),
      ...crud(`${MANAGED_CLUSTER}/clusterNodes`, 'clusterNode_id', 'LG'),
    ],
  },
  {
    resource: "namespaces under clouds' clusters, clusters and managed clusters",
    tag: 'Namespace',
    ops: [
      ...crud(`${CLOUD_CLUSTER}/namespaces`, 'namespace_id', 'LG'),
      ...crud(`${CLUSTER}/namespaces`, 'namespace_id', 'LG'),
      ...crud(`${MANAGED_CLUSTER}/namespaces`, 'namespace_id', 'LG'),
    ],
  },
  {
    resource: "storage classes under clouds' clusters, clusters and managed clusters",
    tag: 'Storage Class',
    ops: [
      ...crud(`${CLOUD_CLUSTER}/storageClasses`, 'storageClass_id', 'LG'),
      ...crud(`${CLUSTER}/storageClasses`, 'storageClass_id', 'LG'),
      ...crud(`${MANAGED_CLUSTER}/storageClasses`, 'storageClass_id', 'LG'),
    ],
  },
  {
    resource: 'clusters and managed clusters',
    tag: 'Cluster',
    ops: [
      ...crud(`${TOPO}/clusters`, 'cluster_id', 'LGUD'),
      ...crud(`${TOPO}/managedClusters`, 'managedCluster_id', 'LCGUD').map((op) => ({ op, tag: 'Managed Cluster' })),
    ],
  },
  {
    resource: 'API resources under managed clusters',
    tag: 'API Resource',
    ops: crud(`${MANAGED_CLUSTER}/apiResources`, 'apiResource_id', 'LG'),
  },
  {
    resource: 'volumes under managed clusters',
    tag: 'Volume',
    ops: crud(`${MANAGED_CLUSTER}/volumes`, 'volume_id', 'LG'),
  },
  {
    resource: 'v2 apps under managed clusters',
    tag: 'App',
    ops: crud(`${A}/topology/v2/managedClusters/{managedCluster_id}/apps`, 'app_id', 'LCGUD'),
  },
  {
    resource: 'volumes under storage backends',
    tag: 'Volume',
    ops: crud(`${TOPO}/storageBackends/{storageBackend_id}/volumes`, 'volume_id', 'LG'),
  },
  { resource: 'account-wide namespaces', tag: 'Namespace', ops: crud(`${TOPO}/namespaces`, 'namespace_id', 'LG') },
  { resource: 'account-wide volumes', tag: 'Volume', ops: crud(`${TOPO}/volumes`, 'volume_id', 'LG') },
];

/**
 * The list operations that accept `continue` and so page by cursor (facts
 * reference 1.6: the 18 with the full parameter set, credentials and
 * certificates, LDAP users and groups). Every other list pages by nothing.
 */
const CONTINUE_LISTS = new Set([
  '/accounts',
  `${CORE}/entitlements`,
  `${CORE}/events`,
  `${CORE}/notifications`,
  `${CORE}/roleBindings`,
  `${USER}/roleBindings`,
  `${GROUP}/roleBindings`,
  `${GROUP_USER}/roleBindings`,
  `${USER_GROUP}/roleBindings`,
  `${CORE}/subscriptions`,
  `${CORE}/users`,
  `${GROUP}/users`,
  `${USER}/groups`,
  `${CORE}/groups`,
  `${USER}/tokens`,
  `${GROUP_USER}/tokens`,
  `${USER}/unreadNotifications`,
  `${GROUP_USER}/unreadNotifications`,
  `${CORE}/credentials`,
  `${CORE}/certificates`,
  `${CORE}/ldapUsers`,
  `${CORE}/ldapGroups`,
]);

const normalise = (spec: OpSpec, row: Row) =>
  typeof spec === 'string'
    ? { op: spec, tag: row.tag, deprecated: row.deprecated === true }
    : { op: spec.op, tag: spec.tag, deprecated: spec.deprecated === true };

let doc: Node;
const operationIdUse = new Map<string, number>();

beforeAll(async () => {
  ({ dereferenced: doc } = await loadSpec());
  for (const { operation } of ops(doc)) {
    const id = operation.operationId as string | undefined;
    if (id) operationIdUse.set(id, (operationIdUse.get(id) ?? 0) + 1);
  }
});

/** Everything wrong with one expected operation; empty when it is right. */
function checkOperation(spec: { op: string; tag: string; deprecated: boolean }): string[] {
  const [method, p] = spec.op.split(' ') as [string, string];
  const o = opAt(doc, method, p);
  if (!o) return [`${spec.op}: missing`];
  const problems: string[] = [];
  const say = (m: string) => problems.push(`${spec.op}: ${m}`);
  if (typeof o.summary !== 'string' || !o.summary.trim()) say('no summary');
  if (JSON.stringify(o.tags) !== JSON.stringify([spec.tag]))
    say(`tags ${JSON.stringify(o.tags)}, expected ["${spec.tag}"]`);
  const id = o.operationId;
  if (typeof id !== 'string' || !/^[a-z][a-zA-Z0-9]*$/.test(id))
    say(`operationId ${JSON.stringify(id)} is not camelCase`);
  else if (operationIdUse.get(id) !== 1) say(`operationId ${id} is used ${operationIdUse.get(id)} times`);
  const problemsDecl = o['x-astra-problems'];
  if (!problemsDecl || typeof problemsDecl !== 'object' || Array.isArray(problemsDecl)) say('no x-astra-problems');
  else {
    const errorStatuses = Object.keys(o.responses ?? {})
      .filter((s) => /^[45]/.test(s))
      .sort();
    if (JSON.stringify(Object.keys(problemsDecl).sort()) !== JSON.stringify(errorStatuses))
      say(`x-astra-problems covers ${Object.keys(problemsDecl)} but the error responses are ${errorStatuses}`);
  }
  if (isList(method.toLowerCase(), p) && p !== `${A}/metrics`) {
    const expected = CONTINUE_LISTS.has(p) ? 'continue' : 'none';
    if (o['x-astra-pagination'] !== expected)
      say(`x-astra-pagination ${o['x-astra-pagination']}, expected ${expected}`);
    const hasContinue = ((o.parameters ?? []) as Node[]).some((q) => q.name === 'continue' && q.in === 'query');
    if (hasContinue !== (expected === 'continue')) say(`continue parameter ${hasContinue ? 'present' : 'absent'}`);
  }
  if (spec.deprecated) {
    if (o.deprecated !== true) say('not deprecated');
    if (!/replac|use |deprecated/i.test(String(o.description ?? ''))) say('deprecated without saying what replaced it');
  } else if (o.deprecated) say('deprecated, but it is a current operation');
  return problems;
}

describe('seed 000 resources', () => {
  it('lists exactly the 28 resources of the seed', () => {
    expect(SEED_RESOURCES).toHaveLength(28);
    expect(new Set(SEED_RESOURCES.map((r) => r.resource)).size).toBe(28);
  });

  it.each(SEED_RESOURCES.map((r) => [r.resource, r] as const))(
    '%s: every operation exists, tagged, named and declared',
    (_name, row) => {
      const problems = row.ops.flatMap((s) => checkOperation(normalise(s, row)));
      expect(problems).toEqual([]);
    },
  );
});

describe('the rest of the 24.02 surface', () => {
  it.each(OTHER_COLLECTIONS.map((r) => [r.resource, r] as const))(
    '%s: every operation exists, tagged, named and declared',
    (_name, row) => {
      const problems = row.ops.flatMap((s) => checkOperation(normalise(s, row)));
      expect(problems).toEqual([]);
    },
  );
});

describe('totals and completeness', () => {
  it('has 140 paths and 247 operations', () => {
    expect(Object.keys(doc.paths)).toHaveLength(140);
    expect(ops(doc)).toHaveLength(247);
  });

  it('every operation in the spec is one the tables above expect', () => {
    const expected = new Set(
      [...SEED_RESOURCES, ...OTHER_COLLECTIONS].flatMap((row) => row.ops.map((s) => normalise(s, row).op)),
    );
    expect(expected.size).toBe(247);
    const unexpected = ops(doc)
      .map((o) => o.key)
      .filter((k) => !expected.has(k));
    expect(unexpected).toEqual([]);
  });

  it('every tag an operation uses is declared at the root with a description', () => {
    const declared = new Map<string, Node>(((doc.tags ?? []) as Node[]).map((t) => [t.name as string, t]));
    const bad = [...new Set(ops(doc).flatMap((o) => (o.operation.tags ?? []) as string[]))].filter(
      (t) => !declared.get(t)?.description,
    );
    expect(bad).toEqual([]);
  });

  it('only the legacy operations (managedApps, topology/v1/apps, execution-hook overrides) are deprecated', () => {
    const deprecated = ops(doc)
      .filter((o) => o.operation.deprecated)
      .map((o) => o.path);
    const legacy = /\/k8s\/v1\/managedApps|\/topology\/v1\/apps(\/|$)|\/executionHookOverrides/;
    expect(deprecated.filter((p) => !legacy.test(p))).toEqual([]);
    const legacyOps = ops(doc).filter((o) => legacy.test(o.path));
    expect(legacyOps).toHaveLength(12);
    expect(legacyOps.filter((o) => o.operation.deprecated !== true).map((o) => o.key)).toEqual([]);
  });
});

describe('real behaviours callers depend on (issue 3)', () => {
  it('in-place restore: the app PUTs (k8s/v2, under managed clusters, legacy managedApps) accept the ForceUpdate header', () => {
    for (const p of [
      `${A}/k8s/v2/apps/{app_id}`,
      `${A}/topology/v2/managedClusters/{managedCluster_id}/apps/{app_id}`,
      `${K8S}/managedApps/{managedApp_id}`,
    ]) {
      const header = ((opAt(doc, 'put', p)?.parameters ?? []) as Node[]).find(
        (q) => q.in === 'header' && String(q.name).toLowerCase() === 'forceupdate',
      );
      expect(header, p).toBeDefined();
      expect(header!.schema?.enum, p).toEqual(['true']);
    }
  });

  it('managing a cluster is a POST of an existing cluster id to managed clusters', () => {
    const body = opAt(doc, 'post', `${TOPO}/managedClusters`)!.requestBody.content[
      'application/astra-managedCluster+json'
    ].schema as Node;
    expect(body.required).toEqual(expect.arrayContaining(['type', 'version', 'id']));
    expect(body.properties.id).toBeDefined();
  });
});
