// Lists: the filter parser (tokenizer + recursive descent) under hostile
// values, include projections, orderBy, skip, count, and continue tokens that
// stay correct while items are created and deleted between pages.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteFilterValue, where } from '../../src/index.js';
import { FilterSyntaxError, parseFilter } from '../../src/testing/filter-parser.ts';
import { startTestSimulator, type TestSimulator } from './support.ts';

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());

const VENDOR = 'application/astra-credential+json';
const credential = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'application/astra-credential',
  version: '1.1',
  name,
  keyStore: { k: 'YQ==' },
  ...extra,
});

describe('filter parser', () => {
  it.each([
    ["keyType eq 's3'", [{ field: [{ name: 'keyType', each: false }], operator: 'eq', values: ['s3'] }]],
    ["name eq 'O''Brien'", [{ field: [{ name: 'name', each: false }], operator: 'eq', values: ["O'Brien"] }]],
    [
      "a.b[*].c gte '2', x lt ''",
      [
        {
          field: [
            { name: 'a', each: false },
            { name: 'b', each: true },
            { name: 'c', each: false },
          ],
          operator: 'gte',
          values: ['2'],
        },
        { field: [{ name: 'x', each: false }], operator: 'lt', values: [''] },
      ],
    ],
    [
      "state in ('pending','running') and valid eq 'true'",
      [
        { field: [{ name: 'state', each: false }], operator: 'in', values: ['pending', 'running'] },
        { field: [{ name: 'valid', each: false }], operator: 'eq', values: ['true'] },
      ],
    ],
  ])('parses %s', (text, want) => {
    expect(parseFilter(text)).toEqual(want);
  });

  it.each([
    ['name eq s3', 'expected a quoted value, found "s3" at column 9'],
    ["name eq 's3", 'unterminated quoted value at column 9'],
    ["name like 's3'", 'expected an operator (eq, lt, gt, lte, gte, in), found "like" at column 6'],
    ["name eq 'a' or x eq 'b'", `expected ',', 'and' or end of filter, found "or" at column 13`],
    ["name eq 'a';", 'unexpected character ";" at column 12'],
    ['', 'expected a field name, found end of filter at column 1'],
  ])('refuses %j: %s', (text, message) => {
    expect(() => parseFilter(text)).toThrow(
      new FilterSyntaxError(message.replace(/ at column \d+$/, ''), Number(/(\d+)$/.exec(message)![1])),
    );
  });

  it('reads back any value the SDK quotes, however hostile', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.constantFrom('eq', 'lt', 'gt', 'lte', 'gte'),
        (value, op) => {
          const [condition] = parseFilter(`name ${op} ${quoteFilterValue(value)}`);
          expect(condition).toEqual({ field: [{ name: 'name', each: false }], operator: op, values: [value] });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws anything but a located FilterSyntaxError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        try {
          parseFilter(text);
        } catch (e) {
          expect(e).toBeInstanceOf(FilterSyntaxError);
          expect((e as FilterSyntaxError).column).toBeGreaterThanOrEqual(1);
          expect((e as FilterSyntaxError).column).toBeLessThanOrEqual(text.length + 1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds exactly the stored resources whose value equals a hostile value, over HTTP', async () => {
    const names = ["O'Brien", "''", 'back\\slash', "it's 'quoted'", 'eq', ' spaced ', 'ü,(x)', '%20'];
    for (const n of names)
      await sim.http('POST', '/core/v1/credentials', { body: credential(n), headers: { 'content-type': VENDOR } });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), async (name) => {
        const items = await sim
          .client()
          .credentials.list({ filter: where('name').eq(name) })
          .toArray({ max: 10 });
        expect(items.map((c) => c.name)).toEqual([name]);
      }),
      { numRuns: 16 },
    );
  });

  it('answers a filter it cannot parse with 400 problem 5 naming the column', async () => {
    const res = await sim.http('GET', `/core/v1/credentials?filter=${encodeURIComponent("name eq 'open")}`);
    expect(res.status).toBe(400);
    expect(res.json.type).toBe('https://astra.netapp.io/problems/5');
    expect(res.json.invalidParams).toEqual([{ name: 'filter', reason: 'unterminated quoted value at column 9' }]);
  });
});

describe('list queries', () => {
  let list: TestSimulator;
  beforeAll(async () => {
    list = await startTestSimulator();
    const kinds = ['s3', 'certificate', 's3', 'apikey', 's3', 'certificate'];
    const keyStores: Record<string, Record<string, string>> = {
      s3: { accessKey: 'YQ==', accessSecret: 'Yg==' },
      certificate: { certificate: 'Yw==' },
      apikey: { apikey: 'ZA==' },
    };
    for (const [i, keyType] of kinds.entries()) {
      await list.http('POST', '/core/v1/credentials', {
        body: credential(`c${i}`, { keyType, keyStore: keyStores[keyType], valid: i % 2 ? 'false' : 'true' }),
        headers: { 'content-type': VENDOR },
      });
    }
  });
  afterAll(() => list.close());
  const names = async (query: string) =>
    (await list.http('GET', `/core/v1/credentials?${query}`)).json.items.map((c: { name: string }) => c.name);

  it('combines repeated filter parameters with AND', async () => {
    expect(
      await names(`filter=${encodeURIComponent("keyType eq 's3'")}&filter=${encodeURIComponent("valid eq 'true'")}`),
    ).toEqual(['c0', 'c2', 'c4']);
    expect(
      await names(
        `filter=${encodeURIComponent("keyType eq 'certificate'")}&filter=${encodeURIComponent("valid eq 'true'")}`,
      ),
    ).toEqual([]);
    expect(await names(`filter=${encodeURIComponent("name gte 'c3', name lt 'c5'")}`)).toEqual(['c3', 'c4']);
    expect(await names(`filter=${encodeURIComponent("keyType in ('apikey','certificate')")}`)).toEqual([
      'c1',
      'c3',
      'c5',
    ]);
  });

  it('projects include as arrays in the requested order, mapped back by the SDK', async () => {
    const raw = await list.http('GET', `/core/v1/credentials?include=keyType,name&limit=2`);
    expect(raw.json.items).toEqual([
      ['s3', 'c0'],
      ['certificate', 'c1'],
    ]);
    const client = list.client();
    expect(await client.credentials.list({ include: ['name', 'valid'], limit: 4 }).firstPage()).toMatchObject({
      items: [{ name: 'c0', valid: 'true' }, { name: 'c1', valid: 'false' }, { name: 'c2' }, { name: 'c3' }],
    });
  });

  it('orders by a field ascending or descending', async () => {
    expect(await names('orderBy=keyType')).toEqual(['c3', 'c1', 'c5', 'c0', 'c2', 'c4']);
    expect(await names(`orderBy=${encodeURIComponent('name desc')}`)).toEqual(['c5', 'c4', 'c3', 'c2', 'c1', 'c0']);
  });

  it('skips, counts and limits where the operation declares them', async () => {
    // Events declare skip and count; credentials do not (see the 400 tests).
    const res = await list.http('GET', '/core/v1/credentials?limit=4&count=true');
    expect(res.status).toBe(400);
    const events = await list.http('GET', '/core/v1/events?skip=1&count=true&limit=2');
    expect(events.status, events.text).toBe(200);
    expect(events.json.metadata.count).toBe(events.json.items.length);
  });
});

describe('continue tokens', () => {
  it('returns each surviving item exactly once while items are created and deleted between pages', async () => {
    const paged = await startTestSimulator();
    let n = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 4 }),
          fc.array(
            fc.record({ creates: fc.integer({ min: 0, max: 2 }), deletes: fc.array(fc.nat(), { maxLength: 2 }) }),
            { minLength: 1, maxLength: 6 },
          ),
          fc.constantFrom('', 'name', 'name desc'),
          async (limit, churn, orderBy) => {
            // Start each run from an empty collection.
            const existing = await paged.http('GET', '/core/v1/credentials?include=id');
            for (const [id] of existing.json.items) await paged.http('DELETE', `/core/v1/credentials/${id}`);
            const alive: string[] = [];
            const create = async () => {
              const r = await paged.http('POST', '/core/v1/credentials', {
                body: credential(`n${String(n++).padStart(4, '0')}`),
                headers: { 'content-type': VENDOR },
              });
              alive.push(r.json.id);
            };
            for (let i = 0; i < 8; i++) await create();
            const initial = [...alive];
            const deleted = new Set<string>();
            const seen: string[] = [];
            let token: string | undefined;
            let round = 0;
            do {
              const query = new URLSearchParams({ limit: String(limit) });
              if (orderBy) query.set('orderBy', orderBy);
              if (token) query.set('continue', token);
              const page = await paged.http('GET', `/core/v1/credentials?${query}`);
              expect(page.status, page.text).toBe(200);
              seen.push(...page.json.items.map((c: { id: string }) => c.id));
              token = page.json.metadata.continue;
              const step = churn[round++ % churn.length]!;
              for (let i = 0; i < step.creates; i++) await create();
              for (const pick of step.deletes) {
                if (!alive.length) break;
                const [victim] = alive.splice(pick % alive.length, 1);
                deleted.add(victim!);
                await paged.http('DELETE', `/core/v1/credentials/${victim}`);
              }
            } while (token && round < 100);
            expect(new Set(seen).size).toBe(seen.length); // nothing twice
            for (const id of initial) if (!deleted.has(id)) expect(seen).toContain(id); // every survivor once
            for (const id of seen) expect(deleted.has(id) || alive.includes(id)).toBe(true);
          },
        ),
        { numRuns: 10 },
      );
    } finally {
      await paged.close();
    }
  });

  it('refuses a token that is not one, or was made for another orderBy', async () => {
    expect((await sim.http('GET', '/core/v1/credentials?continue=bm90IGpzb24=')).json.invalidParams).toEqual([
      { name: 'continue', reason: expect.any(String) },
    ]);
    const first = await sim.http('GET', '/core/v1/credentials?limit=1&orderBy=name');
    const other = await sim.http(
      'GET',
      `/core/v1/credentials?limit=1&continue=${encodeURIComponent(first.json.metadata.continue)}`,
    );
    expect(other.status).toBe(400);
    expect(other.json.invalidParams[0].reason).toMatch(/orderBy/);
  });
});
