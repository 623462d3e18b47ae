// Where each member sits in openapi-typescript's printed types, so that an
// incremental print (pipeline/incremental-types.mjs) can replace some members
// and leave every other byte alone. The text is TypeScript's printer output,
// whose layout is fixed: top-level declarations at column 0, the members of
// `paths`, `operations` (and `webhooks`) indented 4, those of each
// `components` section (`schemas: { … };`) indented 8, anything nested
// deeper. A member is its JSDoc comment, its key line, and every line up to
// the first one at the member's own indentation that ends with `;` (a nested
// type closes deeper; a union of object literals continues with `} | {` at
// the member's indentation, which does not end with `;`). Plain JavaScript
// so the worker thread can load it under any loader.

const STANDARD_DECLARATIONS = new Set(['paths', 'webhooks', 'components', '$defs', 'operations']);

/**
 * @typedef {{ start: number, end: number }} Span  offsets into the text, `end` past the member's last newline
 * @typedef {{
 *   sections: Map<string, Map<string, Span>>,
 *   extras: string[],
 * }} PrintedMembers
 */

/**
 * The members of each interface section, by section (`paths`, `operations`,
 * `components.schemas`, …) and printed key (`"/a/{b}"`, `Credential`), and
 * the names of the top-level declarations besides the five openapi-typescript
 * always prints (helpers such as `WithRequired`, injected once when some
 * member uses them). null when the text is not laid out as expected or a
 * section holds a key twice: the caller then cannot splice into it.
 *
 * @param {string} text
 * @returns {PrintedMembers | null}
 */
export function printedMembers(text) {
  const lines = splitLines(text);
  const sections = new Map();
  const extras = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.text === '') {
      i++;
      continue;
    }
    const name = declarationName(line.text);
    if (name === null) return null;
    if (!STANDARD_DECLARATIONS.has(name)) extras.push(name);
    const body = closingLine(lines, i, 0);
    if (body < 0) return null;
    if (line.text === `export interface ${name} {`) {
      if (name === 'components') {
        if (!readComponentSections(lines, i + 1, body, sections)) return null;
      } else {
        const members = membersAt(lines, i + 1, body, 4);
        if (!members) return null;
        sections.set(name, members);
      }
    }
    i = body + 1;
  }
  return { sections, extras };
}

/** The text's lines, each with its start offset and end offset (past its newline). */
function splitLines(text) {
  const lines = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline + 1;
    lines.push({ text: text.slice(start, newline < 0 ? end : newline), start, end });
    start = end;
  }
  return lines;
}

const DECLARATION_RE = /^(?:export )?(?:interface|type|enum|const|declare const) ([A-Za-z_$][\w$]*)/;

function declarationName(line) {
  return DECLARATION_RE.exec(line)?.[1] ?? null;
}

function indentOf(line) {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

/** The index of the line that ends the statement or member starting at `from`, at `indent`; -1 if none does. */
function closingLine(lines, from, indent) {
  for (let i = from; i < lines.length; i++) {
    const text = lines[i].text;
    if (indentOf(text) === indent && text.length > indent && text.endsWith(';')) return i;
    if (indent === 0 && i > from && text === '}') return i;
    if (indent === 0 && i === from && text.endsWith('}')) return i;
  }
  return -1;
}

/** `components`' sections (`schemas: { … };` or `schemas: never;`), each as its members at indent 8. */
function readComponentSections(lines, from, to, sections) {
  let i = from;
  while (i < to) {
    const text = lines[i].text;
    const match = /^ {4}(\w+): (\{|never;)$/.exec(text);
    if (!match) return false;
    if (match[2] === 'never;') {
      sections.set(`components.${match[1]}`, new Map());
      i++;
      continue;
    }
    const end = closingLine(lines, i, 4);
    if (end < 0 || end >= to || lines[end].text !== '    };') return false;
    const members = membersAt(lines, i + 1, end, 8);
    if (!members) return false;
    sections.set(`components.${match[1]}`, members);
    i = end + 1;
  }
  return true;
}

/** The members between lines `from` and `to` (exclusive) at `indent`, by printed key; null on a malformed body or a repeated key. */
function membersAt(lines, from, to, indent) {
  const members = new Map();
  let i = from;
  while (i < to) {
    const end = closingLine(lines, i, indent);
    if (end < 0 || end >= to) return null;
    const key = memberKey(lines, i, end, indent);
    if (key === null || members.has(key)) return null;
    members.set(key, { start: lines[i].start, end: lines[end].end });
    i = end + 1;
  }
  return members;
}

/** The printed key of the member on lines `from`..`to`: its first line after its JSDoc comment, up to the colon. */
function memberKey(lines, from, to, indent) {
  let i = from;
  if (lines[i].text.slice(indent).startsWith('/**')) {
    while (i <= to && !lines[i].text.includes('*/')) i++;
    i++;
  }
  if (i > to) return null;
  const text = lines[i].text;
  if (indentOf(text) !== indent) return null;
  const rest = text.slice(indent);
  if (rest.startsWith('"')) {
    let j = 1;
    while (j < rest.length && rest[j] !== '"') j += rest[j] === '\\' ? 2 : 1;
    return j < rest.length ? rest.slice(0, j + 1) : null;
  }
  return /^[^?:\s]+/.exec(rest)?.[0] ?? null;
}
