// Structural diff of the paths (Paths, Path Item and Operation Objects):
// operations added or removed, and for each operation both sides have, its
// own fields, then its security, parameters, request body and responses.
import type { OperationRef, StructuralChange } from '../changes.ts';
import type { NormalisedOperation } from '../normalise.ts';
import { pointerJoin } from '../normalise.ts';
import type { DiffContext } from './context.ts';
import { same } from '../canonical.ts';
import { diffParameters } from './parameters.ts';
import { diffRequestBody } from './request-body.ts';
import { diffResponses } from './responses.ts';
import { diffOperationSecurity } from './security.ts';

/** Fields compared below or by the modules this one calls; anything else is reported as it is. */
const HANDLED = new Set([
  'operationId',
  'deprecated',
  'summary',
  'description',
  'tags',
  'parameters',
  'requestBody',
  'responses',
  'security',
  'x-astra-problems',
]);

const refOf = (op: NormalisedOperation): OperationRef => ({ method: op.method, path: op.path });
const firstTag = (op: NormalisedOperation) => (Array.isArray(op.node.tags) ? (op.node.tags[0] ?? null) : null);

export function diffOperations(ctx: DiffContext): StructuralChange[] {
  const out: StructuralChange[] = [];
  for (const [key, b] of ctx.base.operations) {
    if (!ctx.revision.operations.has(key)) {
      out.push({
        kind: 'operation-removed',
        operation: refOf(b),
        direction: null,
        location: b.pointer,
        context: 'the operation',
        subject: '',
        before: b.accessor,
        deprecated: b.node.deprecated === true,
      });
    }
  }
  for (const [key, a] of ctx.revision.operations) {
    const b = ctx.base.operations.get(key);
    if (!b)
      out.push({
        kind: 'operation-added',
        operation: refOf(a),
        direction: null,
        location: a.pointer,
        context: 'the operation',
        subject: '',
        after: a.accessor,
      });
    else out.push(...diffOperation(ctx, b, a));
  }
  return out;
}

function diffOperation(ctx: DiffContext, b: NormalisedOperation, a: NormalisedOperation): StructuralChange[] {
  const operation = refOf(a);
  const out: StructuralChange[] = [];
  const change = (kind: StructuralChange['kind'], field: string | null, extra: Partial<StructuralChange> = {}) =>
    out.push({
      kind,
      operation,
      direction: null,
      location: field ? pointerJoin(a.pointer, field) : a.pointer,
      context: 'the operation',
      subject: '',
      ...extra,
    });

  if (b.node.operationId !== a.node.operationId)
    change('operation-id-changed', 'operationId', {
      before: b.node.operationId ?? null,
      after: a.node.operationId ?? null,
    });
  if (b.node.deprecated !== true && a.node.deprecated === true) change('operation-deprecated', 'deprecated');
  if (b.node.deprecated === true && a.node.deprecated !== true) change('operation-reactivated', 'deprecated');
  if (b.node.summary !== a.node.summary) change('operation-summary-changed', 'summary');
  if (b.node.description !== a.node.description) change('operation-description-changed', 'description');
  if (firstTag(b) !== firstTag(a)) change('operation-tag-changed', 'tags', { before: firstTag(b), after: firstTag(a) });
  if (b.accessor !== a.accessor) change('sdk-method-changed', null, { before: b.accessor, after: a.accessor });
  b.pathParameterNames.forEach((name, i) => {
    const now = a.pathParameterNames[i]!;
    if (name !== now)
      change('path-parameter-renamed', null, { before: name, after: now, location: pointerJoin('#/paths', a.path) });
  });
  for (const field of new Set([...Object.keys(b.node), ...Object.keys(a.node)])) {
    if (HANDLED.has(field)) continue;
    if (!same(b.node[field], a.node[field])) {
      change('operation-keyword-changed', field, {
        keyword: field,
        before: b.node[field] ?? null,
        after: a.node[field] ?? null,
      });
    }
  }
  out.push(...diffOperationSecurity(b, a, operation));
  out.push(...diffParameters(ctx, b, a, operation));
  out.push(...diffRequestBody(ctx, b, a, operation));
  out.push(...diffResponses(ctx, b, a, operation));
  return out;
}
