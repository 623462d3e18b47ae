// The layout documents the emitters build, printed by prettier's own document
// printer (`prettier/doc`, its public API for plugins): the same printer
// prettier.format() ends with, given the same documents prettier's TypeScript
// printer builds for each construct (typescript-layout.ts, method-layout.ts),
// so generated modules come out in prettier's form without parsing and
// re-printing them (which costs a generation about a second per hundred files).
// test/generator/render/prettier-form.test.ts compares the results with
// prettier.format() byte for byte.
import { builders, printer } from 'prettier/doc';

export type Doc = builders.Doc;

export const group = (contents: Doc, options: { shouldBreak?: boolean; id?: symbol } = {}): Doc =>
  builders.group(contents, options);
export const indent = (contents: Doc): Doc => builders.indent(contents);
export const align = (width: number, contents: Doc): Doc => builders.align(width, contents);
export const line: Doc = builders.line;
export const softline: Doc = builders.softline;
export const hardline: Doc = builders.hardline;
export const ifBreak = (breakContents: Doc, flatContents: Doc = '', groupId?: symbol): Doc =>
  builders.ifBreak(breakContents, flatContents, { groupId });
export const indentIfBreak = (contents: Doc, groupId: symbol): Doc => builders.indentIfBreak(contents, { groupId });
/** Lines printed as given at the current indentation, each ended by a hard line (doc comments). */
export const verbatim = (lines: string[]): Doc => lines.map((text) => [text, builders.hardline]);

/** `docs` with `separator` between each two. */
export function join(separator: Doc, docs: Doc[]): Doc[] {
  return docs.flatMap((d, i) => (i ? [separator, d] : [d]));
}

export interface PrintOptions {
  printWidth: number;
  /** The indentation of the line the document starts on (not printed: the caller's text holds it). */
  startIndent?: number;
  /** The column the document starts at, when text precedes it on its first line; default startIndent. */
  startColumn?: number;
}

/**
 * Prints `doc` as prettier would. A document that
 * does not start a line is printed after a stand-in for the text before it
 * (cut off again), so that prettier measures its first line from there.
 */
export function print(doc: Doc, options: PrintOptions): string {
  const { printWidth, startIndent = 0, startColumn = startIndent } = options;
  const before = 'x'.repeat(startColumn);
  const { formatted } = printer.printDocToString(builders.align(startIndent, [before, doc]), {
    printWidth,
    tabWidth: 2,
    useTabs: false,
  } as Parameters<typeof printer.printDocToString>[1]);
  return formatted.slice(startColumn);
}
