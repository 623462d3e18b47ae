// `--format json`: exactly one JSON document, the contract other tools read
// (`npm run release` takes `semver` from it).
import type { DiffReport } from '../diff.ts';

export function formatJson(report: DiffReport): string {
  const document = {
    breaking: report.breaking,
    semver: report.semver,
    changes: report.findings.map((f) => ({
      id: f.id,
      level: f.level,
      operation: f.operation,
      location: f.location,
      message: f.message,
    })),
  };
  return JSON.stringify(document, null, 2) + '\n';
}
