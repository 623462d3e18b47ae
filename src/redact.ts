// Secret handling. Two mechanisms, both used only off the hot path:
// - redaction by name: headers that carry credentials and the body members an
//   operation declares secret (`secretFields`, plus `keyStore` always) are
//   replaced by a marker in every copy of a request that leaves the runtime
//   (hooks, errors);
// - scrubbing by value: on the error path the exact secret strings of the
//   failed call (the token, every string inside a secret body member) are
//   replaced wherever they occur in server-supplied text, so a service or
//   proxy that echoes a secret back cannot leak it through an error.

export const REDACTED = '[REDACTED]';

/** A copy of a request that is safe to log: no token, no secret body member. */
export interface RedactedRequest {
  readonly operationId: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** Body members redacted whatever the descriptor says. */
const ALWAYS_SECRET_FIELDS = ['keyStore'];
const SECRET_HEADER = /authorization|cookie|token|secret|password|api-?key/i;

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    out[name] = SECRET_HEADER.test(name) ? REDACTED : (headers[name] as string);
  }
  return out;
}

export function redactBody(body: unknown, secretFields: readonly string[] | undefined): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const f of ALWAYS_SECRET_FIELDS) if (f in out) out[f] = REDACTED;
  if (secretFields) for (const f of secretFields) if (f in out) out[f] = REDACTED;
  return out;
}

/** Every string (of 4+ characters) inside the secret members of a body. */
export function secretValues(body: unknown, secretFields: readonly string[] | undefined, into: string[]): string[] {
  if (body === null || typeof body !== 'object') return into;
  const b = body as Record<string, unknown>;
  const names = secretFields ? ALWAYS_SECRET_FIELDS.concat(secretFields) : ALWAYS_SECRET_FIELDS;
  for (const f of names) collect(b[f], into, 0);
  return into;
}

function collect(v: unknown, into: string[], depth: number): void {
  if (typeof v === 'string') {
    if (v.length >= 4 && !into.includes(v)) into.push(v);
  } else if (typeof v === 'number' || typeof v === 'bigint') {
    collect(String(v), into, depth);
  } else if (v !== null && typeof v === 'object' && depth < 16) {
    for (const x of Object.values(v)) collect(x, into, depth + 1);
  }
}

/** Replaces every occurrence of each secret in `text`. */
export function scrub(text: string, secrets: readonly string[]): string {
  for (const s of secrets) if (text.includes(s)) text = text.split(s).join(REDACTED);
  return text;
}

/** `scrub` applied to every string inside a JSON-like value (returns a copy). */
export function scrubDeep<V>(value: V, secrets: readonly string[], depth = 0): V {
  if (secrets.length === 0) return value;
  if (typeof value === 'string') return scrub(value, secrets) as V;
  if (value === null || typeof value !== 'object' || depth > 32) return value;
  if (Array.isArray(value)) return value.map((x) => scrubDeep(x, secrets, depth + 1)) as V;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[scrub(k, secrets)] = scrubDeep(v, secrets, depth + 1);
  return out as V;
}
