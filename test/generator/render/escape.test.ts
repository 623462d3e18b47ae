// Escaping helpers, one per output context: spec text reaches generated
// files only through these.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ts from 'typescript';
import MarkdownIt from 'markdown-it';
import {
  codeSpans,
  docCommentLines,
  markdownCode,
  markdownJsonBlock,
  markdownText,
  stringLiteral,
} from '../../../scripts/render/escape.ts';

/** The value a TypeScript string literal denotes, read by the TypeScript parser. */
function literalValue(literal: string): string {
  const file = ts.createSourceFile('x.ts', `const x = ${literal};`, ts.ScriptTarget.ES2022, true);
  const decl = (file.statements[0] as ts.VariableStatement).declarationList.declarations[0]!;
  expect((file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics).toEqual([]);
  return (decl.initializer as ts.StringLiteral).text;
}

describe('stringLiteral', () => {
  const tests: [string, { given: string; want: string }][] = [
    ['plain', { given: 'abc', want: '"abc"' }],
    ['quotes and backslashes', { given: `it's "x" \\`, want: `"it's \\"x\\" \\\\"` }],
    ['newline', { given: 'a\nb', want: '"a\\nb"' }],
    ['line and paragraph separators', { given: 'a\u2028b\u2029c', want: '"a\\u2028b\\u2029c"' }],
    ['template syntax stays text', { given: '${x} {{y}}', want: '"${x} {{y}}"' }],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    expect(stringLiteral(given)).toBe(want);
    expect(literalValue(stringLiteral(given))).toBe(given);
  });

  it('denotes exactly the given text, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(literalValue(stringLiteral(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('docCommentLines', () => {
  const tests: [string, { given: string; want: string[] }][] = [
    ['a comment closer cannot close the comment', { given: 'ends */ here', want: ['ends *\\/ here'] }],
    ['lines split, CRLF and CR too, trailing spaces trimmed', { given: 'a  \r\nb\rc', want: ['a', 'b', 'c'] }],
    ['line separators are shown, not obeyed', { given: 'a\u2028b\u2029c', want: ['a\\u2028b\\u2029c'] }],
    [
      'control characters are shown',
      { given: 'bell\u0007 esc\u001b del\u007f', want: ['bell\\u0007 esc\\u001b del\\u007f'] },
    ],
    ['tabs become spaces', { given: '\tx', want: ['  x'] }],
    ['template syntax is text', { given: '{{#each x}}${y}{{{z}}}', want: ['{{#each x}}${y}{{{z}}}'] }],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    expect(docCommentLines(given)).toEqual(want);
  });

  it('inside /** */ always stays one comment before the code after it, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const comment = `/**\n${docCommentLines(text)
          .map((l) => ` * ${l}`)
          .join('\n')}\n */\nexport const after = 1;\n`;
        const file = ts.createSourceFile('x.ts', comment, ts.ScriptTarget.ES2022, true);
        expect(file.statements).toHaveLength(1);
        expect(file.statements[0]!.getText()).toBe('export const after = 1;');
        expect(file.statements[0]!.getFullText().indexOf('*/')).toBe(
          comment.lastIndexOf('*/') - file.statements[0]!.getFullStart(),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('markdownText', () => {
  const tests: [string, { given: string; want: string }][] = [
    [
      'HTML becomes text',
      { given: '<script>alert(1)</script> & <b>', want: '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;' },
    ],
    ['autolinks become text', { given: '<https://evil.example>', want: '&lt;https://evil.example&gt;' }],
    ['table pipes are escaped', { given: 'a | b', want: 'a \\| b' }],
    [
      'links and images are neutralised',
      { given: '[x](javascript:alert(1)) ![i](u)', want: '\\[x\\](javascript:alert(1)) !\\[i\\](u)' },
    ],
    ['a heading at the start is neutralised', { given: '# Title', want: '\\# Title' }],
    ['a block quote marker becomes an entity, which starts no quote', { given: '> q', want: '&gt; q' }],
    ['a list marker at the start is escaped', { given: '+ item', want: '\\+ item' }],
    ['setext underline and rule', { given: '---', want: '\\---' }],
    ['one line: newlines and separators become spaces', { given: 'a\nb\r\nc\u2028d', want: 'a b c d' }],
    ['backslashes are literal', { given: 'a\\|b', want: 'a\\\\\\|b' }],
    ['control characters are dropped', { given: 'a\u0000\u0007b', want: 'ab' }],
    ['code spans and emphasis are kept', { given: 'use `keyType` *now*', want: 'use `keyType` *now*' }],
    [
      'code spans keep their text',
      { given: "write `<field> eq '<v>'` or `a[*].b`", want: "write `<field> eq '<v>'` or `a[*].b`" },
    ],
    ['a longer fence is a code span too', { given: 'x ``a`b`` y', want: 'x ``a`b`` y' }],
    ['an unclosed backtick is escaped', { given: 'a ` b', want: 'a \\` b' }],
    ['template syntax is text', { given: '{{#each x}}${y}', want: '{{#each x}}${y}' }],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    expect(markdownText(given)).toBe(want);
  });

  it('in a table cell escapes pipes inside code spans too (GFM splits cells first)', () => {
    expect(markdownText('`a|b` or c|d', 'cell')).toBe('`a\\|b` or c\\|d');
    expect(markdownText('`a|b`')).toBe('`a|b`');
  });

  const md = new MarkdownIt({ html: true });
  const inline = (text: string) => md.parseInline(text, {})[0]!.children!;

  it('renders code spans as written and no markup from the text, for any text (markdown-it)', () => {
    const unit = fc.constantFrom('a', ' ', '`', '<', '>', '&', '[', ']', '|', '\\', '*', '#', '!', '(', ')', 'x');
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 40 }).map((cs) => cs.join('')),
        (text) => {
          const tokens = inline(markdownText(text));
          // Nothing but text, code and emphasis: no HTML, link or image can come from spec text.
          for (const t of tokens)
            expect([
              'text',
              'code_inline',
              'em_open',
              'em_close',
              'strong_open',
              'strong_close',
              'softbreak',
            ]).toContain(t.type);
          const spans = codeSpans(text.trim()).filter((p) => p.code);
          const rendered = tokens.filter((t) => t.type === 'code_inline').map((t) => t.content);
          expect(rendered).toEqual(spans.map((p) => renderedCode(p.text)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps a code span of spaces only as written (CommonMark strips no space there)', () => {
    const rendered = inline(markdownText('`  ` and ` a `')).filter((t) => t.type === 'code_inline');
    expect(rendered.map((t) => t.content)).toEqual(['  ', 'a']);
  });

  it('never lets a line break or an unescaped pipe into a table cell, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const out = markdownText(text, 'cell');
        expect(out).not.toMatch(/[\n\r\u2028\u2029]/);
        expect(out).not.toMatch(/(^|[^\\])(\\\\)*\|/);
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * What CommonMark shows for a code span: the text between the fences, one
 * space stripped from each side when both have one, unless it is all spaces.
 */
function renderedCode(span: string): string {
  const fence = /^`+/.exec(span)![0].length;
  const inner = span.slice(fence, span.length - fence);
  return inner.length >= 2 && inner.startsWith(' ') && inner.endsWith(' ') && /[^ ]/.test(inner)
    ? inner.slice(1, -1)
    : inner;
}

describe('markdownCode', () => {
  const tests: [string, { given: string; want: string }][] = [
    ['plain', { given: 'astra.credentials.list()', want: '`astra.credentials.list()`' }],
    ['backticks inside get a longer fence', { given: 'a`b', want: '``a`b``' }],
    ['a run of backticks gets a longer fence still', { given: 'a```b', want: '````a```b````' }],
    ['backtick at an edge is padded', { given: '`x', want: '`` `x ``' }],
    ['pipes are kept in a paragraph', { given: 'a|b', want: '`a|b`' }],
    ['one line', { given: 'a\nb', want: '`a b`' }],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    expect(markdownCode(given)).toBe(want);
  });

  it('escapes pipes in a table cell', () => {
    expect(markdownCode('a|b', 'cell')).toBe('`a\\|b`');
  });
});

describe('markdownJsonBlock', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(markdownJsonBlock('{"a":"```"}')).toBe('````json\n{"a":"```"}\n````');
    expect(markdownJsonBlock('{}')).toBe('```json\n{}\n```');
  });
});
