// GET → modify → PUT round trips (issue 14). Astra's PUT keeps the values a
// user cannot modify, and clients send back what they read: every read
// example and every real-shape payload, with its read-only members and a
// field changed, validates as the update body of the same path, in both
// request media types. The type-level side is round-trip.types.ts, compiled
// here on its own under tsc --strict.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratchGroup } from '../generator/support/paths.ts';
import { typecheck } from '../generator/support/tsc.ts';
import { schemaErrors } from '../support/spec-checks.ts';
import { REAL_ITEMS } from './real-payloads.ts';
import { loadSpec, repoRoot, type Node } from './spec-fixture.ts';

let doc: Node;
const errors = schemaErrors();

beforeAll(async () => {
  ({ dereferenced: doc } = await loadSpec());
});

interface Pair {
  path: string;
  readName: string;
  read: Node;
  /** Update body schema per request media type. */
  updates: Record<string, Node>;
}

/** Every path with a GET and a PUT: what the GET returns and what the PUT takes. */
function pairs(): Pair[] {
  const names = new Map<object, string>(Object.entries<Node>(doc.components.schemas).map(([n, s]) => [s, n]));
  const out: Pair[] = [];
  for (const [p, item] of Object.entries<Node>(doc.paths)) {
    if (!item.put || !item.get) continue;
    const content = item.get.responses['200'].content as Node;
    const read = content['application/json'].schema as Node;
    const updates = Object.fromEntries(
      Object.entries<Node>(item.put.requestBody.content).map(([mt, c]) => [mt, c.schema as Node]),
    );
    out.push({ path: p, readName: names.get(read)!, read, updates });
  }
  return out;
}

/** What a client sends back: the value read, labels changed, plus what the update needs that a read never has. */
function sentBack(readName: string, value: Node): Node {
  const body: Node = {
    ...structuredClone(value),
    metadata: { ...value.metadata, labels: [{ name: 'team', value: 'storage' }] },
  };
  // The credential update requires its keyStore (since 23.04), which is never returned.
  if (readName === 'Credential') body.keyStore = { base64: 'e30=' };
  // The legacy managed-app PUT is only ever an in-place restore: it names the backup.
  if (readName === 'ManagedApp') body.backupID = '2a9f8e7d-6c5b-4a39-8e7d-6c5b4a392817';
  return body;
}

describe('GET → modify → PUT round trips (ajv)', () => {
  it('covers every update of the API, each in both request media types', () => {
    const all = pairs();
    const puts = Object.values<Node>(doc.paths).filter((item) => item.put).length;
    expect(all.length).toBe(puts);
    expect(all.length).toBeGreaterThanOrEqual(34);
    for (const p of all)
      expect(Object.keys(p.updates).sort(), p.path).toEqual(
        [Object.keys(p.updates).find((m) => m.startsWith('application/astra-'))!, 'application/json'].sort(),
      );
  });

  it('every read example, with its read-only members, validates as the matching update body', () => {
    const failures: string[] = [];
    for (const { path: p, readName, read, updates } of pairs()) {
      expect(read.example, `${readName} has no example`).toBeDefined();
      for (const [mt, update] of Object.entries(updates))
        for (const e of errors(update, sentBack(readName, read.example))) failures.push(`PUT ${p} ${mt}: ${e}`);
    }
    expect(failures).toEqual([]);
  });

  it('every real-shape payload validates as the matching update body', () => {
    const failures: string[] = [];
    for (const { path: p, readName, updates } of pairs()) {
      const item = REAL_ITEMS[readName];
      expect(item, `${readName} has no real-shape payload`).toBeDefined();
      for (const [mt, update] of Object.entries(updates))
        for (const e of errors(update, sentBack(readName, item!))) failures.push(`PUT ${p} ${mt}: ${e}`);
    }
    expect(failures).toEqual([]);
  });

  it('update bodies stay closed: a member no read has is still rejected', () => {
    const accepted: string[] = [];
    for (const { path: p, readName, read, updates } of pairs())
      for (const [mt, update] of Object.entries(updates))
        if (!errors(update, { ...sentBack(readName, read.example), colour: 'blue' }).length)
          accepted.push(`PUT ${p} ${mt}`);
    expect(accepted).toEqual([]);
  });

  it('the server-owned members an update accepts say what happens to them, and none is marked readOnly there', () => {
    const bad: string[] = [];
    for (const { readName, read, updates } of pairs()) {
      const update = Object.values(updates)[0]!;
      for (const [name, prop] of Object.entries<Node>(update.properties)) {
        const readProp = read.properties[name] as Node | undefined;
        const serverOwned = readProp && (readProp.readOnly === true || readProp.allOf?.[0]?.readOnly === true);
        if (!serverOwned || name === 'id') continue;
        if (prop.readOnly === true) bad.push(`${readName}Update.${name} is readOnly (Prism would drop it)`);
        if (!/ignored|must match|swapp/.test(`${prop.description ?? ''}`))
          bad.push(`${readName}Update.${name} does not say it is ignored (or must match)`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('GET → modify → PUT round trips (types)', () => {
  const source = path.join(repoRoot, 'test/spec/round-trip.types.ts');

  it('round-trip.types.ts compiles under tsc --strict: every …Update accepts a value read by get, changed', async () => {
    const result = await typecheck(scratchGroup('round-trip-types'), [source]);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('and fails when its expected errors are not expected: the check can fail', async () => {
    // A copy in the scratch folder, its imports pointed back at the repository.
    const group = scratchGroup('round-trip-types-negative');
    const copy = path.join(group, 'round-trip.negative.types.ts');
    const text = readFileSync(source, 'utf8')
      .replaceAll('// @ts-expect-error', '//')
      .replaceAll("from '../../", `from '${repoRoot}/`);
    writeFileSync(copy, text);
    const result = await typecheck(group, [copy]);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/undeclaredMembers/);
    expect(result.output).toMatch(/Type 'number' is not assignable to type 'string'/);
  });
});
