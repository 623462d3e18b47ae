// Structural diff of an operation's request body (Request Body Object):
// added, removed, required or not, its description, then its content.
import type { OperationRef, StructuralChange } from '../changes.ts';
import type { NormalisedOperation } from '../normalise.ts';
import { pointerJoin, resolve } from '../normalise.ts';
import type { DiffContext } from './context.ts';
import { diffContent } from './media-types.ts';

const CONTEXT = 'the request body';

export function diffRequestBody(
  ctx: DiffContext,
  base: NormalisedOperation,
  revision: NormalisedOperation,
  operation: OperationRef,
): StructuralChange[] {
  const hasB = base.node.requestBody !== undefined;
  const hasA = revision.node.requestBody !== undefined;
  const b = resolve(ctx.base.doc, base.node.requestBody).node;
  const a = resolve(ctx.revision.doc, revision.node.requestBody).node;
  const pointer = pointerJoin(revision.pointer, 'requestBody');
  const change = (kind: StructuralChange['kind'], extra: Partial<StructuralChange> = {}): StructuralChange => ({
    kind,
    operation,
    direction: 'request',
    location: pointer,
    context: CONTEXT,
    subject: '',
    ...extra,
  });
  if (!hasB && !hasA) return [];
  if (hasB && !hasA) return [change('request-body-removed', { location: pointerJoin(base.pointer, 'requestBody') })];
  if (!hasB) return [change('request-body-added', { required: a.required === true })];
  const out: StructuralChange[] = [];
  if (b.required !== true && a.required === true) out.push(change('request-body-became-required'));
  if (b.required === true && a.required !== true) out.push(change('request-body-became-optional'));
  if (b.description !== a.description) out.push(change('request-body-description-changed'));
  out.push(
    ...diffContent(ctx, b.content, a.content, {
      operation,
      direction: 'request',
      pointer: pointerJoin(pointer, 'content'),
      basePointer: pointerJoin(base.pointer, 'requestBody', 'content'),
      context: CONTEXT,
    }),
  );
  return out;
}
