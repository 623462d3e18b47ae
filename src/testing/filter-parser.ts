// The list `filter` language, parsed by a tokenizer and a recursive-descent
// parser (never by regular expressions over the whole string, which is how
// NetApp's own published pattern went wrong). Grammar:
//
//   filter     := condition ( ( ',' | 'and' ) condition )*
//   condition  := field operator literal
//               | field 'in' '(' literal ( ',' literal )* ')'
//   field      := name ( '[*]' )? ( '.' name ( '[*]' )? )*
//   operator   := 'eq' | 'lt' | 'gt' | 'lte' | 'gte'
//   literal    := "'" ( any character but "'" | "''" )* "'"
//
// A doubled quote inside a literal is one quote (OData's rule, the one the
// SDK's `where()` writes); every other character, backslash included, is
// itself. All conditions must hold. Errors name the column.

export type FilterOperator = 'eq' | 'lt' | 'gt' | 'lte' | 'gte' | 'in';

export interface FieldStep {
  name: string;
  /** `[*]`: the condition holds if it holds for any member of the array. */
  each: boolean;
}

export interface FilterCondition {
  field: FieldStep[];
  operator: FilterOperator;
  /** One value, or the list of `in`. */
  values: string[];
}

export class FilterSyntaxError extends Error {
  constructor(
    message: string,
    /** 1-based column in the filter text. */
    readonly column: number,
  ) {
    super(`${message} at column ${column}`);
    this.name = 'FilterSyntaxError';
  }
}

type Token =
  | { kind: 'name'; text: string; at: number }
  | { kind: 'literal'; text: string; at: number }
  | { kind: 'punct'; text: '.' | ',' | '(' | ')' | '[*]'; at: number }
  | { kind: 'end'; at: number };

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t') {
      i++;
    } else if (/[0-9A-Za-z_]/.test(c)) {
      const start = i;
      while (i < text.length && /[0-9A-Za-z_]/.test(text[i]!)) i++;
      tokens.push({ kind: 'name', text: text.slice(start, i), at: start });
    } else if (c === "'") {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new FilterSyntaxError('unterminated quoted value', start + 1);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      tokens.push({ kind: 'literal', text: value, at: start });
    } else if (text.startsWith('[*]', i)) {
      tokens.push({ kind: 'punct', text: '[*]', at: i });
      i += 3;
    } else if (c === '.' || c === ',' || c === '(' || c === ')') {
      tokens.push({ kind: 'punct', text: c, at: i });
      i++;
    } else {
      throw new FilterSyntaxError(`unexpected character ${JSON.stringify(c)}`, i + 1);
    }
  }
  tokens.push({ kind: 'end', at: text.length });
  return tokens;
}

const OPERATORS = new Set(['eq', 'lt', 'gt', 'lte', 'gte', 'in']);

export function parseFilter(text: string): FilterCondition[] {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos]!;
  const describe = (t: Token) =>
    t.kind === 'end' ? 'end of filter' : t.kind === 'literal' ? 'quoted value' : JSON.stringify(t.text);
  const fail = (expected: string): never => {
    const t = peek();
    throw new FilterSyntaxError(`expected ${expected}, found ${describe(t)}`, t.at + 1);
  };
  const punct = (text: string) => {
    const t = peek();
    if (t.kind === 'punct' && t.text === text) {
      pos++;
      return true;
    }
    return false;
  };
  const literal = (): string => {
    const t = peek();
    if (t.kind !== 'literal') return fail('a quoted value');
    pos++;
    return t.text;
  };
  const field = (): FieldStep[] => {
    const steps: FieldStep[] = [];
    do {
      const t = peek();
      if (t.kind !== 'name') return fail('a field name');
      pos++;
      steps.push({ name: t.text, each: punct('[*]') });
    } while (punct('.'));
    return steps;
  };
  const condition = (): FilterCondition => {
    const f = field();
    const t = peek();
    if (t.kind !== 'name' || !OPERATORS.has(t.text)) return fail('an operator (eq, lt, gt, lte, gte, in)');
    pos++;
    const operator = t.text as FilterOperator;
    if (operator !== 'in') return { field: f, operator, values: [literal()] };
    if (!punct('(')) fail("'('");
    const values = [literal()];
    while (punct(',')) values.push(literal());
    if (!punct(')')) fail("',' or ')'");
    return { field: f, operator, values };
  };

  const conditions = [condition()];
  for (;;) {
    const t = peek();
    if (t.kind === 'end') return conditions;
    if (punct(',') || (t.kind === 'name' && t.text === 'and' && ++pos)) conditions.push(condition());
    else fail("',', 'and' or end of filter");
  }
}

/** The values a field path reaches in a resource (several through `[*]`). */
export function fieldValues(resource: unknown, steps: readonly FieldStep[]): unknown[] {
  let current: unknown[] = [resource];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const v of current) {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) continue;
      const child = Object.prototype.hasOwnProperty.call(v, step.name)
        ? (v as Record<string, unknown>)[step.name]
        : undefined;
      if (child === undefined) continue;
      if (step.each) {
        if (Array.isArray(child)) next.push(...child);
      } else next.push(child);
    }
    current = next;
  }
  return current;
}

const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$/;

/** A scalar as filter text: strings as they are, numbers and booleans as JSON writes them. */
const scalarText = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

/** Orders two scalar values: numerically when both are numbers, else by UTF-16 code units. */
export function compareValues(a: unknown, b: unknown): number {
  const sa = scalarText(a);
  const sb = scalarText(b);
  if (NUMBER.test(sa) && NUMBER.test(sb)) return Math.sign(Number(sa) - Number(sb));
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export function matchesCondition(resource: unknown, c: FilterCondition): boolean {
  return fieldValues(resource, c.field).some((value) => {
    if (value !== null && typeof value === 'object') return false;
    switch (c.operator) {
      case 'eq':
        return scalarText(value) === c.values[0];
      case 'in':
        return c.values.includes(scalarText(value));
      case 'lt':
        return compareValues(value, c.values[0]) < 0;
      case 'gt':
        return compareValues(value, c.values[0]) > 0;
      case 'lte':
        return compareValues(value, c.values[0]) <= 0;
      case 'gte':
        return compareValues(value, c.values[0]) >= 0;
    }
  });
}
