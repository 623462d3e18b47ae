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
 * Inline markdown text, on one line. Neutralised: raw HTML and autolinks
 * (`<`, `>`, `&` become entities), links and images (`[`, `]` escaped), table
 * cells (`|` escaped), headings, block quotes and list markers at the start.
 * Code spans and emphasis are left alone: they cannot inject anything once
 * pipes and HTML are escaped, and spec authors use them.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?|\n|\u2028|\u2029/g, ' ')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([[\]|])/g, '\\$1')
    .trim()
    .replace(/^([#>+=-])/, '\\$1');
}

/**
 * Inline code in markdown. Backticks in the value are handled by choosing a
 * longer fence; pipes are escaped for tables; HTML cannot start inside code.
 */
export function markdownCode(text: string): string {
  const flat = text.replace(/\r\n?|\n|\u2028|\u2029/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** A block of JSON in a fenced code block: the fence is longer than any backtick run inside. */
export function markdownJsonBlock(json: string): string {
  const longest = Math.max(2, ...[...json.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}json\n${json}\n${fence}`;
}
