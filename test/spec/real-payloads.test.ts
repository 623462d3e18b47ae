// Real responses validate (issue 14): every real-shape payload of
// real-payloads.ts, and its list envelope, is checked with ajv against every
// response of the spec that returns that resource or its list, in every JSON
// media type declared; and each quirk the issue names is checked on its own.
import { beforeAll, describe, expect, it } from 'vitest';
import { schemaErrors } from '../support/spec-checks.ts';
import { REAL_ITEMS } from './real-payloads.ts';
import { loadSpec, ops, type Node } from './spec-fixture.ts';

let doc: Node;
let schemas: Record<string, Node>;
const errors = schemaErrors();

beforeAll(async () => {
  ({ dereferenced: doc } = await loadSpec());
  schemas = doc.components.schemas;
});

/** A list response as the service sends it: the item, then a projected item, and a continue token. */
const listOf = (item: Record<string, unknown>) => ({
  items: [item, [item.id, item.type]],
  metadata: { continue: 'eyJvZmZzZXQiOjJ9' },
});

const isJson = (mediaType: string) => mediaType === 'application/json' || /\+json$/.test(mediaType);

/** Every (operation, status, media type) whose body schema is a named component, with that name. */
function responsesByComponent(): { where: string; name: string; schema: Node }[] {
  const names = new Map<object, string>(Object.entries(schemas).map(([n, s]) => [s, n]));
  const out: { where: string; name: string; schema: Node }[] = [];
  for (const { key, operation } of ops(doc))
    for (const [status, r] of Object.entries<Node>(operation.responses ?? {}))
      if (/^2/.test(status))
        for (const [mt, c] of Object.entries<Node>(r.content ?? {})) {
          const name = c.schema && names.get(c.schema);
          if (name && isJson(mt)) out.push({ where: `${key} ${status} ${mt}`, name, schema: c.schema });
        }
  return out;
}

describe('real payloads validate against every response that returns them', () => {
  it('every resource a GET or POST returns has a real-shape payload', () => {
    const returned = new Set(responsesByComponent().map((r) => r.name));
    const resources = [...returned].filter((n) => !n.endsWith('List') && n !== 'OpenApiDocument');
    expect(resources.filter((n) => !(n in REAL_ITEMS))).toEqual([]);
    expect(Object.keys(REAL_ITEMS).filter((n) => !returned.has(n))).toEqual([]);
    expect(resources.length).toBeGreaterThanOrEqual(42);
  });

  it('each item validates as every single-resource response of its resource (both media types)', () => {
    const failures: string[] = [];
    const checked = new Set<string>();
    for (const { where, name, schema } of responsesByComponent()) {
      const item = REAL_ITEMS[name];
      if (!item) continue;
      checked.add(name);
      for (const e of errors(schema, item)) failures.push(`${where}: ${e}`);
    }
    expect(failures).toEqual([]);
    expect([...checked].sort()).toEqual(Object.keys(REAL_ITEMS).sort());
  });

  it('each list (an item, a projected item, a continue token) validates as every list response of its resource', () => {
    const failures: string[] = [];
    const checked = new Set<string>();
    for (const { where, name, schema } of responsesByComponent()) {
      if (!name.endsWith('List')) continue;
      const item = REAL_ITEMS[name.slice(0, -'List'.length)];
      expect(item, `${name} has no item payload`).toBeDefined();
      checked.add(name);
      for (const e of errors(schema, listOf(item!))) failures.push(`${where}: ${e}`);
    }
    expect(failures).toEqual([]);
    expect(checked.size).toBeGreaterThanOrEqual(42);
  });

  it('the credential list as seed 003 shows it, with the plural type and version beside items, validates', () => {
    const list = { type: 'application/astra-credentials', version: '1.1', ...listOf(REAL_ITEMS.Credential!) };
    expect(errors(schemas.CredentialList!, list)).toEqual([]);
  });
});

// The quirks issue 14 lists, each on the schema that used to reject it, and
// a neighbouring value that must still fail (so the check can fail).
const QUIRKS: [string, string, (p: Node) => void, (p: Node) => void][] = [
  ['App without links', 'App', (p) => delete p.links, (p) => (p.links = 'none')],
  [
    'App stateTransitions entries without from',
    'App',
    (p) => (p.stateTransitions = [{ to: ['ready'] }]),
    (p) => (p.stateTransitions = [{ from: 'ready' }]),
  ],
  ['ASUP without creationStateDetails', 'Asup', (p) => delete p.creationStateDetails, (p) => delete p.creationState],
  ['Bucket without stateDetails', 'Bucket', (p) => delete p.stateDetails, (p) => delete p.state],
  [
    'Cluster without protectionState and protectionStateDetails',
    'Cluster',
    (p) => (delete p.protectionState, delete p.protectionStateDetails),
    (p) => delete p.managedState,
  ],
  [
    'ManagedCluster without protectionState and protectionStateDetails',
    'ManagedCluster',
    (p) => (delete p.protectionState, delete p.protectionStateDetails),
    (p) => delete p.managedState,
  ],
  [
    'Cloud cloudType GCP (beyond the four lowercase values)',
    'Cloud',
    (p) => (p.cloudType = 'GCP'),
    (p) => (p.cloudType = 7),
  ],
  ['Cloud cloudType of a provider not listed at all', 'Cloud', (p) => (p.cloudType = 'oci'), (p) => delete p.cloudType],
  ['User companyName the empty string', 'User', (p) => (p.companyName = ''), (p) => (p.companyName = 'x'.repeat(64))],
  [
    'Cluster connectorInstall pending and connector capabilities of an older connector',
    'Cluster',
    (p) => ((p.connectorInstall = 'pending'), (p.connectorCapabilities = ['relayV1'])),
    (p) => (p.connectorInstall = 'done'),
  ],
  [
    'AppMirror stateAllowed with the transitional states',
    'AppMirror',
    (p) => (p.stateAllowed = ['establishing', 'failingOver', 'deleting']),
    (p) => (p.stateAllowed = ['paused']),
  ],
  [
    "StorageBackend of version 1.0, spelled as NetApp's 21.08 examples spell it",
    'StorageBackend',
    (p) => ((p.version = '1.0'), (p.backendType = 'ONTAP'), (p.state = 'Running')),
    (p) => (p.state = 42),
  ],
  [
    'StorageBackend in its version 1.0 shape: no managed, protection or capability members, ontap with addresses only',
    'StorageBackend',
    (p) => {
      for (const k of [
        'managedState',
        'managedStateUnready',
        'protectionState',
        'protectionStateUnready',
        'capabilities',
      ])
        delete p[k];
      Object.assign(p, {
        version: '1.0',
        backendType: 'ONTAP',
        state: 'Running',
        ontap: { backendManagementIP: '10.0.4.20', managementIPs: ['10.0.4.20', '10.0.4.21'] },
      });
    },
    (p) => delete p.backendName,
  ],
  [
    'StorageClass without allowVolumeExpansion (unset on the Kubernetes object)',
    'StorageClass',
    (p) => ((p.available = 'ineligible'), delete p.allowVolumeExpansion),
    (p) => delete p.provisioner,
  ],
  [
    'Credential metadata without labels',
    'Credential',
    (p) => (p.metadata = { createdBy: 'system' }),
    (p) => (p.metadata = { labels: [{ name: 'a' }] }),
  ],
];

describe('the quirks of real payloads', () => {
  it.each(QUIRKS)('%s validates; a broken neighbour does not', (_name, schema, quirk, broken) => {
    const ok = structuredClone(REAL_ITEMS[schema]!) as Node;
    quirk(ok);
    expect(errors(schemas[schema]!, ok)).toEqual([]);
    const bad = structuredClone(ok);
    broken(bad);
    expect(errors(schemas[schema]!, bad)).not.toEqual([]);
  });
});
