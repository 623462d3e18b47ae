// The runtime's size, as the runtime benchmark reports it and
// test/runtime/size-budget.test.ts enforces it: an entry bundled by esbuild,
// minified, then gzipped at level 9. openapi-fetch (a dependency, shared with
// the user's bundle) and generated/ (generated code, not runtime) stay out.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * `createAstraClient`, minified and gzipped, stays under this many bytes. It
 * was 4 kB before the runtime learned per-attempt timeouts, manual redirects,
 * decode-then-scrub redaction, option checking and `waitFor` (issue 11); it
 * measured about 8.1 kB with them. Sending every HTTP method (PATCH, HEAD,
 * OPTIONS, with their retry rules) and form, multipart and non-object
 * JSON bodies (issue 12), and the pager's one-page prefetch (issue 11),
 * brought it to about 8.5 kB; raw bodies (octet streams, text, XML sent as
 * given, issue 12) to about 8.58 kB. One shared timer for every attempt's
 * deadline, which fails the request through fetch's handler (no patched
 * handler, no race promise), and the caller's signal ending the request
 * through the deadline rather than going to fetch (issue 11: the deadline went
 * from 1.04× to about 1.00× of raw fetch) brought it to about 8.98 kB; the
 * pager's guess of the next continue token from a page's text (issue 11:
 * paging on a fast network at raw fetch's throughput or better) to 9.26 kB;
 * sending requests to undici's dispatcher with a handler of its own instead
 * of through fetch on Node (issue 11: a GET went from about 1.03× raw fetch's
 * time to about half of it) to about 10.4 kB.
 */
export const RUNTIME_BUDGET_BYTES = 10496;

/** The entry the budget applies to. */
export const BUDGET_ENTRY = `export { createAstraClient } from './src/index.ts';`;

const generatedExternal: Plugin = {
  name: 'generated-external',
  setup(b) {
    b.onResolve({ filter: /(^|\/)generated\// }, (a) => ({ path: a.path, external: true }));
  },
};

/** Minified and gzipped size of a bundle of `contents` (TypeScript, resolved from the repository root). */
export async function bundleSize(contents: string): Promise<{ min: number; gz: number }> {
  const out = await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    external: ['openapi-fetch'],
    plugins: [generatedExternal],
    write: false,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]!.contents;
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length };
}
