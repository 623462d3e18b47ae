// The spec lints clean with @redocly/cli under the committed redocly.yaml, and
// every rule that configuration switches off says why (issue 2, "3. Checks").
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { repoRoot } from './spec-fixture.ts';

const run = promisify(execFile);

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: {
    ruleId: string;
    severity: string;
    message: string;
    location?: { pointer?: string; source?: { ref?: string } }[];
  }[];
}

let report: LintReport;
let exitCode = 0;

beforeAll(async () => {
  let stdout: string;
  try {
    ({ stdout } = await run(
      'npx',
      ['--no', 'redocly', 'lint', 'spec/openapi.yaml', '--config', 'redocly.yaml', '--format', 'json'],
      {
        cwd: repoRoot,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      },
    ));
  } catch (e) {
    // A lint with errors exits non-zero but still prints the JSON report.
    const err = e as { code?: number; stdout?: string; stderr?: string };
    exitCode = typeof err.code === 'number' ? err.code : 1;
    stdout = err.stdout ?? '';
    if (!stdout.trim()) throw new Error(`redocly lint produced no report: ${err.stderr ?? String(e)}`);
  }
  const start = stdout.indexOf('{');
  report = JSON.parse(stdout.slice(start)) as LintReport;
});

describe('redocly lint', () => {
  it('reports zero errors and zero warnings', () => {
    const summary = report.problems.map(
      (p) =>
        `${p.severity} ${p.ruleId}: ${p.message} @ ${p.location?.[0]?.source?.ref ?? ''}${p.location?.[0]?.pointer ?? ''}`,
    );
    expect(summary).toEqual([]);
    expect(report.totals.errors).toBe(0);
    expect(report.totals.warnings).toBe(0);
    expect(exitCode).toBe(0);
  });

  it('ignores nothing through an ignore file', () => {
    expect(report.totals.ignored).toBe(0);
  });
});

describe('redocly.yaml', () => {
  const file = path.join(repoRoot, 'redocly.yaml');
  const text = readFileSync(file, 'utf8');
  const lines = text.split(/\r?\n/);
  const doc = YAML.parseDocument(text);

  /** Rules switched off, with the 1-based line of their key. */
  function rulesTurnedOff(): { rule: string; line: number }[] {
    const rules = doc.get('rules', true);
    if (!YAML.isMap(rules)) return [];
    const out: { rule: string; line: number }[] = [];
    for (const pair of rules.items) {
      const key = pair.key as YAML.Scalar;
      const value = pair.value;
      const severity = YAML.isScalar(value)
        ? value.value
        : YAML.isMap(value)
          ? (value.get('severity') as unknown)
          : undefined;
      if (severity !== 'off') continue;
      const offset = key.range?.[0] ?? 0;
      out.push({ rule: String(key.value), line: text.slice(0, offset).split('\n').length });
    }
    return out;
  }

  it('extends a ruleset and parses', () => {
    expect(doc.errors).toEqual([]);
    expect(doc.get('extends')).toBeTruthy();
  });

  it('turns off at least the rules the project documents', () => {
    expect(rulesTurnedOff().map((r) => r.rule)).toEqual(expect.arrayContaining(['paths-kebab-case']));
  });

  it('has a comment directly above every rule it turns off, saying why', () => {
    const missing: string[] = [];
    for (const { rule, line } of rulesTurnedOff()) {
      const above = lines[line - 2] ?? '';
      // The comment must be the line directly above and carry some words.
      if (!/^\s*#\s*\S.{10,}/.test(above))
        missing.push(`${rule} (line ${line}): line above is ${JSON.stringify(above)}`);
    }
    expect(missing).toEqual([]);
  });
});
