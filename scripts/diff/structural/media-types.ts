// Structural diff of a `content` map (Media Type Objects) of a request body
// or a success response: media types added or removed, and the schema of
// each media type both sides have.
import type { Json } from '../../pipeline/load.ts';
import type { Direction, OperationRef, StructuralChange } from '../changes.ts';
import { isObject, pointerJoin } from '../normalise.ts';
import { type DiffContext, placeSchemaDeltas } from './context.ts';

export function diffContent(
  ctx: DiffContext,
  before: Json | undefined,
  after: Json | undefined,
  at: {
    operation: OperationRef;
    direction: Direction;
    pointer: string;
    basePointer: string;
    context: string;
    success?: boolean;
  },
): StructuralChange[] {
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const out: StructuralChange[] = [];
  const facts = at.success === undefined ? {} : { success: at.success };
  for (const mediaType of Object.keys(b)) {
    if (!(mediaType in a)) {
      out.push({
        kind: 'media-type-removed',
        operation: at.operation,
        direction: at.direction,
        location: pointerJoin(at.basePointer, mediaType),
        context: at.context,
        subject: '',
        before: mediaType,
        ...facts,
      });
    }
  }
  for (const mediaType of Object.keys(a)) {
    const pointer = pointerJoin(at.pointer, mediaType);
    if (!(mediaType in b)) {
      out.push({
        kind: 'media-type-added',
        operation: at.operation,
        direction: at.direction,
        location: pointer,
        context: at.context,
        subject: '',
        after: mediaType,
        ...facts,
      });
      continue;
    }
    const bm = b[mediaType];
    const am = a[mediaType];
    const deltas = ctx.schemas.diff(
      isObject(bm) ? bm.schema : undefined,
      isObject(am) ? am.schema : undefined,
      at.direction,
    );
    const context = Object.keys(a).length > 1 ? `${at.context} (${mediaType})` : at.context;
    out.push(
      ...placeSchemaDeltas(deltas, {
        operation: at.operation,
        direction: at.direction,
        pointer: pointerJoin(pointer, 'schema'),
        context,
      }),
    );
  }
  return out;
}
