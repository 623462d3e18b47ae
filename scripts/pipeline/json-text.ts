// Strict reading of JSON spec files. JSON.parse is an order of magnitude
// faster than a YAML parser on large generated specs, but it silently keeps
// the last of two equal keys; a spec with duplicate keys is ambiguous, so one
// linear scan over the text finds them and reports line:column, as the YAML
// path does.
import { type Diagnostic, SpecError, lineColumn } from '../util/diagnostics.ts';

export function parseJsonText(text: string, display: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    throw new SpecError([
      { file: display, pointer: at ? lineColumn(text, Number(at[1])) : '', message: `invalid JSON: ${message}` },
    ]);
  }
  const duplicates = duplicateKeys(text);
  if (duplicates.length) {
    throw new SpecError(
      duplicates.map(({ key, offset }): Diagnostic => ({
        file: display,
        pointer: lineColumn(text, offset),
        message: `duplicate key ${JSON.stringify(key)} in one object`,
      })),
    );
  }
  return value;
}

/** Every key that repeats within its object, with the offset of the repeat. Assumes valid JSON. */
export function duplicateKeys(text: string): { key: string; offset: number }[] {
  const found: { key: string; offset: number }[] = [];
  // One entry per open container: a Set of keys for objects, null for arrays.
  const stack: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */) {
      stack.push(new Set());
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      stack.push(null);
      expectKey = false;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      expectKey = stack.length > 0 && stack[stack.length - 1] !== null;
    } else if (c === 0x22 /* " */) {
      const start = i;
      let j = i + 1;
      let escaped = false;
      for (; j < text.length; j++) {
        const d = text.charCodeAt(j);
        if (d === 0x22 /* " */) break;
        if (d === 0x5c /* \ */) {
          escaped = true;
          j++; // the escaped character cannot end the string
        }
      }
      if (expectKey) {
        const raw = text.slice(start, j + 1);
        const key = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        const keys = stack[stack.length - 1]!;
        if (keys.has(key)) found.push({ key, offset: start });
        else keys.add(key);
        expectKey = false;
      }
      i = j;
    }
  }
  return found;
}
