// The TypeScript constructs the generator emits, as layout documents shaped
// like the ones prettier builds for them (render/layout.ts prints them), so
// that generated modules come out in prettier's form: a group stays on one
// line when it fits in printWidth, and breaks the way prettier breaks it
// otherwise. Each builder names the construct and prettier's layout for it;
// `prettier.__debug.printToDoc(text, options)` shows prettier's own document
// for any snippet when a construct is added.
import type { PropertyModel, TypeNode } from '../model/types.ts';
import { isPlainPropertyName } from '../model/naming.ts';
import { mentions } from './typescript.ts';
import {
  type Doc,
  align,
  group,
  ifBreak,
  indent,
  indentIfBreak,
  join,
  line,
  print,
  softline,
  verbatim,
} from './layout.ts';

/**
 * The prettier options the layouts reproduce (.prettierrc.json's); the format
 * stage runs prettier on every file when the configuration says otherwise.
 */
export const PRETTIER_FORM = { printWidth: 120, singleQuote: true, trailingComma: 'all' } as const;

/** Text JSON.stringify and prettier write as it is (no quote, backslash, control character or lone surrogate). */
const PLAIN_STRING = /^[^'"\\\u0000-\u001f\u2028\u2029\ud800-\udfff]*$/;

/**
 * A string literal in prettier's quotes: single, unless the text holds more
 * single quotes than double ones. Escapes are JSON.stringify's (all of which
 * prettier keeps), with U+2028/U+2029 escaped too.
 */
export function tsString(value: string): string {
  if (PLAIN_STRING.test(value)) return `'${value}'`;
  const singles = value.split("'").length - 1;
  const doubles = value.split('"').length - 1;
  const json = JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  if (singles > doubles) return json;
  // The JSON body with its quote escapes swapped: `\"` → `"`, `'` → `\'`.
  const body = json
    .slice(1, -1)
    .replace(/\\(.)|'/g, (m, escaped: string | undefined) =>
      escaped === undefined ? "\\'" : escaped === '"' ? '"' : m,
    );
  return `'${body}'`;
}

/** A property name as written: bare when it is an identifier, else a string literal. */
export const propertyKey = (name: string) => (isPlainPropertyName(name) ? name : tsString(name));

/** Lines of a `/** … *\/` comment (one per text line), or none for no lines. */
export function commentDoc(lines: string[]): Doc {
  if (!lines.length) return '';
  return verbatim(['/**', ...lines.map((l) => (l ? ` * ${l}` : ' *')), ' */']);
}

/** `{ … }` around members (each ending in `separator` but the last, which gets it only when broken). */
export function braces(members: Doc[], separator: ';' | ',', shouldBreak: boolean): Doc {
  if (!members.length) return '{}';
  return group(['{', indent([line, join([separator, line], members), ifBreak(separator)]), line, '}'], {
    shouldBreak,
  });
}

/**
 * `<A, B>` type arguments: inline when there is one argument prettier hugs
 * (a keyword, a plain name, an object literal), else a breakable group.
 */
export function typeArguments(args: Doc[], hugOne = false): Doc {
  if (args.length === 1 && hugOne) return ['<', args[0]!, '>'];
  return group(['<', indent([softline, join([',', line], args)]), softline, '>']);
}

/** prettier's shouldHugType: a keyword, a plain name, an object literal, or objects with only nulls beside them. */
export function huggable(t: TypeNode, options: TypeLayoutOptions): boolean {
  if (t.kind === 'ref' || t.kind === 'primitive') return true;
  if (t.kind === 'object') return isObjectType(t, options);
  if (t.kind === 'union') {
    const nulls = t.members.filter((m) => m.kind === 'primitive' && m.type === 'null').length;
    return nulls === t.members.length - 1 && t.members.some((m) => isObjectType(m, options));
  }
  return false;
}

/** Collects why a file cannot be vouched for as prettier's form (it then goes through prettier). */
export class Vouch {
  readonly reasons: string[] = [];
  get ok(): boolean {
    return this.reasons.length === 0;
  }
  refuse(reason: string): void {
    this.reasons.push(reason);
  }
}

export interface TypeLayoutOptions {
  vouch: Vouch;
  omitProperty?: (p: PropertyModel) => boolean;
  /** Named types that reach themselves: maps of them print as index signatures (see typescript.ts). */
  recursive?: ReadonlySet<string>;
  /** Property documentation (typescript.ts's docComment lines). */
  propertyDocLines: (p: PropertyModel) => string[];
}

/** Whether prettier prints `t` as an object type (braces), which changes how unions and intersections lay it out. */
const isObjectType = (t: TypeNode, options: TypeLayoutOptions) =>
  t.kind === 'object' && (visibleProperties(t, options).length > 0 || mapAsIndexSignature(t, options));

const visibleProperties = (t: Extract<TypeNode, { kind: 'object' }>, options: TypeLayoutOptions) =>
  t.properties.filter((p) => !options.omitProperty?.(p));

function mapAsIndexSignature(t: Extract<TypeNode, { kind: 'object' }>, options: TypeLayoutOptions): boolean {
  return t.additional !== null && options.recursive !== undefined && mentions(t.additional, options.recursive);
}

/** A type as prettier lays it out where it stands alone (a type argument, an intersection member). */
export function typeDoc(t: TypeNode, options: TypeLayoutOptions): Doc {
  switch (t.kind) {
    case 'ref':
      return t.name;
    case 'primitive':
      return t.type;
    case 'openString':
      return 'string & {}';
    case 'literal':
      return typeof t.value === 'string' ? tsString(t.value) : String(t.value);
    case 'array': {
      const inner = typeDoc(t.items, options);
      if (typeof inner === 'string' && /^[A-Za-z0-9_."'-]+$/.test(inner) && !inner.includes('|')) return `${inner}[]`;
      return ['Array', typeArguments([inner], huggable(t.items, options))];
    }
    case 'union':
      return unionDoc(t.members, options);
    case 'intersection':
      return intersectionDoc(t.members, options);
    case 'object': {
      const props = visibleProperties(t, options);
      if (props.length)
        return braces(
          props.map((p) => propertyDoc(p, options)),
          ';',
          true,
        );
      if (t.additional === null) return ['Record', typeArguments(['string', 'never'])];
      if (mapAsIndexSignature(t, options)) {
        const key = ['[', group([indent([softline, 'key: string']), softline]), ']'];
        return braces([group([key, ': ', annotation(t.additional, options)])], ';', false);
      }
      return ['Record', typeArguments(['string', typeDoc(t.additional, options)])];
    }
  }
}

/**
 * A member of a union or intersection: `string & {}` in parentheses, and a
 * union in an intersection (prettier's layout for it: in parentheses, on
 * lines of its own when it does not fit). Other nestings are printed the way
 * typescript.ts prints them, but not vouched for.
 */
function memberDoc(t: TypeNode, options: TypeLayoutOptions, parent: 'union' | 'intersection'): Doc {
  if (t.kind === 'union' && parent === 'intersection' && !huggable(t, options))
    return ['(', group([indent([softline, unionDoc(t.members, options)]), softline]), ')'];
  if (t.kind === 'union' || t.kind === 'intersection') {
    options.vouch.refuse(`a ${t.kind} inside a ${parent}`);
    return ['(', typeDoc(t, options), ')'];
  }
  const doc = typeDoc(t, options);
  return t.kind === 'openString' ? ['(', doc, ')'] : doc;
}

/** `A | B`: flat, or one member a line behind `| `; objects with only nulls beside them hug (`{ … } | null`). */
function unionDoc(members: TypeNode[], options: TypeLayoutOptions): Doc {
  const printed = members.map((m) => memberDoc(m, options, 'union'));
  if (huggable({ kind: 'union', members }, options)) return join(' | ', printed);
  return group([
    ifBreak('| '),
    join(
      [line, '| '],
      printed.map((p) => align(2, p)),
    ),
  ]);
}

/** `A & B`: prettier keeps an object beside a non-object on the same line, and breaks between non-objects. */
function intersectionDoc(members: TypeNode[], options: TypeLayoutOptions): Doc {
  const parts: Doc[] = [];
  let wasIndented = false;
  members.forEach((m, i) => {
    const printed = memberDoc(m, options, 'intersection');
    if (i === 0) parts.push(printed);
    else {
      const previousIsObject = isObjectType(members[i - 1]!, options);
      const isObject = isObjectType(m, options);
      if (!previousIsObject && !isObject) parts.push(indent([' &', line, printed]));
      else if (previousIsObject && isObject) parts.push(' & ', wasIndented ? indent(printed) : printed);
      else {
        if (i > 1) wasIndented = true;
        parts.push(' & ', i > 1 ? indent(printed) : printed);
      }
    }
  });
  return group(parts);
}

/** Whether prettier prints `t` as a union in its multi-line form (not a hugged one). */
const isBreakableUnion = (t: TypeNode, options: TypeLayoutOptions) => t.kind === 'union' && !huggable(t, options);

/** A type after `name: ` in a member or parameter: a union there may move to its own indented lines. */
export function annotation(t: TypeNode, options: TypeLayoutOptions): Doc {
  const doc = typeDoc(t, options);
  return isBreakableUnion(t, options) ? group(indent([softline, doc])) : doc;
}

/** One member of an object type: its doc comment, then `readonly key?: type`. */
function propertyDoc(p: PropertyModel, options: TypeLayoutOptions): Doc {
  const member = group([
    p.readOnly ? 'readonly ' : '',
    propertyKey(p.name),
    p.required ? '' : '?',
    ': ',
    annotation(p.type, options),
  ]);
  const doc = options.propertyDocLines(p);
  return doc.length ? [commentDoc(doc), member] : member;
}

/** `export type Name = type;`: a union moves after `=` as a whole first, other types stay on its line. */
export function typeAliasDoc(name: string, t: TypeNode, options: TypeLayoutOptions): Doc {
  const rhs = typeDoc(t, options);
  return [
    'export ',
    assignment(['type ', name], ' =', rhs, isBreakableUnion(t, options) ? 'break-after-operator' : 'fluid'),
    ';',
  ];
}

/**
 * prettier's assignment layouts (`left = right`, `key: value`):
 * break-after-operator moves the whole right side to the next line when it
 * does not fit; fluid does so only when even its first part does not fit;
 * never-break keeps it on the line.
 */
export function assignment(
  left: Doc,
  operator: string,
  right: Doc,
  layout: 'break-after-operator' | 'fluid' | 'never-break',
): Doc {
  if (layout === 'never-break') return group([left, operator, ' ', right]);
  if (layout === 'break-after-operator') return group([left, operator, group(indent([line, right]))]);
  const id = Symbol('assignment');
  return group([left, operator, group(indent(line), { id }), indentIfBreak(right, id)]);
}

/** A key prettier finds too short to be worth breaking after (`id: …`): narrower than tabWidth + 3. */
export const isShortKey = (key: string) => key.length < 5;

/** `key: 'text'` in an object literal: a long string moves to the next line, unless the key is short. */
export const stringProperty = (key: string, value: string): Doc =>
  assignment(key, ':', tsString(value), isShortKey(key) ? 'never-break' : 'break-after-operator');

/** `[a, b]`: flat, or one element a line with a trailing comma. */
export function arrayDoc(items: Doc[]): Doc {
  if (!items.length) return '[]';
  return group(['[', indent([softline, join([',', line], items)]), ifBreak(','), softline, ']']);
}

/** `key: value` in an object literal where the value is not a string (prettier's fluid layout, or none for a short key). */
export const valueProperty = (key: string, value: Doc): Doc =>
  assignment(key, ':', value, isShortKey(key) ? 'never-break' : 'fluid');

/** `(a, b)` call arguments. */
export function callArguments(args: Doc[]): Doc {
  if (!args.length) return '()';
  return group(['(', indent([softline, join([',', line], args)]), ifBreak(','), softline, ')']);
}

/** `(a: A, b?: B)` parameters. */
export function parameterList(params: Doc[]): Doc[] {
  if (!params.length) return ['()'];
  return ['(', indent([softline, join([',', line], params)]), ifBreak(','), softline, ')'];
}

/** `import type { A, B } from 'x';`: the names break one a line when the statement does not fit. */
export function importDoc(names: string[], from: string, typeOnly: boolean): Doc {
  return [
    typeOnly ? 'import type ' : 'import ',
    group(['{', indent([line, join([',', line], names)]), ifBreak(','), line, '}']),
    ' from ',
    tsString(from),
    ';',
  ];
}

/**
 * An import statement as prettier prints it. Names and module paths are
 * identifiers and paths the generator made; a line it cannot vouch for is
 * left to the format stage's checks (a line over printWidth goes through prettier).
 */
export function importStatement(names: string[], from: string, typeOnly: boolean): string {
  return print(importDoc(names, from, typeOnly), { printWidth: PRETTIER_FORM.printWidth });
}
