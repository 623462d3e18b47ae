// The typed filter builder: `where('keyType').eq('s3')` renders
// `keyType eq 's3'`, the API's `<field> <operator> '<value>'` syntax.
//
// Escaping: the API wraps values in single quotes and documents no escape
// mechanism. We double an embedded single quote (`O'Brien` → `'O''Brien'`) and
// leave every other character, backslash included, as it is. Why doubling
// rather than a backslash escape: the syntax is OData's (`eq`, `lt`, `gt`,
// `lte`, `gte`, single-quoted literals), and OData escapes a quote by doubling
// it; with doubling the only special character inside a literal is the quote
// itself, so values full of backslashes (Windows paths, regexes, DNs) reach
// the service unchanged instead of depending on whether it un-escapes `\\`;
// and the rendering is unambiguous (a quote followed by a quote is a literal
// quote, a quote followed by anything else closes the value).
//
// Combining: `a.and(b)` (or `and(a, b)`) holds several conditions. The runtime
// sends them as repeated `filter=` parameters, one per condition, which is
// what NetApp's own toolkit does (the service ANDs them); `toString()` joins
// them with commas, the form NetApp's published pattern was meant to allow.

import type { FilterExpression } from './operation.js';

export type FilterValue = string | number | boolean;
export type FilterOperator = 'eq' | 'lt' | 'gt' | 'lte' | 'gte';

/** `name`, `a.b`, `a[*].b`: top-level or dotted field names, `[*]` for array members. */
const FIELD = /^[0-9A-Za-z]+(\[\*\])?(\.[0-9A-Za-z]+(\[\*\])?)*$/;

/** Renders a value as a single-quoted filter literal (quotes doubled). */
export function quoteFilterValue(value: FilterValue): string {
  const s = String(value);
  // The value travels in the query string, and encodeURIComponent refuses
  // exactly the strings that are not well-formed Unicode: refuse them here,
  // where the caller sees which value it was.
  try {
    encodeURIComponent(s);
  } catch {
    throw new TypeError('filter value is not well-formed Unicode (lone surrogate)');
  }
  return `'${s.replaceAll("'", "''")}'`;
}

/** A filter of one or more conditions, all of which must hold. */
export class Filter implements FilterExpression {
  /** The rendered conditions, each `<field> <op> '<value>'`. */
  constructor(readonly conditions: readonly string[]) {}
  /** This filter and every other one (filters or filter strings). */
  and(...others: (Filter | string)[]): Filter {
    return new Filter(this.conditions.concat(...others.map((o) => (o instanceof Filter ? o.conditions : o))));
  }
  toString(): string {
    return this.conditions.join(',');
  }
}

/** The operators of a field: `where('keyType').eq('s3')`. */
export type FilterField = { readonly [op in FilterOperator]: (value: FilterValue) => Filter };

/** Starts a filter condition on a field (`name`, `a.b`, `a[*].b`): `where('keyType').eq('s3')`. */
export function where(field: string): FilterField {
  if (!FIELD.test(field)) throw new TypeError(`invalid filter field ${JSON.stringify(field)}`);
  const ops: Partial<Record<FilterOperator, (value: FilterValue) => Filter>> = {};
  for (const op of ['eq', 'lt', 'gt', 'lte', 'gte'] as const)
    ops[op] = (value) => new Filter([`${field} ${op} ${quoteFilterValue(value)}`]);
  return ops as FilterField;
}

/** All of the given filters. */
export function and(first: Filter, ...rest: (Filter | string)[]): Filter {
  return first.and(...rest);
}
