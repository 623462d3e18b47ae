// The document swagger-parser's validate() checks against the OpenAPI schema,
// made without json-schema-ref-parser where that is simple: every $ref of a
// bundled document replaced by its target, itself dereferenced.
//
// swagger-parser dereferences with circular $refs left in place, and its
// dereference crawls every object again each time a $ref leads to it (the
// "ignore" mode keeps no record of objects already crawled): on spec/ it costs
// several times the schema check itself. Where the document has no cycle and
// only plain internal $refs, the result is unique (each $ref is its target),
// so it is built here once per target. Anything else (a cycle, a $ref with
// siblings, a pointer through another $ref or to nothing, a $ref that is not
// `#/…`) gives null, and the caller lets swagger-parser dereference.
// Plain JavaScript, beside heavy-steps.mjs which uses it.

/** Thrown where this simple dereference does not apply. */
class NotSimple extends Error {}

/** The fully dereferenced document (targets shared, input untouched), or null. */
export function dereferenceInternalRefs(document) {
  const done = new Map();
  const active = new Set();
  const resolveRef = (ref) => {
    if (ref !== '#' && !ref.startsWith('#/')) throw new NotSimple('not a JSON-pointer $ref');
    const known = done.get(ref);
    if (known !== undefined) return known;
    if (active.has(ref)) throw new NotSimple('a cycle');
    active.add(ref);
    const value = copy(lookup(document, ref));
    active.delete(ref);
    done.set(ref, value);
    return value;
  };
  const copy = (node) => {
    if (node === null || typeof node !== 'object') return node;
    if (Array.isArray(node)) return node.map(copy);
    if ('$ref' in node && typeof node.$ref === 'string') {
      if (Object.keys(node).length > 1) throw new NotSimple('a $ref with siblings');
      return resolveRef(node.$ref);
    }
    const out = {};
    for (const key of Object.keys(node)) {
      const value = copy(node[key]);
      if (key === '__proto__')
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      else out[key] = value;
    }
    return out;
  };
  try {
    return copy(document);
  } catch (error) {
    if (error instanceof NotSimple || error instanceof RangeError) return null;
    throw error;
  }
}

/**
 * The value a `#/…` pointer names, decoded as json-schema-ref-parser decodes
 * it (`~1`, `~0`, then URI escapes); only through plain objects and arrays.
 */
function lookup(document, ref) {
  let node = document;
  if (ref === '#') return node;
  for (const raw of ref.slice(2).split('/')) {
    let token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    try {
      token = decodeURIComponent(token);
    } catch {
      throw new NotSimple('a pointer URI decoding refuses');
    }
    if (node === null || typeof node !== 'object') throw new NotSimple('a pointer to nothing');
    if ('$ref' in node) throw new NotSimple('a pointer through a $ref');
    if (!Object.prototype.hasOwnProperty.call(node, token)) throw new NotSimple('a pointer to nothing');
    node = node[token];
  }
  return node;
}
