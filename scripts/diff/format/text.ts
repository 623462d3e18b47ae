// `--format text`: for terminals. One block per level, one finding per line
// with its location and rule id below it.
import type { DiffReport } from '../diff.ts';
import type { Level } from '../rule.ts';
import { summaryCounts } from './summary.ts';

const HEADINGS: Record<Level, string> = { breaking: 'BREAKING', 'non-breaking': 'NON-BREAKING', info: 'INFO' };

export function formatText(report: DiffReport): string {
  const lines = [`${report.base} → ${report.revision}: ${summaryCounts(report)}; semver ${report.semver}`];
  for (const level of Object.keys(HEADINGS) as Level[]) {
    const list = report.findings.filter((f) => f.level === level);
    if (!list.length) continue;
    lines.push('', HEADINGS[level]);
    for (const f of list) {
      lines.push(`  ${f.operation ? `${f.operation}: ` : ''}${f.message}`, `      at ${f.location} [${f.id}]`);
    }
  }
  if (report.sdk.methods.length) {
    lines.push('', 'SDK METHODS', ...report.sdk.methods.map((m) => `  ${m.accessor} (${m.level})`));
  }
  return lines.join('\n') + '\n';
}
