// The load stage's incremental bundle (pipeline/incremental-bundle.ts): after
// a real swagger-parser bundle, the next run redoes it from a plan when the
// spec's structure is unchanged. Every result here is held to swagger-parser's
// real bundle of the same files, byte for byte, and each case says which way
// it was made: from the plan, or by swagger-parser because the plan could not
// be trusted (structure changed, no plan, a corrupt or foreign entry).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BundledBy,
  bundleWithSwaggerParser,
  load,
  parseSpecText,
  readSpecTree,
  realpathSync,
} from '../../scripts/pipeline/load.ts';
import { replayPlan } from '../../scripts/pipeline/incremental-bundle.ts';
import type { Json, JsonObject } from '../../scripts/util/json.ts';
import { fixturesDir, repoRoot } from './support/paths.ts';

const scratch = path.join(repoRoot, '.test-out/incremental-bundle');

/** A copy of a spec folder in the scratch folder, with an empty cache beside it. */
function copySpec(name: string, from: string): { root: string; dir: string; cache: string } {
  const dir = path.join(scratch, name, 'spec');
  const cache = path.join(scratch, name, 'cache');
  rmSync(path.join(scratch, name), { recursive: true, force: true });
  cpSync(from, dir, { recursive: true });
  return { root: path.join(dir, 'openapi.yaml'), dir, cache };
}

/** swagger-parser's own bundle of the files as they are now. */
async function realBundle(root: string): Promise<string> {
  const { files } = readSpecTree(root);
  return JSON.stringify(await bundleWithSwaggerParser(realpathSync(root), files));
}

/** A load with the cache, checked against the real bundle; returns how it was made. */
async function loadAndCompare(root: string, cache: string): Promise<BundledBy> {
  const loaded = await load(root, { cacheDir: cache });
  expect(JSON.stringify(loaded.bundled)).toBe(await realBundle(root));
  return loaded.bundledBy;
}

function readContent(file: string): Json {
  return parseSpecText(readFileSync(file, 'utf8'), file);
}

/** Writes a value as the file's new content (JSON is YAML). */
function writeContent(file: string, content: Json): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(content, null, 1));
}

function specFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Every object of a value (arrays' members included), $refs apart, in document order. */
function objectsOf(node: Json, refs: boolean): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (value: Json) => {
    if (value === null || typeof value !== 'object') return;
    if (!Array.isArray(value) && '$ref' in value === refs) out.push(value);
    for (const child of Object.values(value)) visit(child);
  };
  visit(node);
  return out;
}

/** Changes that leave the structure alone: each finds its kind of place in a file's content. */
const contentChanges = {
  'description added': (content: Json, pick: number) => {
    const all = objectsOf(content, false).filter((o) => !('description' in o));
    if (all.length === 0) return false;
    all[pick % all.length]!.description = `added note ${pick}`;
    return true;
  },
  'description changed': (content: Json, pick: number) => {
    const all = objectsOf(content, false).filter((o) => typeof o.description === 'string');
    if (all.length === 0) return false;
    all[pick % all.length]!.description += `\nAnother line ${pick}.`;
    return true;
  },
  'example added': (content: Json, pick: number) => {
    const all = objectsOf(content, false).filter((o) => o.type === 'string' && !('example' in o));
    if (all.length === 0) return false;
    all[pick % all.length]!.example = `example-${pick}`;
    return true;
  },
  'enum value added': (content: Json, pick: number) => {
    const all = objectsOf(content, false).filter((o) => Array.isArray(o.enum));
    if (all.length === 0) return false;
    (all[pick % all.length]!.enum as Json[]).push(`value${pick}`);
    return true;
  },
  'property added': (content: Json, pick: number) => {
    const all = objectsOf(content, false).filter((o) => o.properties !== null && typeof o.properties === 'object');
    if (all.length === 0) return false;
    (all[pick % all.length]!.properties as JsonObject)[`added${pick}`] = { type: 'string', description: 'new' };
    return true;
  },
};
type ChangeKind = keyof typeof contentChanges;
const changeKinds = Object.keys(contentChanges) as ChangeKind[];

describe('the incremental bundle over spec/', () => {
  it.each(changeKinds)('equals the real bundle with every file changed: %s', async (kind) => {
    const { root, dir, cache } = copySpec(`spec-${kind.replace(/ /g, '-')}`, path.join(repoRoot, 'spec'));
    expect(await loadAndCompare(root, cache)).toBe('swagger-parser');
    expect(await loadAndCompare(root, cache)).toBe('plan'); // nothing changed
    let changed = 0;
    for (const [i, file] of specFiles(dir).entries()) {
      const content = readContent(file);
      if (!contentChanges[kind](content, i)) continue;
      writeContent(file, content);
      changed++;
    }
    expect(changed).toBeGreaterThan(5);
    expect(await loadAndCompare(root, cache)).toBe('plan');
  });

  it('equals the real bundle after random content changes in random files, or bails out on a $ref change', async () => {
    const { root, dir, cache } = copySpec('spec-random', path.join(repoRoot, 'spec'));
    const files = specFiles(dir);
    const originals = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
    expect(await loadAndCompare(root, cache)).toBe('swagger-parser');
    let lastBailed = false;
    const change = fc.record({
      file: fc.nat(files.length - 1),
      kind: fc.constantFrom<ChangeKind | 'sibling added to a $ref'>(...changeKinds, 'sibling added to a $ref'),
      pick: fc.nat(1000),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 3 }), async (changes) => {
        for (const [file, text] of originals) writeFileSync(file, text);
        // The originals again: from the plan, unless the last run bailed out and replaced it.
        expect(await loadAndCompare(root, cache)).toBe(lastBailed ? 'swagger-parser' : 'plan');
        let structural = false;
        for (const { file, kind, pick } of changes) {
          const content = readContent(files[file]!);
          if (kind === 'sibling added to a $ref') {
            const refs = objectsOf(content, true);
            if (refs.length === 0) continue;
            refs[pick % refs.length]!.description = 'a sibling';
            structural = true;
          } else if (!contentChanges[kind](content, pick)) continue;
          writeContent(files[file]!, content);
        }
        expect(await loadAndCompare(root, cache)).toBe(structural ? 'swagger-parser' : 'plan');
        lastBailed = structural;
      }),
      { numRuns: 8, seed: 1207 },
    );
  });
});

describe('the incremental bundle over the fixtures', () => {
  const fixtures = readdirSync(fixturesDir)
    .filter((name) => existsSync(path.join(fixturesDir, name, 'spec/openapi.yaml')))
    .filter((name) => !name.startsWith('hostile-too-deep') && !name.includes('rejected'));

  it.each(fixtures)('equals the real bundle after every description changes: %s', async (name) => {
    const { root, dir, cache } = copySpec(`fixture-${name}`, path.join(fixturesDir, name, 'spec'));
    const first = await loadAndCompare(root, cache);
    // One file already bundled is taken as it is; anything else is bundled, then planned.
    const expected: BundledBy = first === 'as-is' ? 'as-is' : 'plan';
    for (const [i, file] of specFiles(dir).entries()) {
      const content = readContent(file);
      contentChanges['description added'](content, i);
      contentChanges['description changed'](content, i);
      writeContent(file, content);
    }
    expect(await loadAndCompare(root, cache)).toBe(expected);
  });
});

// A small spec with the shapes the bundler treats specially: one file
// referenced twice (whole and a part of it), a chain of $refs across files,
// a $ref to its own file's root from inside an inlined file, and $refs with
// siblings that the bundle keeps (a second $ref to a value already placed).
const edgeFiles: Record<string, Json> = {
  'openapi.yaml': {
    openapi: '3.1.0',
    info: { title: 'Edges', version: '1' },
    paths: { '/things': { $ref: 'paths/things.yaml' } },
    components: {
      schemas: {
        Thing: { $ref: 'schemas/thing.yaml' },
        Name: { $ref: 'schemas/thing.yaml#/properties/name' },
        Chained: { $ref: 'schemas/chain.yaml' },
        Described: { $ref: 'schemas/thing.yaml', description: 'a Thing, described' },
      },
    },
  },
  'paths/things.yaml': {
    get: {
      responses: {
        '200': {
          description: 'ok',
          content: { 'application/json': { schema: { $ref: '../schemas/chain.yaml' } } },
        },
      },
    },
  },
  'schemas/chain.yaml': { $ref: 'thing.yaml' },
  'schemas/thing.yaml': {
    type: 'object',
    description: 'A thing.',
    properties: {
      name: { type: 'string', description: 'Its name.' },
      parent: { $ref: '#' },
      tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
    },
  },
  'schemas/other.yaml': { type: 'string', description: 'Another.' },
};

function writeEdges(name: string): { root: string; dir: string; cache: string } {
  const base = path.join(scratch, name);
  rmSync(base, { recursive: true, force: true });
  const dir = path.join(base, 'spec');
  for (const [file, content] of Object.entries(edgeFiles)) writeContent(path.join(dir, file), content);
  return { root: path.join(dir, 'openapi.yaml'), dir, cache: path.join(base, 'cache') };
}

type Edit = (read: (file: string) => JsonObject, dir: string) => void;
const schemasOf = (root: JsonObject) => (root.components as JsonObject).schemas as JsonObject;

const edgeCases: [string, Edit, BundledBy][] = [
  [
    'a description changed in the file referenced twice',
    (read) => void (read('schemas/thing.yaml').description = 'New.'),
    'plan',
  ],
  [
    'a property added behind the chain',
    (read) => void ((read('schemas/thing.yaml').properties as JsonObject).size = { type: 'integer' }),
    'plan',
  ],
  [
    'a sibling of a kept $ref changed',
    (read) => void (schemasOf(read('openapi.yaml')).Described = { $ref: 'schemas/thing.yaml', description: 'changed' }),
    'plan',
  ],
  [
    'a $ref value changed',
    (read) => void (schemasOf(read('openapi.yaml')).Name = { $ref: 'schemas/thing.yaml#/properties/tags' }),
    'swagger-parser',
  ],
  [
    'a key renamed on a $ref path',
    (read) => {
      const schemas = schemasOf(read('openapi.yaml'));
      schemas.Renamed = schemas.Chained!;
      delete schemas.Chained;
    },
    'swagger-parser',
  ],
  [
    'a sibling added to a $ref',
    (read) => void (schemasOf(read('openapi.yaml')).Thing = { $ref: 'schemas/thing.yaml', title: 'T' }),
    'swagger-parser',
  ],
  [
    'a file added',
    (read) => void (schemasOf(read('openapi.yaml')).Other = { $ref: 'schemas/other.yaml' }),
    'swagger-parser',
  ],
  [
    'a file removed',
    (read) => void (read('paths/things.yaml').get = { responses: { '204': { description: 'none' } } }),
    'swagger-parser',
  ],
  [
    "a $ref's target changed kind",
    (read) => void ((read('schemas/thing.yaml').properties as JsonObject).name = ['a', 'list']),
    'swagger-parser',
  ],
];

describe('the incremental bundle on edge cases', () => {
  it.each(edgeCases.map(([name, edit, expected]) => ({ name, edit, expected })))(
    '$name: equal to the real bundle, made by $expected',
    async ({ name, edit, expected }) => {
      const { root, dir, cache } = writeEdges(`edge-${name.replace(/\W+/g, '-')}`);
      expect(await loadAndCompare(root, cache)).toBe('swagger-parser');
      expect(await loadAndCompare(root, cache)).toBe('plan');
      const edited = new Map<string, JsonObject>();
      const read = (file: string) => {
        if (!edited.has(file)) edited.set(file, readContent(path.join(dir, file)) as JsonObject);
        return edited.get(file)!;
      };
      edit(read, dir);
      for (const [file, content] of edited) writeContent(path.join(dir, file), content);
      expect(await loadAndCompare(root, cache)).toBe(expected);
      // Whichever way it went, the next unchanged run is made from a plan.
      expect(await loadAndCompare(root, cache)).toBe('plan');
    },
  );

  it('keeps no plan where the bundle merged a $ref with its siblings into a new object', async () => {
    const { root, cache } = writeEdges('edge-merged');
    const rootContent = readContent(root) as JsonObject;
    schemasOf(rootContent).Other = { $ref: 'schemas/other.yaml', description: 'merged with its target' };
    writeContent(root, rootContent);
    expect(await loadAndCompare(root, cache)).toBe('swagger-parser');
    expect(await loadAndCompare(root, cache)).toBe('swagger-parser');
    const plans = path.join(cache, 'bundle-plans');
    expect(existsSync(plans) ? readdirSync(plans) : []).toEqual([]);
  });
});

describe('the plan in the cache folder', () => {
  const planFiles = (cache: string) =>
    readdirSync(path.join(cache, 'bundle-plans')).map((f) => path.join(cache, 'bundle-plans', f));

  it('is ignored when corrupt', async () => {
    const { root, cache } = writeEdges('cache-corrupt');
    await loadAndCompare(root, cache);
    for (const file of planFiles(cache)) writeFileSync(file, '{"salt": [1, 2');
    expect(await loadAndCompare(root, cache)).toBe('swagger-parser');
    // A plan changed since it was written (its digest no longer matches).
    type Node = { from?: unknown; kids?: Record<string, Node> };
    const tamperings: ((plan: Node) => unknown)[] = [
      () => 7,
      (plan) => ({ ...plan, from: 'root' }),
      (plan) => ({ ...plan, kids: [] }),
      (plan) => ({ ...plan, from: [0, 'components'] }),
      (plan) => {
        const [name, kid] = Object.entries(plan.kids!)[0]!;
        return { ...plan, kids: { ...plan.kids, [name]: { ...kid, from: [99, []] } } };
      },
      (plan) => {
        const [name, kid] = Object.entries(plan.kids!)[0]!;
        return { ...plan, kids: { ...plan.kids, [name]: { ...kid, kids: { missing: {} } } } };
      },
    ];
    for (const tamper of tamperings) {
      for (const file of planFiles(cache)) {
        const stored = JSON.parse(readFileSync(file, 'utf8')) as { plan: Node };
        writeFileSync(file, JSON.stringify({ ...stored, plan: tamper(stored.plan) }));
      }
      expect(await loadAndCompare(root, cache)).toBe('swagger-parser');
    }
    expect(await loadAndCompare(root, cache)).toBe('plan');
    // And the walk itself refuses a plan of the wrong shape rather than follow it.
    const { files } = readSpecTree(root);
    const sources = new Map([...files.values()].map((f) => [f.absolute, f.content]));
    const paths = [realpathSync(root), ...[...sources.keys()].filter((f) => f !== realpathSync(root))];
    for (const tamper of tamperings)
      expect(replayPlan(tamper({ from: [0, []], kids: { paths: {} } }) as never, paths, sources)).toBeNull();
  });

  it('is ignored when written by another version or for another root', async () => {
    const { root, cache } = writeEdges('cache-foreign');
    await loadAndCompare(root, cache);
    const [file] = planFiles(cache);
    const stored = JSON.parse(readFileSync(file!, 'utf8')) as { salt: string; root: string };
    writeFileSync(file!, JSON.stringify({ ...stored, salt: '["bundle-plan-v0"]' }));
    expect(await loadAndCompare(root, cache)).toBe('swagger-parser');
    // Another spec's plan under this root's name.
    const other = writeEdges('cache-foreign-other');
    await loadAndCompare(other.root, other.cache);
    const [otherFile] = planFiles(other.cache);
    writeFileSync(file!, readFileSync(otherFile!));
    expect(await loadAndCompare(root, cache)).toBe('swagger-parser');
  });

  it('is neither read nor written without a cache folder', async () => {
    const { root, cache } = writeEdges('cache-none');
    const loaded = await load(root, { cacheDir: null });
    expect(loaded.bundledBy).toBe('swagger-parser');
    expect(JSON.stringify(loaded.bundled)).toBe(await realBundle(root));
    expect(existsSync(cache)).toBe(false);
  });
});
