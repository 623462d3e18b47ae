// Content negotiation as Astra does it. A single resource is offered in the
// media types its operation declares, plus `application/json` beside a vendor
// JSON type (`application/astra-credential+json`): the service answers
// `application/json` to `Accept: */*` or to no Accept at all, and the vendor
// type when a client asks for it. Nothing acceptable: 406, problem 32.
// Request bodies: the declared types, and `application/json` beside them.

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
  /** Position in the header: breaks ties between equal q values. */
  order: number;
}

export function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  header.split(',').forEach((part, order) => {
    const [range, ...params] = part.trim().split(';');
    const [type, subtype] = (range ?? '').trim().toLowerCase().split('/');
    if (!type || !subtype) return;
    let q = 1;
    for (const p of params) {
      const [k, v] = p.trim().split('=');
      if (k?.trim().toLowerCase() === 'q') q = Number(v);
    }
    if (Number.isFinite(q) && q > 0) ranges.push({ type, subtype, q: Math.min(q, 1), order });
  });
  return ranges.sort((a, b) => b.q - a.q || specificity(b) - specificity(a) || a.order - b.order);
}

/** Clients send the same few Accept headers again and again: parse each once. */
const acceptCache = new Map<string, MediaRange[]>();
function parsedAccept(header: string): MediaRange[] {
  let ranges = acceptCache.get(header);
  if (!ranges) {
    ranges = parseAccept(header);
    if (acceptCache.size >= 256) acceptCache.clear();
    acceptCache.set(header, ranges);
  }
  return ranges;
}

const specificity = (r: MediaRange) => (r.type === '*' ? 0 : r.subtype === '*' ? 1 : 2);

/** The types a success response can be sent in: declared ones, plus `application/json` beside a vendor JSON type. */
export function offeredTypes(declared: readonly string[]): string[] {
  const offered = [...declared];
  if (!offered.includes('application/json') && offered.some((t) => /^application\/[^/]*\+json$/.test(t)))
    offered.push('application/json');
  return offered;
}

/**
 * The media type to answer in, or null when nothing offered is acceptable.
 * A wildcard prefers `application/json`; an explicit type wins by q value.
 */
export function negotiate(accept: string | undefined, offered: readonly string[]): string | null {
  if (!offered.length) return null;
  const fallback = offered.includes('application/json') ? 'application/json' : offered[0]!;
  if (accept === undefined || accept.trim() === '') return fallback;
  for (const range of parsedAccept(accept)) {
    if (range.type === '*') return fallback;
    if (range.subtype === '*') {
      const family = offered.filter((t) => t.startsWith(`${range.type}/`));
      if (family.length) return family.includes(fallback) ? fallback : family[0]!;
      continue;
    }
    const exact = `${range.type}/${range.subtype}`;
    const found = offered.find((t) => t.toLowerCase() === exact);
    if (found) return found;
  }
  return null;
}

/** Whether a request's Content-Type is one the operation accepts. */
export function acceptsRequestType(contentType: string | undefined, declared: readonly string[]): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return (
    declared.some((t) => t.toLowerCase() === type) ||
    (type === 'application/json' && declared.some((t) => /json$/.test(t)))
  );
}
