// Escaping helpers, one per output context: spec text reaches generated
// files only through these.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ts from 'typescript';
import {
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
    ['template syntax is text', { given: '{{#each x}}${y}', want: '{{#each x}}${y}' }],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    expect(markdownText(given)).toBe(want);
  });

  it('never lets raw HTML, a line break or an unescaped pipe through, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const out = markdownText(text);
        expect(out).not.toMatch(/[<>\n\r\u2028\u2029]/);
        expect(out).not.toMatch(/(^|[^\\])(\\\\)*\|/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('markdownCode', () => {
  const tests: [string, { given: string; want: string }][] = [
    ['plain', { given: 'astra.credentials.list()', want: '`astra.credentials.list()`' }],
    ['backticks inside get a longer fence', { given: 'a`b', want: '``a`b``' }],
    ['a run of backticks gets a longer fence still', { given: 'a```b', want: '````a```b````' }],
    ['backtick at an edge is padded', { given: '`x', want: '`` `x ``' }],
    ['pipes are escaped for tables', { given: 'a|b', want: '`a\\|b`' }],
    ['one line', { given: 'a\nb', want: '`a b`' }],
  ];
  it.each(tests)('%s', (_, { given, want }) => {
    expect(markdownCode(given)).toBe(want);
  });
});

describe('markdownJsonBlock', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(markdownJsonBlock('{"a":"```"}')).toBe('````json\n{"a":"```"}\n````');
    expect(markdownJsonBlock('{}')).toBe('```json\n{}\n```');
  });
});
