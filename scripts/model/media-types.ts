// Request-body media types: how the runtime sends each (src/internal/body.ts
// encodes them), and which one a method sends when a body declares several.
import { compareText } from '../util/order.ts';
import type { TypeNode } from './types.ts';

/**
 * How the runtime sends a request body: JSON text, URLSearchParams, FormData,
 * or as given (`raw`: a string or bytes, with the declared media type).
 */
export type BodyEncoding = 'json' | 'form' | 'multipart' | 'raw';

const ENCODING_ORDER: readonly BodyEncoding[] = ['json', 'form', 'multipart', 'raw'];

/** A raw body's type: the runtime's `RawBody`, what fetch sends as it is. */
export const RAW_BODY_TYPE: TypeNode = { kind: 'primitive', type: 'RawBody' };

/**
 * The encoding of a body of `mediaType`. JSON is `application/json` and any
 * `+json` structured syntax (`application/merge-patch+json`, Astra's vendor
 * types); parameters (`; charset=utf-8`) do not matter. Anything that is
 * neither JSON nor a form (XML, plain text, octet streams) is sent raw.
 */
export function requestEncodingOf(mediaType: string): BodyEncoding {
  const essence = mediaType.split(';')[0]!.trim().toLowerCase();
  if (essence === 'application/x-www-form-urlencoded') return 'form';
  if (essence === 'multipart/form-data') return 'multipart';
  return /^[a-z0-9][a-z0-9!#$&^_.+-]*\/(?:[a-z0-9!#$&^_.+-]*\+)?json$/.test(essence) ? 'json' : 'raw';
}

/**
 * The media type a method sends, among those a request body declares: JSON
 * first, then a form, then multipart, then a raw one, each in sorted order;
 * null when it declares none.
 */
export function chooseRequestMediaType(
  mediaTypes: readonly string[],
): { mediaType: string; encoding: BodyEncoding } | null {
  const rank = (e: BodyEncoding) => ENCODING_ORDER.indexOf(e);
  const all = mediaTypes.map((mediaType) => ({ mediaType, encoding: requestEncodingOf(mediaType) }));
  all.sort((a, b) => rank(a.encoding) - rank(b.encoding) || compareText(a.mediaType, b.mediaType));
  return all[0] ?? null;
}
