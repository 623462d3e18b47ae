// Escaping helpers, one per output context. Spec text reaches generated files
// only through these (registered as Handlebars helpers, and used by the type
// printer), so a description can never end a comment, break a string literal,
// inject markup into the docs or be run as a template.

/** A TypeScript/JavaScript string literal. */
export function stringLiteral(value: string): string {
  // JSON.stringify escapes quotes, backslashes and control characters; U+2028
  // and U+2029 are valid in JSON but worth escaping for older tools.
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Text inside a `/** ... *\/` comment: `*\/` cannot close the comment,
 * control and line-separator characters are shown as escapes, and every line
 * keeps its leading ` * `. Returns the lines without the comment markers.
 */
export function docCommentLines(text: string): string[] {
  const cleaned = text
    .replace(/\r\n?/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(
      /[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
    .replace(/\t/g, '  ');
  return cleaned.split('\n').map((l) => l.trimEnd());
}

/**
 * Where inline markdown lands: a paragraph, or a table cell, where GFM splits
 * columns on `|` before it reads code spans, so a pipe needs `\|` even inside
 * code (the renderer removes the backslash there).
 */
export type MarkdownContext = 'paragraph' | 'cell';

/**
 * Inline markdown text, on one line. Prose is neutralised: raw HTML and
 * autolinks (`<`, `>`, `&` become entities), links and images (`[`, `]`
 * escaped), table cells (`|` escaped), headings, block quotes and list markers
 * at the start. Code spans keep their text exactly (an entity or a backslash
 * there would show as written): nothing inside one is markup, so only a table
 * cell's pipes are escaped. A backtick run that closes nothing is escaped, so
 * it cannot pair with code the template adds after it. Emphasis is left alone:
 * it injects nothing, and spec authors use it.
 */
export function markdownText(text: string, context: MarkdownContext = 'paragraph'): string {
  const flat = text.replace(/\r\n?|\n|\u2028|\u2029/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
  let out = '';
  for (const part of codeSpans(flat)) {
    if (part.code) out += context === 'cell' ? part.text.replace(/\|/g, '\\|') : part.text;
    else out += escapeProse(part.text);
  }
  return out.trim().replace(/^([#>+=-])/, '\\$1');
}

function escapeProse(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([[\]|`])/g, '\\$1');
}

/**
 * Splits text into prose and code spans as CommonMark reads them: a run of n
 * backticks opens a span that the next run of exactly n backticks closes.
 * Backslashes are literal here (prose escaping doubles them), so every
 * backtick run is a delimiter.
 */
export function codeSpans(text: string): { code: boolean; text: string }[] {
  const runs = [...text.matchAll(/`+/g)].map((m) => ({ at: m.index, length: m[0].length }));
  const parts: { code: boolean; text: string }[] = [];
  let prose = 0;
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i]!;
    if (open.at < prose) continue;
    const close = runs.slice(i + 1).find((r) => r.length === open.length);
    if (!close) continue;
    if (open.at > prose) parts.push({ code: false, text: text.slice(prose, open.at) });
    parts.push({ code: true, text: text.slice(open.at, close.at + close.length) });
    prose = close.at + close.length;
    i = runs.indexOf(close);
  }
  if (prose < text.length) parts.push({ code: false, text: text.slice(prose) });
  return parts;
}

/**
 * Inline code in markdown. Backticks in the value are handled by choosing a
 * longer fence; in a table cell pipes are escaped; HTML cannot start inside code.
 */
export function markdownCode(text: string, context: MarkdownContext = 'paragraph'): string {
  const flat = text.replace(/\r\n?|\n|\u2028|\u2029/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  const body = context === 'cell' ? flat.replace(/\|/g, '\\|') : flat;
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A block of JSON in a fenced code block: the fence is longer than any backtick run inside. */
export function markdownJsonBlock(json: string): string {
  const longest = Math.max(2, ...[...json.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}json\n${json}\n${fence}`;
}
