// collectionSegments and buildResourceTree: paths → the accessor tree.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../scripts/pipeline/load.ts';
import type { ResourceNodeModel } from '../../../scripts/model/types.ts';
import {
  AccessorCollisionError,
  buildOperations,
  buildResourceTree,
  buildTags,
  collectionSegments,
} from '../../../scripts/model/build.ts';
import { documentWith, json, noContent } from './support.ts';

describe('collectionSegments', () => {
  const tests: [string, { given: string; want: ReturnType<typeof collectionSegments> }][] = [
    [
      'strips the account and the category/version',
      {
        given: '/accounts/{account_id}/core/v1/credentials/{credential_id}',
        want: { segments: ['credentials', '{credential_id}'], category: 'core' },
      },
    ],
    [
      'k8s category, nested',
      {
        given: '/accounts/{account_id}/k8s/v1/apps/{app_id}/appSnaps',
        want: { segments: ['apps', '{app_id}', 'appSnaps'], category: 'k8s' },
      },
    ],
    [
      'topology category, other version',
      { given: '/accounts/{account_id}/topology/v2/clusters', want: { segments: ['clusters'], category: 'topology' } },
    ],
    ['no category', { given: '/accounts/{account_id}/metrics', want: { segments: ['metrics'], category: null } }],
    ['the accounts collection itself', { given: '/accounts', want: { segments: ['accounts'], category: null } }],
    [
      'one account',
      { given: '/accounts/{account_id}', want: { segments: ['accounts', '{account_id}'], category: null } },
    ],
    ['a path outside /accounts', { given: '/health/live', want: { segments: ['health', 'live'], category: null } }],
    [
      'an unknown category is a collection',
      { given: '/accounts/{a}/other/v1/x', want: { segments: ['other', 'v1', 'x'], category: null } },
    ],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    expect(collectionSegments(given)).toEqual(want);
  });
});

/** The tree buildModel would build for these paths. */
function tree(paths: JsonObject): ResourceNodeModel[] {
  const doc = documentWith(paths);
  const ctx = { document: doc, schemaNames: new Map<string, string>() };
  const tags = buildTags(doc);
  return buildResourceTree(doc, buildOperations(doc, ctx, tags), tags);
}

/** A readable summary: chain → parent ids and methods. */
function summary(
  nodes: ResourceNodeModel[],
): Record<string, { parentIds: string[]; methods: string[]; factory: string; module: string; deprecated: boolean }> {
  const out: Record<
    string,
    { parentIds: string[]; methods: string[]; factory: string; module: string; deprecated: boolean }
  > = {};
  const walk = (ns: ResourceNodeModel[]) => {
    for (const n of ns) {
      out[n.chain.join('.')] = {
        parentIds: n.parentIds,
        methods: n.operations.map((o) => o.methodName),
        factory: n.factoryName,
        module: n.module,
        deprecated: n.deprecated,
      };
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

const A = '/accounts/{account_id}';
const get = (tag: string, extra: JsonObject = {}) => ({ get: { tags: [tag], responses: noContent, ...extra } });
const del = (tag: string, extra: JsonObject = {}) => ({ delete: { tags: [tag], responses: noContent, ...extra } });

describe('buildResourceTree', () => {
  const tests: [string, { given: JsonObject; want: ReturnType<typeof summary> }][] = [
    [
      'a collection and its instance share one accessor',
      {
        given: {
          [`${A}/core/v1/credentials`]: get('Credential'),
          [`${A}/core/v1/credentials/{credential_id}`]: del('Credential'),
        },
        want: {
          credentials: {
            parentIds: [],
            methods: ['get', 'delete'],
            factory: 'credentialsResource',
            module: 'credential',
            deprecated: false,
          },
        },
      },
    ],
    [
      'nested collections hang off their parent and take the parent ids first',
      {
        given: {
          [`${A}/k8s/v2/apps/{app_id}`]: get('App'),
          [`${A}/k8s/v1/apps/{app_id}/appSnaps/{appSnap_id}`]: get('App Snapshot'),
          [`${A}/k8s/v1/apps/{app_id}/appSnaps/{appSnap_id}/volumes/{volume_id}`]: del('Volume'),
        },
        want: {
          apps: { parentIds: [], methods: ['get'], factory: 'appsResource', module: 'app', deprecated: false },
          'apps.appSnaps': {
            parentIds: ['appId'],
            methods: ['get'],
            factory: 'appsAppSnapsResource',
            module: 'app-snapshot',
            deprecated: false,
          },
          'apps.appSnaps.volumes': {
            parentIds: ['appId', 'appSnapId'],
            methods: ['delete'],
            factory: 'appsAppSnapsVolumesResource',
            module: 'volume',
            deprecated: false,
          },
        },
      },
    ],
    [
      'a parent with no operations of its own is an empty node',
      {
        given: { [`${A}/core/v1/users/{user_id}/tokens/{token_id}`]: del('Token') },
        want: {
          users: { parentIds: [], methods: [], factory: 'usersResource', module: 'token', deprecated: false },
          'users.tokens': {
            parentIds: ['userId'],
            methods: ['delete'],
            factory: 'usersTokensResource',
            module: 'token',
            deprecated: false,
          },
        },
      },
    ],
    [
      'x-astra-accessor renames the last accessor of its path item',
      {
        given: {
          [`${A}/k8s/v2/apps/{app_id}`]: get('App'),
          [`${A}/topology/v1/apps/{app_id}`]: { 'x-astra-accessor': 'legacyApps', ...get('Legacy') },
        },
        want: {
          apps: { parentIds: [], methods: ['get'], factory: 'appsResource', module: 'app', deprecated: false },
          legacyApps: {
            parentIds: [],
            methods: ['get'],
            factory: 'legacyAppsResource',
            module: 'legacy',
            deprecated: false,
          },
        },
      },
    ],
    [
      'accessor names are identifiers: kebab, reserved and leading digits',
      {
        given: { '/storage-classes/{id}': get('A'), '/class/{id}': get('B'), '/3d/{id}': get('C'), '/': get('D') },
        want: {
          _3d: { parentIds: [], methods: ['get'], factory: '_3dResource', module: 'c', deprecated: false },
          class_: { parentIds: [], methods: ['get'], factory: 'classResource', module: 'b', deprecated: false },
          root: { parentIds: [], methods: ['get'], factory: 'rootResource', module: 'd', deprecated: false },
          storageClasses: {
            parentIds: [],
            methods: ['get'],
            factory: 'storageClassesResource',
            module: 'a',
            deprecated: false,
          },
        },
      },
    ],
    [
      'a node whose every operation is deprecated is deprecated; one current operation is enough to keep it current',
      {
        given: {
          [`${A}/k8s/v1/managedApps/{id}`]: { ...get('M', { deprecated: true }), ...del('M', { deprecated: true }) },
          [`${A}/k8s/v2/apps/{id}`]: { ...get('App'), ...del('App', { deprecated: true }) },
        },
        want: {
          apps: {
            parentIds: [],
            methods: ['get', 'delete'],
            factory: 'appsResource',
            module: 'app',
            deprecated: false,
          },
          managedApps: {
            parentIds: [],
            methods: ['get', 'delete'],
            factory: 'managedAppsResource',
            module: 'm',
            deprecated: true,
          },
        },
      },
    ],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    expect(summary(tree(given))).toEqual(want);
  });

  it('sorts siblings by accessor', () => {
    const nodes = tree({ '/zebras/{id}': get('Z'), '/apples/{id}': get('A'), '/Mangos/{id}': get('M') });
    expect(nodes.map((n) => n.accessor)).toEqual(['apples', 'mangos', 'zebras']);
  });

  it('two paths that give one accessor the same method are an error naming both, never a guess', () => {
    const given = { [`${A}/k8s/v2/apps/{app_id}`]: get('App'), [`${A}/topology/v1/apps/{app_id}`]: get('Legacy') };
    expect(() => tree(given)).toThrow(AccessorCollisionError);
    try {
      tree(given);
    } catch (e) {
      expect((e as AccessorCollisionError).collisions).toEqual([
        `GET ${A}/topology/v1/apps/{app_id} and GET ${A}/k8s/v2/apps/{app_id} both map to apps.get(); set x-astra-accessor on one path item`,
      ]);
    }
  });

  it('collections whose names differ only by punctuation collide rather than merge silently', () => {
    expect(() => tree({ '/a-b/{id}': get('X'), '/a_b/{id}': get('Y') })).toThrow(/both map to aB\.get\(\)/);
  });
});

describe('methods named from operationIds', () => {
  const post = (operationId: string) => ({ post: { operationId, responses: noContent } });
  const tests: [string, { given: JsonObject; want: Record<string, string[]> }][] = [
    [
      'an action path (a literal after an id, nothing else there) is a method of the parent',
      {
        given: {
          '/pets/{petId}': { get: { operationId: 'getPet', responses: noContent } },
          '/pets/{petId}/vaccinate': post('vaccinate_pet'),
        },
        want: { pets: ['get', 'vaccinatePet'] },
      },
    ],
    [
      'a literal segment with a GET, or with paths below it, stays a collection',
      {
        given: {
          '/pets/{petId}/visits': { ...post('createVisit'), get: { operationId: 'listVisits', responses: noContent } },
          '/pets/{petId}/toys': post('createToy'),
          '/pets/{petId}/toys/{toyId}': { delete: { operationId: 'deleteToy', responses: noContent } },
        },
        want: { pets: [], 'pets.toys': ['create', 'delete'], 'pets.visits': ['get', 'create'] },
      },
    ],
    [
      "Astra's category/version layout keeps its collections (a POST under an id is a create)",
      {
        given: { '/accounts/{account_id}/k8s/v1/apps/{app_id}/appSnaps': post('createAppSnap') },
        want: { apps: [], 'apps.appSnaps': ['create'] },
      },
    ],
    [
      'ids that sanitise alike, or to a CRUD name, get 2, 3, … in path order',
      {
        given: {
          '/pets': {
            get: { operationId: 'listPets', responses: json({ type: 'array', items: { type: 'object' } }) },
            delete: { operationId: 'list', responses: noContent },
          },
          '/pets/{petId}/feed': post('feed-pet'),
          '/pets/{petId}/feedPet': post('feedPet'),
          '/pets/{petId}/feed_pet': post('feed pet'),
        },
        want: { pets: ['list', 'list2', 'feedPet', 'feedPet2', 'feedPet3'] },
      },
    ],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    const methods = Object.fromEntries(Object.entries(summary(tree(given))).map(([k, v]) => [k, v.methods]));
    expect(methods).toEqual(want);
  });
});
