// Secret handling, used only off the hot path:
// - redaction by name: credential-bearing headers and the body members an
//   operation declares secret (`secretFields`, plus `keyStore` always) are
//   replaced by a marker in every copy of a request that leaves the runtime
//   (hooks, errors);
// - scrubbing by value: on the error path the exact secret strings of the
//   failed call (the token, every string inside a secret body member, raw and
//   JSON-escaped) are replaced wherever they occur in server-supplied text
//   before it is parsed or kept, so a service or proxy that echoes a secret
//   back cannot leak it through an error.

export const REDACTED = '[REDACTED]';

/** A copy of a request that is safe to log: no token, no secret body member. */
export interface RedactedRequest {
  readonly operationId: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

const SECRET_HEADER = /authorization|cookie|token|secret|password|api-?key/i;

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) out[name] = SECRET_HEADER.test(name) ? REDACTED : (headers[name] as string);
  return out;
}

const secretNames = (secretFields: readonly string[] | undefined) => ['keyStore', ...(secretFields ?? [])];

export function redactBody(body: object, secretFields: readonly string[] | undefined): object {
  const out: Record<string, unknown> = { ...body };
  for (const f of secretNames(secretFields)) if (f in out) out[f] = REDACTED;
  return out;
}

/** Adds every string (of 4+ characters) inside the secret members of `body` to `into`. */
export function secretValues(body: object, secretFields: readonly string[] | undefined, into: string[]): string[] {
  for (const f of secretNames(secretFields)) collect((body as Record<string, unknown>)[f], into, 0);
  return into;
}

/** Adds a secret, and its JSON-escaped form when that differs. */
export function addSecret(into: string[], s: string): void {
  if (s.length < 4) return;
  const escaped = JSON.stringify(s).slice(1, -1);
  into.push(s);
  if (escaped !== s) into.push(escaped);
}

function collect(v: unknown, into: string[], depth: number): void {
  if (typeof v === 'string' || typeof v === 'number') addSecret(into, String(v));
  else if (v && typeof v === 'object' && depth < 16) for (const x of Object.values(v)) collect(x, into, depth + 1);
}

/** Replaces every occurrence of each secret in `text`. */
export function scrub(text: string, secrets: readonly string[]): string {
  for (const s of secrets) text = text.replaceAll(s, REDACTED);
  return text;
}
