// The rule modules on their own, as given/want tables: content negotiation,
// entity-tag parsing and precondition order, lifecycle states.
import { describe, expect, it } from 'vitest';
import { evaluatePreconditions, parseEntityTags } from '../../src/testing/conditional.ts';
import { stateAt } from '../../src/testing/lifecycle.ts';
import { acceptsRequestType, negotiate, offeredTypes } from '../../src/testing/negotiation.ts';
import { SimulatedProblem } from '../../src/testing/problems.ts';

const VENDOR = 'application/astra-credential+json';

describe('negotiate', () => {
  const offered = offeredTypes([VENDOR]);
  it.each<[string | undefined, string | null]>([
    [undefined, 'application/json'],
    ['', 'application/json'],
    ['*/*', 'application/json'],
    ['application/*', 'application/json'],
    [VENDOR, VENDOR],
    [`text/html, ${VENDOR};q=0.1`, VENDOR],
    [`${VENDOR};q=0.4, application/json;q=0.5`, 'application/json'],
    [`${VENDOR};q=0, */*;q=0.1`, 'application/json'],
    ['text/html', null],
    [`${VENDOR};q=0`, null],
  ])('Accept %j → %j', (accept, want) => {
    expect(negotiate(accept, offered)).toBe(want);
  });

  it('offers application/json only beside a vendor JSON type', () => {
    expect(offeredTypes(['application/json'])).toEqual(['application/json']);
    expect(offeredTypes(['application/openmetrics-text'])).toEqual(['application/openmetrics-text']);
    expect(negotiate('*/*', ['application/openmetrics-text'])).toBe('application/openmetrics-text');
  });

  it.each<[string | undefined, boolean]>([
    [VENDOR, true],
    [`${VENDOR}; charset=utf-8`, true],
    ['application/json', true],
    ['text/plain', false],
    [undefined, false],
  ])('request Content-Type %j accepted: %j', (type, want) => {
    expect(acceptsRequestType(type, [VENDOR])).toBe(want);
  });
});

describe('preconditions', () => {
  const current = { etag: '"abc"', modifiedMs: Date.parse('2026-01-01T10:00:00.500Z') };
  const outcome = (method: string, headers: Record<string, string>) => {
    try {
      return evaluatePreconditions(method, headers, current);
    } catch (e) {
      return e instanceof SimulatedProblem ? `${e.status}/${e.number}` : 'threw';
    }
  };
  it.each<[string, Record<string, string>, string]>([
    ['PUT', {}, 'proceed'],
    ['PUT', { 'if-match': '"abc"' }, 'proceed'],
    ['PUT', { 'if-match': 'W/"abc"' }, '412/38'],
    ['PUT', { 'if-match': '"x", "abc"' }, 'proceed'],
    ['DELETE', { 'if-match': '*' }, 'proceed'],
    ['DELETE', { 'if-match': '"x"' }, '412/38'],
    ['PUT', { 'if-none-match': '*' }, '412/38'],
    ['GET', { 'if-none-match': 'W/"abc"' }, 'not-modified'],
    ['GET', { 'if-none-match': '"x"' }, 'proceed'],
    // If-Match wins over If-Unmodified-Since; If-None-Match over If-Modified-Since (RFC 9110 §13.2.2).
    ['PUT', { 'if-match': '"abc"', 'if-unmodified-since': 'Thu, 01 Jan 2026 09:00:00 GMT' }, 'proceed'],
    ['GET', { 'if-none-match': '"x"', 'if-modified-since': 'Thu, 01 Jan 2026 11:00:00 GMT' }, 'proceed'],
    ['GET', { 'if-modified-since': 'Thu, 01 Jan 2026 10:00:00 GMT' }, 'not-modified'],
    ['PUT', { 'if-unmodified-since': 'Thu, 01 Jan 2026 10:00:00 GMT' }, 'proceed'],
    ['PUT', { 'if-unmodified-since': 'Thu, 01 Jan 2026 09:59:59 GMT' }, '412/38'],
    ['PUT', { 'if-modified-since': 'not a date' }, '400/12'],
  ])('%s with %j → %s', (method, headers, want) => {
    expect(outcome(method, headers)).toBe(want);
  });

  it('reads entity-tag lists', () => {
    expect(parseEntityTags('"a", W/"b" ,"c,d"')).toEqual(['"a"', 'W/"b"', '"c,d"']);
    expect(parseEntityTags('*')).toEqual(['*']);
  });
});

describe('lifecycle', () => {
  it.each<[number, number, string]>([
    [0, 0, 'completed'],
    [0, 3000, 'pending'],
    [999, 3000, 'pending'],
    [1000, 3000, 'running'],
    [2999, 3000, 'running'],
    [3000, 3000, 'completed'],
  ])('after %i ms of %i → %s', (elapsed, duration, want) => {
    expect(stateAt(elapsed, duration)).toBe(want);
  });
});

describe('list query parameters follow the spec’s declaration', () => {
  it('accepts repeated filters whether `filter` is a string or a repeatable array parameter', async () => {
    const { buildRouteTable } = await import('../../src/testing/routes.ts');
    const { SchemaValidator } = await import('../../src/testing/validation.ts');
    const { parseListQuery } = await import('../../src/testing/list-query.ts');
    const openapi = (await import('../../generated/openapi.json', { with: { type: 'json' } })).default as any;
    const arrayShaped = structuredClone(openapi);
    arrayShaped.components.parameters.Filter.schema = { type: 'array', items: { type: 'string', minLength: 1 } };
    const query = new URLSearchParams([
      ['filter', "keyType eq 's3'"],
      ['filter', "valid eq 'true'"],
    ]);
    for (const doc of [openapi, arrayShaped]) {
      const table = buildRouteTable(doc);
      const route = table.routes.find((r) => r.op.id === 'listCredentials')!;
      expect(parseListQuery(route, query, new SchemaValidator(table.document)).filters).toHaveLength(2);
    }
    const table = buildRouteTable(arrayShaped);
    const route = table.routes.find((r) => r.op.id === 'listCredentials')!;
    expect(() =>
      parseListQuery(route, new URLSearchParams([['filter', '']]), new SchemaValidator(table.document)),
    ).toThrow(SimulatedProblem);
  });
});
