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
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Renders a value as a single-quoted filter literal (quotes doubled). */
export function quoteFilterValue(value: FilterValue): string {
  const s = String(value);
  if (LONE_SURROGATE.test(s)) throw new TypeError('filter value is not well-formed Unicode (lone surrogate)');
  return `'${s.replaceAll("'", "''")}'`;
}

/** A filter of one or more conditions, all of which must hold. */
export class Filter implements FilterExpression {
  /** The rendered conditions, each `<field> <op> '<value>'`. */
  readonly conditions: readonly string[];
  constructor(conditions: readonly string[]) {
    this.conditions = conditions;
  }
  /** This filter and every other one. */
  and(...others: (Filter | string)[]): Filter {
    const all = this.conditions.slice();
    for (const o of others) {
      if (typeof o === 'string') all.push(o);
      else all.push(...o.conditions);
    }
    return new Filter(all);
  }
  toString(): string {
    return this.conditions.join(',');
  }
  toJSON(): string {
    return this.toString();
  }
}

export class FilterField {
  readonly field: string;
  constructor(field: string) {
    if (typeof field !== 'string' || !FIELD.test(field)) {
      throw new TypeError(`invalid filter field ${JSON.stringify(field)}: use letters and digits, dotted sub-fields and [*]`);
    }
    this.field = field;
  }
  private op(op: FilterOperator, value: FilterValue): Filter {
    return new Filter([`${this.field} ${op} ${quoteFilterValue(value)}`]);
  }
  eq(value: FilterValue): Filter {
    return this.op('eq', value);
  }
  lt(value: FilterValue): Filter {
    return this.op('lt', value);
  }
  gt(value: FilterValue): Filter {
    return this.op('gt', value);
  }
  lte(value: FilterValue): Filter {
    return this.op('lte', value);
  }
  gte(value: FilterValue): Filter {
    return this.op('gte', value);
  }
}

/** Starts a filter condition on a field: `where('keyType').eq('s3')`. */
export function where<F extends string>(field: F): FilterField {
  return new FilterField(field);
}

/** All of the given filters. */
export function and(first: Filter, ...rest: (Filter | string)[]): Filter {
  return first.and(...rest);
}
