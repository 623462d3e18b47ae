// How the runtime sends each request media type, and which one a method
// sends when a body declares several.
import { describe, expect, it } from 'vitest';
import { chooseRequestMediaType, requestEncodingOf } from '../../../scripts/model/media-types.ts';

describe('requestEncodingOf', () => {
  it.each([
    ['application/json', 'json'],
    ['application/json; charset=utf-8', 'json'],
    ['Application/JSON', 'json'],
    ['application/merge-patch+json', 'json'],
    ['application/json-patch+json', 'json'],
    ['application/astra-credential+json', 'json'],
    ['application/x-www-form-urlencoded', 'form'],
    ['multipart/form-data', 'multipart'],
    ['multipart/form-data; boundary=x', 'multipart'],
    ['application/xml', 'raw'],
    ['text/plain', 'raw'],
    ['text/plain; charset=utf-8', 'raw'],
    ['application/octet-stream', 'raw'],
    ['multipart/mixed', 'raw'],
    ['*/*', 'raw'],
    ['application/jsonl', 'raw'],
    ['application/json-seq', 'raw'],
  ])('%s → %s', (mediaType, want) => {
    expect(requestEncodingOf(mediaType)).toBe(want);
  });
});

describe('chooseRequestMediaType', () => {
  it('prefers JSON, then a form, then multipart, then a raw type, each in code-unit order; null for none', () => {
    expect(chooseRequestMediaType(['multipart/form-data', 'application/x-www-form-urlencoded'])).toEqual({
      mediaType: 'application/x-www-form-urlencoded',
      encoding: 'form',
    });
    expect(chooseRequestMediaType(['text/plain', 'application/z+json', 'application/a+json'])).toEqual({
      mediaType: 'application/a+json',
      encoding: 'json',
    });
    expect(chooseRequestMediaType(['text/plain', 'multipart/form-data'])).toEqual({
      mediaType: 'multipart/form-data',
      encoding: 'multipart',
    });
    expect(chooseRequestMediaType(['text/plain', 'application/xml'])).toEqual({
      mediaType: 'application/xml',
      encoding: 'raw',
    });
    expect(chooseRequestMediaType([])).toBeNull();
  });
});
