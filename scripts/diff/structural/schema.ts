// Structural diff of two schemas (the Schema Object), from the normalised
// views of schema-view.ts. Reports what changed, relative to the schema's
// own location; the callers (parameters, media types) place it in an
// operation. A schema reached through the same pair of `$ref`s is diffed once
// per direction and reused, so a shared component costs one walk however
// many operations use it, and recursive schemas terminate.
import type { Json, JsonObject } from '../../pipeline/load.ts';
import type { ChangeKind, Direction } from '../changes.ts';
import { resolve } from '../normalise.ts';
import { canonical, same } from '../canonical.ts';
import { CONSTRAINT_KEYWORDS, DOC_KEYWORDS, type SchemaView, viewSchema } from './schema-view.ts';

export interface SchemaDelta {
  kind: ChangeKind;
  /** Pointer tokens below the schema. */
  tokens: (string | number)[];
  /** Property path below the schema (`keyStore`, `certificate`; `[]` for array items). */
  path: string[];
  before?: Json;
  after?: Json;
  required?: boolean;
  keyword?: string;
}

const MAX_INLINE_DEPTH = 64;

export class SchemaDiff {
  private readonly memo = new Map<string, SchemaDelta[]>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly base: JsonObject,
    private readonly revision: JsonObject,
  ) {}

  diff(before: Json | undefined, after: Json | undefined, direction: Direction, depth = 0): SchemaDelta[] {
    // The memo key is known before either view is built: the first $ref of each side.
    const bRef = resolve(this.base, before).ref;
    const aRef = resolve(this.revision, after).ref;
    const view = () => [viewSchema(this.base, before), viewSchema(this.revision, after)] as const;
    if (bRef === null || aRef === null)
      return depth > MAX_INLINE_DEPTH ? [] : this.compare(...view(), direction, depth);
    const key = `${direction} ${bRef} ${aRef}`;
    const known = this.memo.get(key);
    if (known) return known;
    // A recursive schema meets itself: the outer walk reports its changes.
    if (this.inProgress.has(key)) return [];
    this.inProgress.add(key);
    const deltas = this.compare(...view(), direction, 0);
    this.inProgress.delete(key);
    this.memo.set(key, deltas);
    return deltas;
  }

  private compare(b: SchemaView, a: SchemaView, direction: Direction, depth: number): SchemaDelta[] {
    const out: SchemaDelta[] = [];
    const here = (kind: ChangeKind, extra: Partial<SchemaDelta> = {}) =>
      out.push({ kind, tokens: [], path: [], ...extra });
    const below = (deltas: SchemaDelta[], tokens: (string | number)[], path: string[]) => {
      for (const d of deltas) out.push({ ...d, tokens: [...tokens, ...d.tokens], path: [...path, ...d.path] });
    };

    if (b.types.join() !== a.types.join()) here('type-changed', { before: typeText(b), after: typeText(a) });
    if (b.nullable !== a.nullable) here(a.nullable ? 'nullable-added' : 'nullable-removed');
    if (b.format !== a.format) here('format-changed', { before: b.format ?? null, after: a.format ?? null });
    this.compareEnums(b, a, here);
    this.compareConstraints(b, a, here);
    if (!same(b.default, a.default)) here('default-changed', { before: b.default ?? null, after: a.default ?? null });
    if (b.deprecated !== a.deprecated) here(a.deprecated ? 'schema-deprecated' : 'schema-reactivated');
    for (const k of DOC_KEYWORDS) if (!same(b.docs[k], a.docs[k])) here('schema-docs-changed', { keyword: k });
    for (const k of new Set([...b.rest.keys(), ...a.rest.keys()])) {
      if (!same(b.rest.get(k), a.rest.get(k)))
        here('schema-keyword-changed', { keyword: k, before: b.rest.get(k) ?? null, after: a.rest.get(k) ?? null });
    }
    // Below a type change the shapes are unrelated; the type change says it all.
    if (out.some((d) => d.kind === 'type-changed')) return out;

    // Properties the direction never carries (readOnly ones in a request,
    // writeOnly ones in a response) are not part of it.
    const carried = (doc: JsonObject, schema: Json) => {
      const s = resolve(doc, schema).node;
      return direction === 'request' ? s.readOnly !== true : s.writeOnly !== true;
    };
    const names = new Set([...b.properties.keys(), ...a.properties.keys()]);
    for (const name of [...names].sort()) {
      const bp = b.properties.get(name);
      const ap = a.properties.get(name);
      const inB = bp !== undefined && carried(this.base, bp);
      const inA = ap !== undefined && carried(this.revision, ap);
      if (inB && !inA)
        here('property-removed', {
          tokens: [...b.inner, 'properties', name],
          path: [name],
          required: b.required.has(name),
        });
      else if (!inB && inA)
        here('property-added', {
          tokens: [...a.inner, 'properties', name],
          path: [name],
          required: a.required.has(name),
        });
      else if (inB && inA) {
        if (!b.required.has(name) && a.required.has(name))
          here('property-became-required', { tokens: [...a.inner, 'properties', name], path: [name] });
        if (b.required.has(name) && !a.required.has(name))
          here('property-became-optional', { tokens: [...a.inner, 'properties', name], path: [name] });
        below(this.diff(bp, ap, direction, depth + 1), [...a.inner, 'properties', name], [name]);
      }
    }

    if (b.items !== undefined && a.items !== undefined)
      below(this.diff(b.items, a.items, direction, depth + 1), [...a.inner, 'items'], ['[]']);

    const allows = (x: SchemaView) => x.additional !== false;
    if (allows(b) && !allows(a)) here('additional-properties-refused');
    if (!allows(b) && allows(a)) here('additional-properties-allowed');
    if (typeof b.additional === 'object' && typeof a.additional === 'object') {
      below(
        this.diff(b.additional, a.additional, direction, depth + 1),
        [...a.inner, 'additionalProperties'],
        ['[key]'],
      );
    }

    this.compareVariants(b, a, direction, depth, here, below);
    return out;
  }

  private compareEnums(b: SchemaView, a: SchemaView, here: (kind: ChangeKind, extra?: Partial<SchemaDelta>) => void) {
    if (b.enum === null && a.enum === null) return;
    if (b.enum === null) return here('enum-added', { after: a.enum });
    if (a.enum === null) return here('enum-removed', { before: b.enum });
    const text = canonical;
    const before = new Set(b.enum.map(text));
    const after = new Set(a.enum.map(text));
    for (const v of a.enum) if (!before.has(text(v))) here('enum-value-added', { after: v });
    for (const v of b.enum) if (!after.has(text(v))) here('enum-value-removed', { before: v });
  }

  /** Tighter: an upper bound lowered or added, a lower bound raised or added, a pattern or multipleOf set or changed. */
  private compareConstraints(
    b: SchemaView,
    a: SchemaView,
    here: (kind: ChangeKind, extra?: Partial<SchemaDelta>) => void,
  ) {
    for (const keyword of CONSTRAINT_KEYWORDS) {
      const was = b.constraints[keyword];
      const now = a.constraints[keyword];
      if (same(was, now)) continue;
      let tighter: boolean;
      if (was === undefined || now === undefined) tighter = now !== undefined && now !== false;
      else if (typeof was === 'number' && typeof now === 'number')
        tighter = /^max|Maximum$|^maximum$/.test(keyword) ? now < was : keyword === 'multipleOf' ? true : now > was;
      else tighter = keyword === 'uniqueItems' ? now === true : true;
      here(tighter ? 'constraint-tightened' : 'constraint-relaxed', {
        keyword,
        before: was ?? null,
        after: now ?? null,
      });
    }
  }

  /**
   * oneOf/anyOf members are matched by the named schema they refer to; the
   * members left on both sides are then paired by JSON type, then in order,
   * so an inline member moved behind a $ref is the same member. What is left
   * after that was added or removed.
   */
  private compareVariants(
    b: SchemaView,
    a: SchemaView,
    direction: Direction,
    depth: number,
    here: (kind: ChangeKind, extra?: Partial<SchemaDelta>) => void,
    below: (deltas: SchemaDelta[], tokens: (string | number)[], path: string[]) => void,
  ) {
    if (!b.variants && !a.variants) return;
    const named = (doc: JsonObject, m: Json) => {
      const ref = resolve(doc, m).ref;
      return ref ? ref.slice(ref.lastIndexOf('/') + 1) : null;
    };
    const bm = b.variants?.members ?? [];
    const am = a.variants?.members ?? [];
    const bNames = bm.map((m) => named(this.base, m));
    const aNames = am.map((m) => named(this.revision, m));
    const pairs: [number, number][] = [];
    const matchedB = new Set<number>();
    const matchedA = new Set<number>();
    aNames.forEach((name, i) => {
      const j = name === null ? -1 : bNames.findIndex((n, k) => n === name && !matchedB.has(k));
      if (j !== -1) {
        pairs.push([j, i]);
        matchedB.add(j);
        matchedA.add(i);
      }
    });
    // Then members of the same JSON type, in order; then whatever is left, in order.
    const typeOf = (doc: JsonObject, m: Json) => viewSchema(doc, m).types.join('|');
    const pairLeft = (sameType: boolean) => {
      for (let j = 0; j < bm.length; j++) {
        if (matchedB.has(j)) continue;
        const i = am.findIndex(
          (m, k) => !matchedA.has(k) && (!sameType || typeOf(this.revision, m) === typeOf(this.base, bm[j]!)),
        );
        if (i === -1) continue;
        pairs.push([j, i]);
        matchedB.add(j);
        matchedA.add(i);
      }
    };
    pairLeft(true);
    pairLeft(false);
    const restB = bm.map((_, j) => j).filter((j) => !matchedB.has(j));
    const restA = am.map((_, i) => i).filter((i) => !matchedA.has(i));
    const keyword = a.variants?.keyword ?? b.variants!.keyword;
    for (const [j, i] of pairs) below(this.diff(bm[j], am[i], direction, depth + 1), [...a.inner, keyword, i], []);
    const label = (name: string | null, index: number) => name ?? `member ${index}`;
    for (const i of restA.slice(restB.length))
      here('variant-added', { tokens: [...a.inner, keyword, i], after: label(aNames[i]!, i) });
    for (const j of restB.slice(restA.length))
      here('variant-removed', { tokens: [...b.inner, b.variants!.keyword, j], before: label(bNames[j]!, j) });
  }
}

function typeText(v: SchemaView): string {
  return v.types.length ? v.types.join(' | ') : 'any';
}
