// Problem-details bodies exactly as the spec's Problem schema describes
// Astra's: `type` is the catalogue URI, `status` a string, a `correlationID`
// (a UUIDv4) on every body, and the extension members the catalogue entry
// names (`invalidFields`, `invalidParams`).
import { randomUUID } from 'node:crypto';
import type { ProblemModel } from '../../scripts/model/types.ts';

export interface InvalidEntry {
  name: string;
  reason: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  detail: string;
  status: string;
  correlationID: string;
  invalidParams?: InvalidEntry[];
  invalidFields?: InvalidEntry[];
}

/** A problem the handler answers with; thrown from deep inside a request and turned into a response at the top. */
export class SimulatedProblem extends Error {
  constructor(
    readonly status: number,
    readonly number: number,
    readonly detail: string,
    readonly extra: {
      invalidParams?: InvalidEntry[];
      invalidFields?: InvalidEntry[];
      headers?: Record<string, string>;
    } = {},
  ) {
    super(detail);
  }
}

export function problemBody(catalogue: Map<number, ProblemModel>, problem: SimulatedProblem): ProblemBody {
  const entry = catalogue.get(problem.number);
  const body: ProblemBody = {
    type: entry?.uri ?? `https://astra.netapp.io/problems/${problem.number}`,
    title: entry?.title ?? 'Error',
    detail: problem.detail,
    status: String(problem.status),
    correlationID: randomUUID(),
  };
  if (problem.extra.invalidParams?.length) body.invalidParams = dedupe(problem.extra.invalidParams);
  if (problem.extra.invalidFields?.length) body.invalidFields = dedupe(problem.extra.invalidFields);
  return body;
}

/** The schema says `uniqueItems`: one entry per name and reason. */
function dedupe(entries: InvalidEntry[]): InvalidEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = `${e.name}\u0000${e.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The problem number for a status when the situation has no specific one
 * (injected faults): the first number the operation lists for that status,
 * else the first catalogue entry with that status.
 */
export function defaultProblemNumber(
  catalogue: Map<number, ProblemModel>,
  listed: number[] | undefined,
  status: number,
): number {
  if (listed?.length) return listed[0]!;
  for (const p of catalogue.values()) if (p.status === status) return p.number;
  return status >= 500 ? 34 : 5;
}
