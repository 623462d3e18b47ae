// Which request media types the runtime can send, and which one a method
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
    ['application/xml', null],
    ['text/plain', null],
    ['application/octet-stream', null],
    ['multipart/mixed', null],
    ['*/*', null],
    ['application/jsonl', null],
    ['application/json-seq', null],
  ])('%s → %s', (mediaType, want) => {
    expect(requestEncodingOf(mediaType)).toBe(want);
  });
});

describe('chooseRequestMediaType', () => {
  it('prefers JSON, then a form, then multipart, each in code-unit order; null when none can be sent', () => {
    expect(chooseRequestMediaType(['multipart/form-data', 'application/x-www-form-urlencoded'])).toEqual({
      mediaType: 'application/x-www-form-urlencoded',
      encoding: 'form',
    });
    expect(chooseRequestMediaType(['text/plain', 'application/z+json', 'application/a+json'])).toEqual({
      mediaType: 'application/a+json',
      encoding: 'json',
    });
    expect(chooseRequestMediaType(['application/xml', 'text/plain'])).toBeNull();
    expect(chooseRequestMediaType([])).toBeNull();
  });
});
