import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, where, type FilterOperator } from '../../src/filter.js';
import { json, startServer, type TestServer } from './support/server.js';
import { runtimeFor } from './support/runtime.js';
import { listCredentials, type Credential } from './support/descriptors.js';

interface Condition {
  field: string;
  op: string;
  value: string;
}

/**
 * A parser for the rendered syntax, independent of the renderer:
 * conditions `<field> <op> '<value>'` separated by commas, where inside a
 * value `''` is a literal quote and every other character stands for itself.
 */
function parseFilter(text: string): Condition[] {
  const out: Condition[] = [];
  let i = 0;
  for (;;) {
    const head = /^([0-9A-Za-z]+(?:\[\*\])?(?:\.[0-9A-Za-z]+(?:\[\*\])?)*) (eq|lt|gt|lte|gte) '/.exec(text.slice(i));
    if (!head) throw new Error(`bad condition at ${i}: ${text.slice(i)}`);
    i += head[0].length;
    let value = '';
    for (;;) {
      if (i >= text.length) throw new Error('unterminated value');
      const ch = text[i]!;
      if (ch === "'") {
        if (text[i + 1] === "'") {
          value += "'";
          i += 2;
          continue;
        }
        i++;
        break;
      }
      value += ch;
      i++;
    }
    out.push({ field: head[1]!, op: head[2]!, value });
    if (i === text.length) return out;
    if (text[i] !== ',') throw new Error(`expected , at ${i}`);
    i++;
  }
}

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const segment = fc.stringMatching(/^[0-9A-Za-z]{1,8}(\[\*\])?$/);
const fieldArb = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join('.'));
const opArb = fc.constantFrom<FilterOperator>('eq', 'lt', 'gt', 'lte', 'gte');
// Strings rich in the characters that matter: quotes, backslashes, commas, spaces, unicode.
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      "'",
      "''",
      '\\',
      '\\\\',
      ',',
      ' ',
      '"',
      '%',
      '&',
      '=',
      '+',
      '#',
      '?',
      '/',
      'é',
      '日本',
      '🙂',
      '\u0000',
      '\n',
    ),
    fc.string({ unit: 'grapheme', maxLength: 3 }),
  ),
  maxLength: 20,
});
const valueArb = fc.oneof(
  tricky,
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }).filter((s) => !LONE.test(s)),
);
const condArb = fc.record({ field: fieldArb, op: opArb, value: valueArb });

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => json(res, 200, { items: [], metadata: {} }));
});
afterAll(() => server.close());

describe('filter builder', () => {
  it('renders the documented syntax', () => {
    expect(String(where('keyType').eq('s3'))).toBe("keyType eq 's3'");
    expect(String(where('name').eq("O'Brien"))).toBe("name eq 'O''Brien'");
    expect(String(where('path').eq('C:\\temp\\'))).toBe("path eq 'C:\\temp\\'");
    expect(String(where('a[*].b').gte(3).and(where('c').lt(true)))).toBe("a[*].b gte '3',c lt 'true'");
    expect(() => where('bad field')).toThrow(TypeError);
    expect(() => where("x' or '1")).toThrow(TypeError);
    expect(() => where('x').eq('\uD800')).toThrow(/lone surrogate/);
  });

  it('round-trips field, operator and value for arbitrary strings (property)', () => {
    fc.assert(
      fc.property(fc.array(condArb, { minLength: 1, maxLength: 4 }), (conds) => {
        const filters = conds.map((c) => where(c.field)[c.op as FilterOperator](c.value));
        const combined = and(filters[0]!, ...filters.slice(1));
        expect(parseFilter(combined.toString())).toEqual(conds);
        expect(combined.conditions.map((s) => parseFilter(s)[0])).toEqual(conds);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips through a real request: one filter= parameter per condition (property)', async () => {
    const rt = runtimeFor(server);
    await fc.assert(
      fc.asyncProperty(fc.array(condArb, { minLength: 1, maxLength: 3 }), async (conds) => {
        server.requests.length = 0;
        const filters = conds.map((c) => where(c.field)[c.op as FilterOperator](c.value));
        await rt.list<Credential>(listCredentials, [], { filter: and(filters[0]!, ...filters.slice(1)) }).firstPage();
        const sent = server.requests[0]!.url.searchParams.getAll('filter');
        expect(sent.map((s) => parseFilter(s)).flat()).toEqual(conds);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses values that are not well-formed Unicode (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(() => where('f').eq(a + '\uD800')).toThrow(TypeError);
        expect(() => where('f').eq('\uDFFF' + a)).toThrow(TypeError);
        expect(() => where('f').eq(a + 'x\uDBFFx' + b)).toThrow(TypeError);
      }),
    );
  });

  it('sends a string filter unchanged', async () => {
    const rt = runtimeFor(server);
    server.requests.length = 0;
    await rt.list<Credential>(listCredentials, [], { filter: "keyType eq 's3'" }).firstPage();
    expect(server.requests[0]!.url.searchParams.getAll('filter')).toEqual(["keyType eq 's3'"]);
  });
});
