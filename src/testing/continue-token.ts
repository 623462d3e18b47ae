// Continue tokens: keyset paging. A token holds the sort key of the last item
// of the page it ended (the orderBy field's value and the creation sequence
// number, which breaks ties and makes the key unique), so the next page
// starts strictly after that key. Nothing is stored on the server: items
// created or deleted between pages cannot shift the window, and each item
// that exists for the whole listing is returned exactly once. The token is
// base64 (the spec's Base64Data) of a small JSON object, opaque to clients.
import { SimulatedProblem } from './problems.ts';

export interface PagePosition {
  /** The orderBy text the listing was made with ('' for creation order). */
  orderBy: string;
  /** The orderBy field's value of the last item returned (null when absent). */
  value: unknown;
  /** Its creation sequence number. */
  seq: number;
}

export function encodeContinueToken(position: PagePosition): string {
  return Buffer.from(JSON.stringify({ o: position.orderBy, v: position.value ?? null, s: position.seq })).toString(
    'base64',
  );
}

export function decodeContinueToken(token: string, orderBy: string): PagePosition {
  const invalid = (reason: string) =>
    new SimulatedProblem(400, 5, 'The continue token is not valid for this query.', {
      invalidParams: [{ name: 'continue', reason }],
    });
  if (!/^([A-Za-z0-9+/]{4})*(([A-Za-z0-9+/]{2})==|([A-Za-z0-9+/]{3})=)?$/.test(token))
    throw invalid('must be a token from a previous response');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
  } catch {
    throw invalid('must be a token from a previous response');
  }
  const d = decoded as { o?: unknown; v?: unknown; s?: unknown };
  if (!d || typeof d !== 'object' || typeof d.o !== 'string' || typeof d.s !== 'number' || !Number.isInteger(d.s))
    throw invalid('must be a token from a previous response');
  if (d.o !== orderBy) throw invalid('was made for a different orderBy');
  return { orderBy: d.o, value: d.v, seq: d.s };
}
