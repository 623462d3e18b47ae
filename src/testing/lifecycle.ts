// Long-running resources. A collection whose read schema has a `state` enum
// with pending, running and completed (backups and snapshots in Astra's
// spec) starts every new resource `pending`; reads then see it `running`
// after a third of the configured duration and `completed` once the whole
// duration has passed (0 in tests: the first read after the create already
// sees it completed). `stateUnready`, `stateDetails` and the progress
// members move with it, as the spec describes them, so clients can poll.
import type { JsonObject } from '../../scripts/util/json.ts';

export type LifecycleState = 'pending' | 'running' | 'completed';

export function stateAt(elapsedMs: number, durationMs: number): LifecycleState {
  if (elapsedMs >= durationMs) return 'completed';
  return elapsedMs >= durationMs / 3 ? 'running' : 'pending';
}

const noun = (resourceType: string) => resourceType.replace(/^application\/astra-/, '') || 'resource';

/**
 * The representation in a lifecycle state. Only members the read schema
 * declares are written (`declared`), so the result still validates.
 */
export function withState(body: JsonObject, state: LifecycleState, declared: ReadonlySet<string>): JsonObject {
  const out: JsonObject = { ...body, state };
  const what = noun(typeof body.type === 'string' ? body.type : '');
  if (declared.has('stateUnready'))
    out.stateUnready =
      state === 'completed'
        ? []
        : [state === 'pending' ? `The ${what} has not started yet.` : `The ${what} is in progress.`];
  if (declared.has('stateDetails')) {
    out.stateDetails =
      state === 'completed'
        ? []
        : [
            {
              type: `https://astra.netapp.io/stateDetails/${state}`,
              title: state === 'pending' ? 'Waiting to start' : 'In progress',
              detail: `The ${what} is ${state}.`,
            },
          ];
  }
  const percent = state === 'completed' ? 100 : state === 'running' ? 50 : 0;
  if (declared.has('percentDone')) out.percentDone = percent;
  if (declared.has('bytesDone') && typeof out.totalBytes === 'number')
    out.bytesDone = Math.round((out.totalBytes * percent) / 100);
  if (declared.has('stateTransitions')) {
    out.stateTransitions = [
      { from: 'pending', to: ['running'] },
      { from: 'running', to: ['completed'] },
    ];
  }
  return out;
}
