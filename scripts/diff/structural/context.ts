// What every structural module receives: both normalised specs and the one
// schema differ (with its memo) shared by all operations of a run.
import type { Direction, OperationRef, StructuralChange } from '../changes.ts';
import type { NormalisedSpec } from '../normalise.ts';
import { pointerJoin } from '../normalise.ts';
import type { SchemaDelta, SchemaDiff } from './schema.ts';

export interface DiffContext {
  base: NormalisedSpec;
  revision: NormalisedSpec;
  schemas: SchemaDiff;
}

/** Turns a schema's deltas into changes placed in an operation. */
export function placeSchemaDeltas(
  deltas: SchemaDelta[],
  at: { operation: OperationRef; direction: Direction; pointer: string; context: string },
): StructuralChange[] {
  return deltas.map((d) => ({
    kind: d.kind,
    operation: at.operation,
    direction: at.direction,
    location: pointerJoin(at.pointer, ...d.tokens),
    context: at.context,
    subject: propertyPath(d.path),
    ...(d.before !== undefined ? { before: d.before } : {}),
    ...(d.after !== undefined ? { after: d.after } : {}),
    ...(d.required !== undefined ? { required: d.required } : {}),
    ...(d.keyword !== undefined ? { keyword: d.keyword } : {}),
  }));
}

/** `['items', '[]', 'name']` → `items[].name` */
export function propertyPath(path: string[]): string {
  let text = '';
  for (const segment of path)
    text += segment === '[]' || segment === '[key]' ? segment : text ? `.${segment}` : segment;
  return text;
}
