// `--format md` (the default): a pull-request comment. A summary line with
// the counts and the semver bump; breaking changes, then non-breaking ones,
// each with its operation, location and message; the SDK methods and types
// that change; info changes (documentation and the like) folded away in <details>.
import type { Finding } from '../classify.ts';
import type { DiffReport } from '../diff.ts';
import { count, summaryCounts } from './summary.ts';

/** A code span that survives backticks inside the text. */
export function codeSpan(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest ? `${fence} ${flat} ${fence}` : `${fence}${flat}${fence}`;
}

/** Message text outside code spans: angle brackets and ampersands would be read as HTML. */
function inline(text: string): string {
  return text
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 ? part : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('')
    .replace(/\s*\n\s*/g, ' ');
}

function item(f: Finding): string {
  const operation = f.operation ? `${codeSpan(f.operation)}: ` : '';
  return `- ${operation}${inline(f.message)}  \n  ${codeSpan(f.location)} · ${codeSpan(f.id)}`;
}

export function formatMarkdown(report: DiffReport): string {
  const lines: string[] = [];
  lines.push(`## API changes: ${codeSpan(report.base)} → ${codeSpan(report.revision)}`, '');
  if (!report.findings.length) {
    lines.push('No changes to the API. **semver: patch**', '');
    return lines.join('\n');
  }
  lines.push(`**${summaryCounts(report)}. semver: ${report.semver}**`, '');
  const section = (title: string, level: Finding['level']) => {
    const list = report.findings.filter((f) => f.level === level);
    if (list.length) lines.push(`### ${title} (${list.length})`, '', ...list.map(item), '');
  };
  section('Breaking changes', 'breaking');
  section('Non-breaking changes', 'non-breaking');

  const { methods, types } = report.sdk;
  if (methods.length || types.added.length || types.removed.length || types.changed.length) {
    lines.push('### Generated SDK', '');
    if (methods.length) {
      lines.push(
        '| method | change |',
        '| --- | --- |',
        ...methods.map((m) => `| ${codeSpan(m.accessor)} | ${m.level} |`),
        '',
      );
    }
    const names = (list: string[]) => list.map(codeSpan).join(', ');
    if (types.removed.length) lines.push(`- types removed: ${names(types.removed)}`);
    if (types.changed.length) lines.push(`- types changed: ${names(types.changed)}`);
    if (types.added.length) lines.push(`- types added: ${names(types.added)}`);
    if (types.removed.length || types.changed.length || types.added.length) lines.push('');
  }

  const docs = report.findings.filter((f) => f.level === 'info');
  if (docs.length) {
    lines.push(
      `<details><summary>Info: documentation and other changes no code has to follow (${count(report, 'info')})</summary>`,
      '',
      ...docs.map(item),
      '',
      '</details>',
      '',
    );
  }
  return lines.join('\n');
}
