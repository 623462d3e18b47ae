// Request-body media types: which ones the runtime can send, and how
// (src/internal/body.ts encodes them), and which one a method sends when a
// body declares several. Validation refuses a body with none it can send.
import { compareText } from '../util/order.ts';

/** How the runtime encodes a request body: JSON text, URLSearchParams, or FormData. */
export type BodyEncoding = 'json' | 'form' | 'multipart';

const ENCODING_ORDER: readonly BodyEncoding[] = ['json', 'form', 'multipart'];

/**
 * The encoding of a body of `mediaType`, or null when the runtime cannot send
 * it (XML, plain text, octet streams, wildcards). JSON is `application/json`
 * and any `+json` structured syntax (`application/merge-patch+json`, Astra's
 * vendor types); parameters (`; charset=utf-8`) do not matter.
 */
export function requestEncodingOf(mediaType: string): BodyEncoding | null {
  const essence = mediaType.split(';')[0]!.trim().toLowerCase();
  if (essence === 'application/x-www-form-urlencoded') return 'form';
  if (essence === 'multipart/form-data') return 'multipart';
  return /^[a-z0-9][a-z0-9!#$&^_.+-]*\/(?:[a-z0-9!#$&^_.+-]*\+)?json$/.test(essence) ? 'json' : null;
}

/**
 * The media type a method sends, among those a request body declares: JSON
 * first, then a form, then multipart, each in sorted order; null when none
 * can be sent.
 */
export function chooseRequestMediaType(
  mediaTypes: readonly string[],
): { mediaType: string; encoding: BodyEncoding } | null {
  const sendable = mediaTypes.flatMap((mediaType) => {
    const encoding = requestEncodingOf(mediaType);
    return encoding ? [{ mediaType, encoding }] : [];
  });
  const rank = (e: BodyEncoding) => ENCODING_ORDER.indexOf(e);
  sendable.sort((a, b) => rank(a.encoding) - rank(b.encoding) || compareText(a.mediaType, b.mediaType));
  return sendable[0] ?? null;
}
