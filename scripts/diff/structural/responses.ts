// Structural diff of an operation's responses (Responses and Response
// Objects): statuses added or removed, descriptions, the problem types an
// error status lists (x-astra-problems), and the content of success
// responses. Error bodies are problem details the runtime reads into its
// error classes, not types of the operation, so their schemas are not
// compared per operation.
import type { OperationRef, StructuralChange } from '../changes.ts';
import type { NormalisedOperation } from '../normalise.ts';
import { isObject, pointerJoin, resolve } from '../normalise.ts';
import type { DiffContext } from './context.ts';
import { diffContent } from './media-types.ts';

const isSuccess = (status: string) => /^2/.test(status);

export function diffResponses(
  ctx: DiffContext,
  base: NormalisedOperation,
  revision: NormalisedOperation,
  operation: OperationRef,
): StructuralChange[] {
  const b = isObject(base.node.responses) ? base.node.responses : {};
  const a = isObject(revision.node.responses) ? revision.node.responses : {};
  const out: StructuralChange[] = [];
  const change = (
    kind: StructuralChange['kind'],
    status: string,
    location: string,
    extra: Partial<StructuralChange> = {},
  ) =>
    out.push({
      kind,
      operation,
      direction: 'response',
      location,
      context: `the ${status} response`,
      subject: '',
      success: isSuccess(status),
      ...extra,
    });

  for (const status of Object.keys(b)) {
    if (!(status in a)) change('response-removed', status, pointerJoin(base.pointer, 'responses', status));
  }
  const problems = (node: NormalisedOperation, status: string) => {
    const listed = isObject(node.node['x-astra-problems']) ? node.node['x-astra-problems'][status] : undefined;
    return JSON.stringify(Array.isArray(listed) ? [...listed].sort() : []);
  };
  for (const status of Object.keys(a)) {
    const pointer = pointerJoin(revision.pointer, 'responses', status);
    if (!(status in b)) {
      change('response-added', status, pointer);
      continue;
    }
    const br = resolve(ctx.base.doc, b[status]).node;
    const ar = resolve(ctx.revision.doc, a[status]).node;
    if (br.description !== ar.description) change('response-description-changed', status, pointer);
    if (!isSuccess(status)) {
      if (problems(base, status) !== problems(revision, status)) {
        change('response-problem-types-changed', status, pointerJoin(revision.pointer, 'x-astra-problems', status), {
          before: JSON.parse(problems(base, status)),
          after: JSON.parse(problems(revision, status)),
        });
      }
      continue;
    }
    out.push(
      ...diffContent(ctx, br.content, ar.content, {
        operation,
        direction: 'response',
        pointer: pointerJoin(pointer, 'content'),
        basePointer: pointerJoin(base.pointer, 'responses', status, 'content'),
        context: `the ${status} response`,
        success: true,
      }),
    );
  }
  return out;
}
