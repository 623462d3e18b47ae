// The one-line summary both human formats open with.
import type { DiffReport } from '../diff.ts';
import type { Level } from '../rule.ts';

export const count = (report: DiffReport, level: Level) => report.findings.filter((f) => f.level === level).length;

export function summaryCounts(report: DiffReport): string {
  const n = (level: Level, word: string) => `${count(report, level)} ${word}`;
  return `${n('breaking', 'breaking')}, ${n('non-breaking', 'non-breaking')}, ${n('info', 'info (documentation and the like)')}`;
}
