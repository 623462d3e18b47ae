// Secret handling, used only off the hot path (errors, hooks):
// - redaction by name: credential-bearing headers and the body members the
//   operation declares secret (its descriptor's `secretFields`, from the
//   spec's `x-astra-secret`) are replaced by a marker in every copy of a
//   request that leaves the runtime;
// - scrubbing by value: the call's secrets (the token, every string inside a
//   secret body member) and any URL userinfo are replaced wherever they occur
//   in text a server or the system supplied. Text is decoded before it is
//   searched (JSON string escapes such as `\/` and `\u002b`, percent-encoding,
//   up to three layers), so a secret echoed back under an encoding is found;
//   when one is, the decoded, scrubbed text is what is kept.

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

/** Headers with the credential-bearing ones (by name) replaced by the marker. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) out[name] = SECRET_HEADER.test(name) ? REDACTED : (headers[name] as string);
  return out;
}

/**
 * The body with each declared secret member replaced by the marker (a body
 * that is not an object has no members). Binary bodies (sent as given) show
 * as their size: a copy would hold a key per byte.
 */
export function redactBody(body: unknown, secretFields: readonly string[] | undefined): unknown {
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return `[${body.byteLength} bytes]`;
  if (body instanceof Blob) return `[${body.size} bytes]`;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const out: Record<string, unknown> = { ...body };
  for (const f of secretFields ?? []) if (f in out) out[f] = REDACTED;
  return out;
}

/**
 * The secret values of a call: the token and every string or number (of 4+
 * characters: shorter ones would shred ordinary text) inside the declared
 * secret members of its body. The body has been sent as JSON, so it has no
 * cycles to guard against.
 */
export function secretValues(
  token: string | undefined,
  body: unknown,
  secretFields: readonly string[] | undefined,
): string[] {
  const out: string[] = [];
  const add = (v: unknown): void => {
    if (typeof v === 'string' || typeof v === 'number') {
      const s = String(v);
      if (s.length >= 4) out.push(s);
    } else if (v && typeof v === 'object') Object.values(v).forEach(add);
  };
  add(token);
  if (body && typeof body === 'object') for (const f of secretFields ?? []) add((body as Record<string, unknown>)[f]);
  return out;
}

/** `scheme://user:password@` anywhere in text (the scheme's length bounded, so long text stays linear). */
const USERINFO = /([a-z][a-z0-9+.-]{0,31}:\/\/)[^\s/?#@"'<>]*@/gi;
const JSON_ESCAPE = /\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))/g;
const CONTROL: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** One layer of JSON string escapes and percent-encoding undone (malformed sequences are left as they are). */
function decodeOnce(s: string): string {
  if (s.includes('\\'))
    s = s.replace(JSON_ESCAPE, (_m, hex: string | undefined, c: string) =>
      hex ? String.fromCharCode(parseInt(hex, 16)) : (CONTROL[c] ?? c),
    );
  if (s.includes('%'))
    s = s.replace(/(?:%[0-9a-fA-F]{2})+/g, (m) => {
      try {
        return decodeURIComponent(m);
      } catch {
        return m;
      }
    });
  return s;
}

/** A function removing `secrets` and URL userinfo from text, by value, after decoding. */
export function scrubber(secrets: readonly string[]): (text: string) => string {
  const plain = (text: string) => {
    for (const s of secrets) text = text.replaceAll(s, REDACTED);
    return text.includes('://') ? text.replace(USERINFO, `$1${REDACTED}@`) : text;
  };
  return (text) => {
    let out = plain(String(text));
    for (let layer = 0, encoded = out; layer < 3; layer++) {
      const decoded = decodeOnce(encoded);
      if (decoded === encoded) break;
      const clean = plain(decoded);
      // A secret was hiding under an encoding: keep the decoded, scrubbed text.
      if (clean !== decoded) out = clean;
      encoded = clean;
    }
    return out;
  };
}

/** A deep copy of a JSON-like value with every string scrubbed. */
export function scrubValue(v: unknown, scrub: (s: string) => string): unknown {
  if (typeof v === 'string') return scrub(v);
  if (Array.isArray(v)) return v.map((x) => scrubValue(x, scrub));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, x] of Object.entries(v)) out[scrub(key)] = scrubValue(x, scrub);
    return out;
  }
  return v;
}
