// List queries: the query parameters a list operation declares (filter,
// include, limit, orderBy, skip, count, continue), checked against their
// schemas, then applied in Astra's order: filter, sort, skip (first page),
// continue position, limit, include projection. Undeclared parameters are
// refused with problem 6, invalid ones with problem 5, each in
// `invalidParams`.
import {
  compareValues,
  FilterSyntaxError,
  matchesCondition,
  parseFilter,
  type FilterCondition,
} from './filter-parser.ts';
import { decodeContinueToken, encodeContinueToken, type PagePosition } from './continue-token.ts';
import { type InvalidEntry, SimulatedProblem } from './problems.ts';
import type { Route } from './routes.ts';
import type { StoredResource } from './store.ts';
import { invalidEntries, type SchemaValidator } from './validation.ts';

export interface ListQuery {
  filters: FilterCondition[];
  include: string[] | null;
  limit: number | null;
  orderBy: { text: string; field: string; desc: boolean } | null;
  skip: number;
  count: boolean;
  after: PagePosition | null;
}

export function parseListQuery(route: Route, search: URLSearchParams, validator: SchemaValidator): ListQuery {
  const invalid: InvalidEntry[] = [];
  const unsupported: InvalidEntry[] = [];
  for (const name of new Set(search.keys())) {
    const declared = route.query.get(name);
    if (!declared) {
      unsupported.push({ name, reason: 'is not supported by this operation' });
      continue;
    }
    if (declared.schema === undefined) continue;
    const values = search.getAll(name);
    const errors = validator.check(declared.schema, declared.repeated ? values : values[values.length - 1]);
    for (const e of invalidEntries(errors, name)) invalid.push({ name, reason: e.reason });
  }
  if (unsupported.length)
    throw new SimulatedProblem(400, 6, 'The query has parameters this operation does not support.', {
      invalidParams: unsupported,
    });

  const filters: FilterCondition[] = [];
  for (const text of search.getAll('filter')) {
    try {
      filters.push(...parseFilter(text));
    } catch (e) {
      if (!(e instanceof FilterSyntaxError)) throw e;
      invalid.push({ name: 'filter', reason: e.message });
    }
  }
  const orderByText = search.get('orderBy');
  let orderBy: ListQuery['orderBy'] = null;
  if (orderByText !== null) {
    const m = /^([0-9A-Za-z]+)(?:(?: |%20)(asc|desc))?$/.exec(orderByText.trim());
    if (m) orderBy = { text: orderByText.trim(), field: m[1]!, desc: m[2] === 'desc' };
    else invalid.push({ name: 'orderBy', reason: 'must be a field name, optionally followed by " desc"' });
  }
  const positive = (name: string): number | null => {
    const v = search.get(name);
    if (v === null) return null;
    if (!/^[1-9][0-9]*$/.test(v)) {
      invalid.push({ name, reason: 'must be a whole number of at least 1' });
      return null;
    }
    return Number(v);
  };
  const limit = positive('limit');
  const skip = positive('skip') ?? 0;
  const includeText = search.get('include');
  const include = includeText === null ? null : includeText.split(',');
  if (invalid.length)
    throw new SimulatedProblem(400, 5, 'The query parameters are invalid.', { invalidParams: invalid });
  const token = search.get('continue');
  const after = token === null ? null : decodeContinueToken(token, orderBy?.text ?? '');
  return { filters, include, limit, orderBy, skip, count: search.get('count') === 'true', after };
}

/** Sort key order: absent values first, then compareValues, then creation order. */
function compareKeys(va: unknown, sa: number, vb: unknown, sb: number): number {
  const absentA = va === undefined || va === null;
  const absentB = vb === undefined || vb === null;
  if (absentA !== absentB) return absentA ? -1 : 1;
  const c = absentA ? 0 : compareValues(va, vb);
  return c !== 0 ? c : sa - sb;
}

const valueOf = (r: StoredResource, field: string | undefined) =>
  field === undefined ? null : (r.body[field] ?? null);

/**
 * The UTF-8 JSON of one list page. Items are spliced in from each resource's
 * cached bytes, so a page costs a filter and (with orderBy) a sort, never a
 * serialization. In creation order the walk stops once the page is full.
 */
export function listPage(
  resources: Iterable<StoredResource>,
  q: ListQuery,
  pagination: 'continue' | 'none' | null,
): Buffer {
  const field = q.orderBy?.field;
  const direction = q.orderBy?.desc ? -1 : 1;
  const wanted = q.limit === null ? Infinity : q.limit + 1; // one more tells whether another page exists
  let page: StoredResource[] = [];
  if (!q.orderBy) {
    let toSkip = q.after ? 0 : q.skip;
    for (const r of resources) {
      if (q.after && r.seq <= q.after.seq) continue;
      if (q.filters.length && !q.filters.every((c) => matchesCondition(r.body, c))) continue;
      if (toSkip > 0) {
        toSkip--;
        continue;
      }
      page.push(r);
      if (page.length >= wanted) break;
    }
  } else {
    for (const r of resources) if (q.filters.every((c) => matchesCondition(r.body, c))) page.push(r);
    page.sort((a, b) => direction * compareKeys(valueOf(a, field), a.seq, valueOf(b, field), b.seq));
    const after = q.after;
    if (after) page = page.filter((r) => direction * compareKeys(valueOf(r, field), r.seq, after.value, after.seq) > 0);
    else if (q.skip) page = page.slice(q.skip);
  }
  const more = page.length > (q.limit ?? Infinity);
  if (more) page = page.slice(0, q.limit!);
  const metadata: Record<string, unknown> = {};
  if (more && pagination === 'continue') {
    const last = page[page.length - 1]!;
    metadata.continue = encodeContinueToken({
      orderBy: q.orderBy?.text ?? '',
      value: valueOf(last, field),
      seq: last.seq,
    });
  }
  if (q.count) metadata.count = page.length;
  const items = q.include
    ? page.map((r) => Buffer.from(JSON.stringify(q.include!.map((f) => r.body[f] ?? null))))
    : page.map((r) => r.bytes);
  return spliceJson(ITEMS_OPEN, items, Buffer.from(`],"metadata":${JSON.stringify(metadata)}}`));
}

const ITEMS_OPEN = Buffer.from('{"items":[');
const COMMA = 0x2c;

/** `open`, the items separated by commas, `close`: one allocation, one copy per item (Buffer.concat costs far more per part). */
function spliceJson(open: Buffer, items: Buffer[], close: Buffer): Buffer {
  let length = open.length + close.length + Math.max(0, items.length - 1);
  for (const item of items) length += item.length;
  const out = Buffer.allocUnsafe(length);
  let at = open.copy(out, 0);
  items.forEach((item, i) => {
    if (i) out[at++] = COMMA;
    at += item.copy(out, at);
  });
  close.copy(out, at);
  return out;
}
