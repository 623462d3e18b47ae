// Request bodies in the encoding the operation's media type names. JSON is
// the default (Astra's vendor types, `application/merge-patch+json`, any
// `+json`, and no media type); a form is sent as URLSearchParams and a
// multipart form as FormData, so that fetch writes the Content-Type itself
// (with the multipart boundary). Any other media type (XML, plain text, an
// octet stream) is sent raw: the caller's string or bytes, never re-encoded.

import { configError } from './config.js';

/** Whether a body of `mediaType` is a form (`x-www-form-urlencoded` or `multipart/form-data`), else JSON; parameters do not matter. */
export const isForm = (mediaType: string | undefined): boolean =>
  /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i.test(mediaType ?? '');

/**
 * The bytes fetch sends for `body`. A raw body (its media type neither JSON
 * nor a form) goes as it is. A JSON body is any JSON value. A form's
 * fields follow OpenAPI's defaults for `style: form, explode: true`: an array
 * is one field per value; an object member is sent as its JSON text; an
 * undefined or null member is left out. A multipart field may also be a Blob
 * (or File), sent as a file part.
 */
export function encodeBody(mediaType: string | undefined, body: unknown): BodyInit {
  if (mediaType && !isForm(mediaType) && !/[/+]json\s*(;|$)/i.test(mediaType)) {
    if (typeof body == 'string' || body instanceof Blob || body instanceof ArrayBuffer || body instanceof Uint8Array)
      // BodyInit names Uint8Array<ArrayBuffer>; a Buffer is typed on ArrayBufferLike.
      return body as BodyInit;
    throw configError('body', `expected a string, Blob, ArrayBuffer or Uint8Array to send as ${mediaType}`);
  }
  if (!isForm(mediaType)) {
    const text = JSON.stringify(body) as string | undefined;
    if (text === undefined) throw configError('body', 'not JSON');
    return text;
  }
  if (typeof body !== 'object' || !body || Array.isArray(body)) throw configError('body', 'expected form fields');
  const multipart = /multipart/i.test(mediaType!);
  const out = multipart ? new FormData() : new URLSearchParams();
  for (const [name, value] of Object.entries(body))
    for (const v of Array.isArray(value) ? value : [value])
      if (v instanceof Blob) {
        if (!multipart) throw configError('body.' + name, 'a file needs multipart/form-data');
        (out as FormData).append(name, v);
      } else if (v != null) out.append(name, typeof v === 'object' ? JSON.stringify(v) : String(v));
  return out;
}
