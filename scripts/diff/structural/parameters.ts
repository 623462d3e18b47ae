// Structural diff of an operation's parameters (Parameter Objects, path item
// and operation merged by normalise). Query, header and cookie parameters
// match by location and name; path parameters by position, because the
// generated client passes them positionally (a rename is reported by the
// operation module).
import type { OperationRef, StructuralChange } from '../changes.ts';
import type { NormalisedOperation, NormalisedParameter } from '../normalise.ts';
import { pointerJoin } from '../normalise.ts';
import { type DiffContext, placeSchemaDeltas } from './context.ts';

const contextOf = (p: NormalisedParameter) => `${p.in} parameter \`${p.name}\``;
const isRequired = (p: NormalisedParameter) => p.in === 'path' || p.node.required === true;
const STYLE_KEYWORDS = ['style', 'explode', 'allowReserved', 'allowEmptyValue'] as const;

export function diffParameters(
  ctx: DiffContext,
  base: NormalisedOperation,
  revision: NormalisedOperation,
  operation: OperationRef,
): StructuralChange[] {
  const out: StructuralChange[] = [];
  const change = (kind: StructuralChange['kind'], p: NormalisedParameter, extra: Partial<StructuralChange> = {}) =>
    out.push({
      kind,
      operation,
      direction: 'request',
      location: p.pointer,
      context: contextOf(p),
      subject: '',
      ...extra,
    });

  for (const [key, b] of base.parameters) {
    if (!revision.parameters.has(key)) change('parameter-removed', b, { required: isRequired(b) });
  }
  for (const [key, a] of revision.parameters) {
    const b = base.parameters.get(key);
    if (!b) {
      change('parameter-added', a, { required: isRequired(a) });
      continue;
    }
    if (!isRequired(b) && isRequired(a)) change('parameter-became-required', a);
    if (isRequired(b) && !isRequired(a)) change('parameter-became-optional', a);
    if (b.node.deprecated !== true && a.node.deprecated === true) change('parameter-deprecated', a);
    if (b.node.description !== a.node.description) change('parameter-description-changed', a);
    for (const k of STYLE_KEYWORDS) {
      if (b.node[k] !== a.node[k])
        change('parameter-style-changed', a, { keyword: k, before: b.node[k] ?? null, after: a.node[k] ?? null });
    }
    const deltas = ctx.schemas.diff(b.node.schema, a.node.schema, 'request');
    out.push(
      ...placeSchemaDeltas(deltas, {
        operation,
        direction: 'request',
        pointer: pointerJoin(a.pointer, 'schema'),
        context: contextOf(a),
      }),
    );
  }
  return out;
}
