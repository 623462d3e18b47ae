// Structural diff of the document itself: info, servers, the named schemas
// (each is an exported type of the SDK), the problem catalogue (each entry
// is a `problemTypes` constant of the SDK) and any other root field.
import type { JsonObject } from '../../pipeline/load.ts';
import { same } from '../canonical.ts';
import type { StructuralChange } from '../changes.ts';
import { isObject, pointerJoin } from '../normalise.ts';
import type { DiffContext } from './context.ts';

/** Root fields compared elsewhere (paths, security) or below. */
const HANDLED = new Set(['paths', 'components', 'security', 'info', 'servers', 'x-astra-problem-catalogue']);

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
  out.push(...diffProblemCatalogue(ctx));
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (!HANDLED.has(field) && !same(b[field], a[field]))
      change('document-keyword-changed', pointerJoin('#', field), { keyword: field });
  }
  return out;
}

function namedSchemas(doc: JsonObject): JsonObject {
  return isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
}

/** Problem types by number: the SDK names each `problemTypes.<name>`, with its status, title and description. */
function diffProblemCatalogue(ctx: DiffContext): StructuralChange[] {
  const before = new Map(ctx.base.model.problems.map((p) => [p.number, p]));
  const after = new Map(ctx.revision.model.problems.map((p) => [p.number, p]));
  const out: StructuralChange[] = [];
  const change = (kind: StructuralChange['kind'], number: number, extra: Partial<StructuralChange> = {}) =>
    out.push({
      kind,
      operation: null,
      direction: null,
      location: pointerJoin('#/x-astra-problem-catalogue', number),
      context: `problem type ${number}`,
      subject: '',
      ...extra,
    });
  for (const [number, p] of before)
    if (!after.has(number)) change('problem-type-removed', number, { before: `problemTypes.${p.name}` });
  for (const [number, p] of after) {
    const was = before.get(number);
    if (!was) change('problem-type-added', number, { after: `problemTypes.${p.name}` });
    else if (was.name !== p.name)
      change('problem-type-renamed', number, { before: `problemTypes.${was.name}`, after: `problemTypes.${p.name}` });
    // Which operations list it is the operations' own change (response-problem-types-changed).
    else if (!same({ ...was, operations: [] } as never, { ...p, operations: [] } as never))
      change('problem-type-changed', number, { after: `problemTypes.${p.name}` });
  }
  return out;
}
