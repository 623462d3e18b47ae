// Structural diff of the document itself: info, servers, the named schemas
// (each is an exported type of the SDK) and any other root field.
import type { JsonObject } from '../../pipeline/load.ts';
import { same } from '../canonical.ts';
import type { StructuralChange } from '../changes.ts';
import { isObject, pointerJoin } from '../normalise.ts';
import type { DiffContext } from './context.ts';

/** Root fields compared elsewhere (paths, security) or below. */
const HANDLED = new Set(['paths', 'components', 'security', 'info', 'servers']);

export function diffDocument(ctx: DiffContext): StructuralChange[] {
  const b = ctx.base.doc;
  const a = ctx.revision.doc;
  const out: StructuralChange[] = [];
  const change = (kind: StructuralChange['kind'], location: string, extra: Partial<StructuralChange> = {}) =>
    out.push({ kind, operation: null, direction: null, location, context: 'the document', subject: '', ...extra });

  const bi = isObject(b.info) ? b.info : {};
  const ai = isObject(a.info) ? a.info : {};
  if (bi.version !== ai.version)
    change('info-version-changed', '#/info/version', { before: bi.version ?? null, after: ai.version ?? null });
  if (bi.title !== ai.title)
    change('info-title-changed', '#/info/title', { before: bi.title ?? null, after: ai.title ?? null });
  if (bi.description !== ai.description || bi.summary !== ai.summary)
    change('info-description-changed', '#/info/description');
  if (!same(b.servers, a.servers)) change('servers-changed', '#/servers');

  const bs = namedSchemas(b);
  const as = namedSchemas(a);
  for (const name of Object.keys(bs)) {
    if (!(name in as))
      change('component-schema-removed', pointerJoin('#/components/schemas', name), {
        subject: name,
        before: ctx.base.model.schemas.find((s) => s.specName === name)?.name ?? name,
      });
  }
  for (const name of Object.keys(as)) {
    if (!(name in bs))
      change('component-schema-added', pointerJoin('#/components/schemas', name), {
        subject: name,
        after: ctx.revision.model.schemas.find((s) => s.specName === name)?.name ?? name,
      });
  }
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (!HANDLED.has(field) && !same(b[field], a[field]))
      change('document-keyword-changed', pointerJoin('#', field), { keyword: field });
  }
  return out;
}

function namedSchemas(doc: JsonObject): JsonObject {
  return isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
}
