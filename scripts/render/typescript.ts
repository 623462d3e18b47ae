// Prints TypeNodes as TypeScript. Literals go through stringLiteral and doc
// comments through docCommentLines, so no spec text is written raw.
import type { DocModel, PropertyModel, TypeNode } from '../model/types.ts';
import { isPlainPropertyName } from '../model/naming.ts';
import { docCommentLines, stringLiteral } from './escape.ts';

export interface PrintOptions {
  /** Leave out properties for which this returns true (e.g. writeOnly in read shapes). */
  omitProperty?: (p: PropertyModel) => boolean;
  indent?: string;
  /**
   * Named types that refer back to themselves. A map whose values reach one
   * is printed as an index signature: `Record<string, T>` inside T's own
   * alias is a circular reference TypeScript rejects.
   */
  recursive?: ReadonlySet<string>;
}

/** Whether `t` refers to one of `names`. */
export function mentions(t: TypeNode, names: ReadonlySet<string>): boolean {
  switch (t.kind) {
    case 'ref':
      return names.has(t.name);
    case 'array':
      return mentions(t.items, names);
    case 'object':
      return (
        t.properties.some((p) => mentions(p.type, names)) || (t.additional !== null && mentions(t.additional, names))
      );
    case 'union':
    case 'intersection':
      return t.members.some((m) => mentions(m, names));
    default:
      return false;
  }
}

export function printType(t: TypeNode, options: PrintOptions = {}, depth = 0): string {
  const indent = options.indent ?? '  ';
  switch (t.kind) {
    case 'ref':
      return t.name;
    case 'primitive':
      return t.type;
    case 'openString':
      return 'string & {}';
    case 'literal':
      return typeof t.value === 'string' ? stringLiteral(t.value) : String(t.value);
    case 'array': {
      const inner = printType(t.items, options, depth);
      return /^[A-Za-z0-9_."'-]+$/.test(inner) && !inner.includes('|') ? `${inner}[]` : `Array<${inner}>`;
    }
    case 'union':
      return t.members.map((m) => wrap(printType(m, options, depth), m)).join(' | ');
    case 'intersection':
      return t.members.map((m) => wrap(printType(m, options, depth), m)).join(' & ');
    case 'object': {
      const props = t.properties.filter((p) => !options.omitProperty?.(p));
      if (!props.length) {
        if (t.additional === null) return 'Record<string, never>';
        const value = printType(t.additional, options, depth);
        return options.recursive && mentions(t.additional, options.recursive)
          ? `{ [key: string]: ${value} }`
          : `Record<string, ${value}>`;
      }
      const pad = indent.repeat(depth + 1);
      const lines = props.map((p) => {
        const doc = docComment(propertyDoc(p), pad);
        const key = isPlainPropertyName(p.name) ? p.name : stringLiteral(p.name);
        const ro = p.readOnly ? 'readonly ' : '';
        return `${doc}${pad}${ro}${key}${p.required ? '' : '?'}: ${printType(p.type, options, depth + 1)};`;
      });
      return `{\n${lines.join('\n')}\n${indent.repeat(depth)}}`;
    }
  }
}

function wrap(text: string, t: TypeNode): string {
  return t.kind === 'union' || t.kind === 'intersection' || t.kind === 'openString' ? `(${text})` : text;
}

function propertyDoc(p: PropertyModel): DocModel {
  const extra: string[] = [];
  if (p.secret) extra.push('Secret: redacted from errors, logs and hooks; never returned by the service.');
  else if (p.writeOnly) extra.push('Write-only: never returned by the service.');
  return extra.length ? { ...p.doc, description: [p.doc.description, ...extra].filter(Boolean).join('\n\n') } : p.doc;
}

/** A full doc comment for a schema or property, or '' when there is nothing to say. */
export function docComment(doc: DocModel, pad = ''): string {
  const lines = docCommentText(doc);
  if (!lines.length) return '';
  return `${pad}/**\n${lines.map((l) => `${pad} *${l ? ` ${l}` : ''}`).join('\n')}\n${pad} */\n`;
}

/** The doc comment of a property, as lines without the comment markers. */
export const propertyDocLines = (p: PropertyModel): string[] => docCommentText(propertyDoc(p));

/** The lines of a doc comment (title, description, facts, tags) without the comment markers. */
export function docCommentText(doc: DocModel): string[] {
  const lines: string[] = [];
  if (doc.title) lines.push(...docCommentLines(doc.title));
  if (doc.description) {
    if (lines.length) lines.push('');
    lines.push(...docCommentLines(doc.description));
  }
  const facts: string[] = [];
  if (doc.format) facts.push(`Format: ${doc.format}.`);
  if (doc.constraints.length) facts.push(`Constraints: ${doc.constraints.join(', ')}.`);
  if (doc.pattern) facts.push(`Pattern: \`${doc.pattern}\``);
  if (facts.length) {
    if (lines.length) lines.push('');
    lines.push(...facts.flatMap(docCommentLines));
  }
  if (doc.default !== undefined) lines.push(...docCommentLines(`@defaultValue ${doc.default}`));
  if (doc.example !== undefined && doc.example.length <= 2000)
    lines.push(...docCommentLines(`@example ${doc.example}`));
  if (doc.deprecated) lines.push('@deprecated');
  return lines;
}
