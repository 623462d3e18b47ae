// The formatters on hand-made reports: markdown survives what spec values
// can hold (backticks, angle brackets, newlines), and an empty diff says so.
import { describe, expect, it } from 'vitest';
import type { DiffReport } from '../../scripts/diff/diff.ts';
import { codeSpan, formatMarkdown } from '../../scripts/diff/format/markdown.ts';
import { formatJson } from '../../scripts/diff/format/json.ts';
import { formatText } from '../../scripts/diff/format/text.ts';

const report = (findings: DiffReport['findings']): DiffReport => ({
  base: 'a.yaml',
  revision: 'b.yaml',
  breaking: findings.some((f) => f.level === 'breaking'),
  semver: findings.some((f) => f.level === 'breaking') ? 'major' : findings.length ? 'minor' : 'patch',
  findings,
  sdk: { methods: [], types: { added: [], removed: [], changed: [] } },
});

describe('codeSpan', () => {
  it.each([
    ['plain', '`plain`'],
    ['a`b', '`` a`b ``'],
    ['a``b`', '``` a``b` ```'],
    ['two\nlines', '`two lines`'],
  ])('%j → %s', (given, want) => {
    expect(codeSpan(given)).toBe(want);
  });
});

describe('markdown', () => {
  it('escapes HTML outside code spans and keeps it inside them', () => {
    const md = formatMarkdown(
      report([
        {
          id: 'schema-field-changed',
          level: 'non-breaking',
          operation: 'GET /x',
          location: '#/paths/~1x/get',
          message: 'value <b>bold</b> & `<i>kept</i>`',
        },
      ]),
    );
    expect(md).toContain('value &lt;b&gt;bold&lt;/b&gt; &amp; `<i>kept</i>`');
    expect(md).not.toContain('<b>');
  });

  it('says when nothing changed', () => {
    expect(formatMarkdown(report([]))).toContain('No changes to the API. **semver: patch**');
    expect(formatText(report([]))).toBe(
      'a.yaml → b.yaml: 0 breaking, 0 non-breaking, 0 info (documentation and the like); semver patch\n',
    );
    expect(JSON.parse(formatJson(report([])))).toEqual({ breaking: false, semver: 'patch', changes: [] });
  });

  it('folds info changes into details, after the others', () => {
    const md = formatMarkdown(
      report([
        {
          id: 'operation-added',
          level: 'non-breaking',
          operation: 'GET /y',
          location: '#/paths/~1y/get',
          message: 'operation added',
        },
        {
          id: 'api-version-changed',
          level: 'info',
          operation: null,
          location: '#/info/version',
          message: 'info.version changed',
        },
      ]),
    );
    expect(md.indexOf('### Non-breaking changes (1)')).toBeLessThan(md.indexOf('<details>'));
    expect(md).toMatch(
      /<details><summary>[^<]*\(1\)<\/summary>\n\n- info\.version changed {2}\n {2}`#\/info\/version` · `api-version-changed`\n\n<\/details>/,
    );
  });
});
