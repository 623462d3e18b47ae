// Fault injection for users' tests: per operation (operationId) or per route
// (`'GET /core/v1/credentials/{credential_id}'`, the spec's path template,
// with or without the `/accounts/{account_id}` prefix), a rule adds latency
// or replaces the answer with an error status (with a probability, or on the
// Nth matching call), a Retry-After header, a dropped connection, a body cut
// short, or an HTML error page such as a proxy in front of Astra sends.
import type { OperationModel } from '../../scripts/model/types.ts';

export interface FaultRule {
  /** operationId, e.g. `getCredential`. */
  operation?: string;
  /** `METHOD /path/template`, e.g. `GET /core/v1/credentials/{credential_id}`. */
  route?: string;
  /** Added before answering (with or without another fault). */
  latencyMs?: number;
  /** Answer with this status and a problem body from the catalogue. */
  status?: number;
  /** Catalogue number of the problem (defaults to one the operation lists for the status). */
  problem?: number;
  /** Only on these matching calls (1-based), e.g. `[1, 2]` fails the first two. */
  nth?: number | number[];
  /** Chance (0–1) of applying on a matching call; 1 when absent. */
  probability?: number;
  /** `Retry-After` header value (seconds or an HTTP date) sent with the status. */
  retryAfter?: number | string;
  /** Close the connection without answering. */
  drop?: boolean;
  /** Send the headers and half of the body, then close the connection. */
  truncate?: boolean;
  /** Answer with an HTML error page (status defaults to 502). */
  html?: boolean;
}

/** A deterministic PRNG (mulberry32), so `probability` faults repeat run to run for a given seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NONE: FaultRule[] = [];

export class FaultInjector {
  private rules: FaultRule[] = [];
  private calls: number[] = [];
  private readonly random: () => number;

  constructor(rules: readonly FaultRule[] = [], seed = 0x5eed) {
    this.random = seededRandom(seed);
    this.set(rules);
  }

  /** Replaces every rule (and resets their call counters). */
  set(rules: readonly FaultRule[]): void {
    for (const [i, r] of rules.entries()) {
      if (!r.operation && !r.route) throw new TypeError(`faults[${i}]: give an operation or a route`);
      if (r.probability !== undefined && !(r.probability >= 0 && r.probability <= 1))
        throw new TypeError(`faults[${i}].probability: must be between 0 and 1`);
      if (r.status !== undefined && !(Number.isInteger(r.status) && r.status >= 400 && r.status <= 599))
        throw new TypeError(`faults[${i}].status: must be an error status (400–599)`);
    }
    this.rules = [...rules];
    this.calls = rules.map(() => 0);
  }

  /** The rules that apply to this call of an operation (counting the call). */
  pick(op: OperationModel): FaultRule[] {
    if (!this.rules.length) return NONE;
    const out: FaultRule[] = [];
    const relative = op.path.replace(/^\/accounts\/\{account_id\}/, '');
    this.rules.forEach((rule, i) => {
      const routeMatches =
        rule.route !== undefined &&
        (rule.route === `${op.method} ${op.path}` || rule.route === `${op.method} ${relative}`);
      if (rule.operation !== op.id && !routeMatches) return;
      const call = ++this.calls[i]!;
      if (rule.nth !== undefined && !(Array.isArray(rule.nth) ? rule.nth : [rule.nth]).includes(call)) return;
      if (rule.probability !== undefined && this.random() >= rule.probability) return;
      out.push(rule);
    });
    return out;
  }
}

export const HTML_ERROR_PAGE =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr><p>nginx</p></body></html>\n';
