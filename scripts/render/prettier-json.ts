// JSON printed in the layout prettier's `json` parser gives the output of
// JSON.stringify(value, null, 2), without running prettier (on the bundled
// spec that is about a second). The layout, for such input:
// - a non-empty object has one member per line (prettier keeps an object
//   expanded when its source had a line break after `{`, which
//   JSON.stringify always writes); an empty one is `{}`;
// - an array goes on one line when it holds no non-empty object, is not two
//   or more arrays of two or more elements each (prettier always breaks
//   those), and the line fits in printWidth, counting the indentation, the
//   key and a comma that follows; otherwise one element per line;
// - strings, numbers and keys keep JSON.stringify's spelling.
// Cases this does not model return null and the caller runs prettier: an
// array of two or more numbers that does not fit (prettier fills lines with
// them), and text whose display width is not its length (wide or combining
// characters). test/generator/render/prettier-json.test.ts compares the two
// printers on the project's spec, the fixtures and generated values.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Whether every character of `text` is one column wide, as prettier measures width. */
const ONE_COLUMN = /^[\u0020-\u02ff]*$/;

class Unmodelled extends Error {}

export function printJsonLikePrettier(value: unknown, printWidth: number): string | null {
  try {
    return `${print(value as Json, 0)}\n`;
  } catch (e) {
    if (e instanceof Unmodelled) return null;
    throw e;
  }

  /** `value` at `indent` spaces; `prefix` is what precedes it on its line (key), `suffix` what follows (comma). */
  function print(node: Json, indent: number, prefix = 0, suffix = 0): string {
    if (node === null || typeof node !== 'object') return scalar(node);
    const pad = ' '.repeat(indent + 2);
    if (Array.isArray(node)) {
      if (node.length === 0) return '[]';
      const flat = isMatrix(node) ? null : flatArray(node);
      if (flat !== null) {
        if (!ONE_COLUMN.test(flat)) throw new Unmodelled();
        if (indent + prefix + flat.length + suffix <= printWidth) return flat;
        if (node.length > 1 && node.every((n) => typeof n === 'number')) throw new Unmodelled();
      }
      const items = node.map((n, i) => pad + print(n, indent + 2, 0, i < node.length - 1 ? 1 : 0));
      return `[\n${items.join(',\n')}\n${' '.repeat(indent)}]`;
    }
    const keys = Object.keys(node);
    if (keys.length === 0) return '{}';
    const members = keys.map((k, i) => {
      const key = `${JSON.stringify(k)}: `;
      return pad + key + print(node[k]!, indent + 2, key.length, i < keys.length - 1 ? 1 : 0);
    });
    return `{\n${members.join(',\n')}\n${' '.repeat(indent)}}`;
  }
}

/** Two or more arrays of two or more elements each. */
function isMatrix(node: Json[]): boolean {
  return node.length > 1 && node.every((n) => Array.isArray(n) && n.length > 1);
}

/** The array on one line, or null when it holds a non-empty object (which always breaks it). */
function flatArray(node: Json[]): string | null {
  const parts: string[] = [];
  for (const n of node) {
    if (n === null || typeof n !== 'object') parts.push(scalar(n));
    else if (Array.isArray(n)) {
      const inner = n.length === 0 ? '[]' : isMatrix(n) ? null : flatArray(n);
      if (inner === null) return null;
      parts.push(inner);
    } else if (Object.keys(n).length === 0) parts.push('{}');
    else return null;
  }
  return `[${parts.join(', ')}]`;
}

/** A string, number, boolean or null as prettier prints it: JSON.stringify's, but `1e21` for `1e+21`. */
function scalar(value: string | number | boolean | null): string {
  const text = JSON.stringify(value);
  return typeof value === 'number' ? text.replace('e+', 'e') : text;
}
