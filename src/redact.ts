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

/**
 * The exact secret strings of a request: the token and every string or number
 * (of 4+ characters, shorter ones would shred ordinary text) inside the secret
 * members of its body, each raw and JSON-escaped. The body has been sent as
 * JSON, so it has no cycles to guard against.
 */
export function secretStrings(token: string | undefined, body: object | undefined, secretFields: readonly string[] | undefined): string[] {
  const out: string[] = [];
  const add = (v: unknown): void => {
    if (typeof v === 'string' || typeof v === 'number') {
      const s = String(v);
      if (s.length >= 4) out.push(s, JSON.stringify(s).slice(1, -1));
    } else if (v && typeof v === 'object') Object.values(v).forEach(add);
  };
  add(token);
  if (body) for (const f of secretNames(secretFields)) add((body as Record<string, unknown>)[f]);
  return out;
}

/** Replaces every occurrence of each secret in `text`. */
export function scrub(text: string, secrets: readonly string[]): string {
  for (const s of secrets) text = text.replaceAll(s, REDACTED);
  return text;
}
