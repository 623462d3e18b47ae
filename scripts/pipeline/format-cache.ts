// Prettier's output remembered by content (see content-cache.ts), so a
// regeneration formats only the files whose unformatted text changed (after a
// one-resource spec change, that resource's model and client modules and the
// few files that list every resource). The key covers everything prettier's
// answer depends on: its version, the resolved config and the parser (the
// salt), the file name and the text itself.
import { type ContentCache, openContentCache } from './content-cache.ts';

export type FormatCache = ContentCache<string>;

/**
 * `dir` null gives a cache that never hits and saves nothing. `salt` is
 * whatever besides the file decides prettier's output (version, config, parser).
 */
export function openFormatCache(dir: string | null, salt: string): FormatCache {
  return openContentCache(dir, 'format-cache-v1.json', salt, (v): v is string => typeof v === 'string');
}
