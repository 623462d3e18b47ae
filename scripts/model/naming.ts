// Names derived from spec text. Spec strings are untrusted: everything that
// becomes an identifier or a file name goes through here, so output is always
// valid TypeScript and file names never leave the output folder.

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'as implements interface let package private protected public static yield any boolean constructor declare get ' +
    'module require number set string symbol type from of unknown never object undefined await async'
  ).split(' '),
);

/**
 * Splits text into words at non-alphanumerics and case changes: a lower→upper
 * change (`managedClusters`), and the end of an acronym before a capitalised
 * word (`JSONResource` → `JSON`, `Resource`). An acronym's plural stays one
 * word (`APIs`), and digits stay with the letters before them (`S3`, `v1`).
 */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z](?!s(?![a-z]))[a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/** An acronym (`JSON`, `ID`, `S3`, `APIs`): written as one word in camelCase (`Json`, `Id`, `S3`, `Apis`). */
const isAcronym = (word: string): boolean => /^[A-Z][A-Z0-9]+s?$/.test(word);

/** A word as it stands inside a camelCase name: capitalised, an acronym's other letters lowercased. */
function capitalised(word: string): string {
  const rest = isAcronym(word) ? word.slice(1).toLowerCase() : word.slice(1);
  return word.charAt(0).toUpperCase() + rest;
}

/** camelCase with acronyms as words: `JSON resource conflict` → `jsonResourceConflict`. */
export function camelCase(text: string): string {
  return words(text)
    .map((w, i) => (i > 0 ? capitalised(w) : isAcronym(w) ? w.toLowerCase() : w.charAt(0).toLowerCase() + w.slice(1)))
    .join('');
}

/** PascalCase; acronyms keep their letters in type names (`JSONResource`), as the spec's schema keys do. */
export function pascalCase(text: string): string {
  return words(text)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** A safe identifier for a value or parameter: never reserved, never empty, never starts with a digit. */
export function identifier(text: string, fallback = 'value'): string {
  let id = camelCase(text);
  if (!id) id = fallback;
  if (/^[0-9]/.test(id)) id = `_${id}`;
  if (RESERVED.has(id)) id = `${id}_`;
  return id;
}

/** A safe type name (PascalCase). */
export function typeName(text: string, fallback = 'Schema'): string {
  let id = pascalCase(text);
  if (!id) id = fallback;
  if (/^[0-9]/.test(id)) id = `T${id}`;
  if (RESERVED.has(id.toLowerCase()) && id.toLowerCase() === id) id = `${id}_`;
  return id;
}

/**
 * Type names a generated declaration must not take: the standard library's
 * globals (a schema named `Error` exported as `type Error` would shadow the
 * global in every file that imports it) and the runtime types the generated
 * modules import by name.
 */
export const GLOBAL_TYPE_NAMES: ReadonlySet<string> = new Set(
  (
    'Array ArrayBuffer BigInt Blob Boolean DataView Date Error EvalError Event EventTarget Exclude Extract File ' +
    'FormData Function Headers InstanceType Iterable Iterator JSON Map Math NonNullable Number Object Omit ' +
    'Parameters Partial Pick Promise PromiseLike Proxy RangeError Readonly ReadonlyArray Record ReferenceError ' +
    'Reflect RegExp Request Required Response ReturnType Set String Symbol SyntaxError TypeError URIError URL ' +
    'URLSearchParams WeakMap WeakRef WeakSet AbortSignal AbortController TextDecoder TextEncoder Uint8Array ' +
    // What generated modules import from the runtime.
    'ApiPromise BodyInput ConditionalRequestOptions ListQuery OperationDescriptor Pager RequestOptions ' +
    'Runtime Selected WaitOptions AstraClientResources ClientResources'
  ).split(' '),
);

/**
 * Type names for the spec's schema keys, unique, none of them a global: a
 * global's name gets `Model` appended (`Error` → `ErrorModel`; `Body` when
 * the spec already has an `ErrorModel`). Returns each name and, for a renamed
 * one, the name it would have shadowed.
 */
export function schemaTypeNames(keys: string[]): { name: string; shadows?: string }[] {
  const base = keys.map((k) => typeName(k));
  const taken = new Set(base.filter((n) => !GLOBAL_TYPE_NAMES.has(n)));
  const renamed = base.map((n) => {
    if (!GLOBAL_TYPE_NAMES.has(n)) return n;
    const name = [`${n}Model`, `${n}Body`, `${n}Schema`].find((c) => !taken.has(c)) ?? `${n}Model`;
    taken.add(name);
    return name;
  });
  return uniqueNames(renamed).map((name, i) =>
    GLOBAL_TYPE_NAMES.has(base[i]!) ? { name, shadows: base[i]! } : { name },
  );
}

/** A file name stem: lowercase kebab-case of [a-z0-9] only, so it cannot climb out of a folder. */
export function fileStem(text: string, fallback = 'resource'): string {
  const stem = words(text)
    .map((w) => w.toLowerCase())
    .join('-');
  return stem || fallback;
}

/** Whether a property name can be written bare in TypeScript. */
export function isPlainPropertyName(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** Makes names in a list unique by appending 2, 3, … in order of appearance. */
export function uniqueNames(names: string[]): string[] {
  const used = new Map<string, number>();
  const taken = new Set(names);
  return names.map((n) => {
    const count = used.get(n) ?? 0;
    used.set(n, count + 1);
    if (count === 0) return n;
    let i = count + 1;
    while (taken.has(`${n}${i}`)) i++;
    taken.add(`${n}${i}`);
    return `${n}${i}`;
  });
}
