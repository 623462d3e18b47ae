// buildTags (one module per resource tag) and buildSchemas (which model
// module each named schema lands in).
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../scripts/pipeline/load.ts';
import type { TagModel } from '../../../scripts/model/types.ts';
import { buildModel, buildTags } from '../../../scripts/model/build.ts';
import { documentWith, json, noContent } from './support.ts';

describe('buildTags', () => {
  const tests: [string, { given: JsonObject; want: TagModel[] }][] = [
    [
      'declared tags with descriptions, sorted by name, file stems in kebab case',
      {
        given: documentWith({}, {}, { tags: [{ name: 'Role Binding', description: 'Roles.' }, { name: 'App' }] }),
        want: [
          { name: 'App', module: 'app' },
          { name: 'Role Binding', module: 'role-binding', description: 'Roles.' },
        ],
      },
    ],
    [
      'tags used by operations but not declared, and Default for untagged operations',
      {
        given: documentWith({ '/a': { get: { tags: ['Zed'], responses: noContent }, put: { responses: noContent } } }),
        want: [
          { name: 'Default', module: 'default' },
          { name: 'Zed', module: 'zed' },
        ],
      },
    ],
    [
      'tags whose stems collide, or climb folders, get distinct plain stems',
      {
        given: documentWith({}, {}, { tags: [{ name: 'A B' }, { name: 'a-b' }, { name: '../..' }, { name: '..' }] }),
        want: [
          { name: '..', module: 'resource' },
          { name: '../..', module: 'resource2' },
          { name: 'A B', module: 'a-b' },
          { name: 'a-b', module: 'a-b2' },
        ],
      },
    ],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    expect(buildTags(given)).toEqual(want);
  });
});

describe('buildSchemas: model modules', () => {
  it('a schema reached from one tag lives in that tag module; from several, or none, in common', () => {
    const ref = (n: string) => ({ $ref: `#/components/schemas/${n}` });
    const doc = documentWith(
      {
        '/apps/{id}': { get: { tags: ['App'], responses: json(ref('App')) } },
        '/buckets/{id}': { get: { tags: ['Bucket'], responses: json(ref('Bucket')) } },
      },
      {
        schemas: {
          App: { type: 'object', properties: { meta: ref('Metadata'), label: ref('AppLabel') } },
          AppLabel: { type: 'string' },
          Bucket: { type: 'object', properties: { meta: ref('Metadata') } },
          Metadata: { type: 'object', properties: { by: { type: 'string' } } },
          Orphan: { type: 'string' },
        },
      },
      { tags: [{ name: 'App' }, { name: 'Bucket' }] },
    );
    const modules = Object.fromEntries(buildModel(doc).schemas.map((s) => [s.name, s.module]));
    expect(modules).toEqual({ App: 'app', AppLabel: 'app', Bucket: 'bucket', Metadata: 'common', Orphan: 'common' });
  });
});
