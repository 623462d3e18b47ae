// Stage 4 of `npm run diff`, rules: each structural change is classified by
// the one rule that claims it, giving a finding with the rule's id, level
// and message. Findings are sorted by a total order, so the same pair of
// specs always gives the same report.
import type { StructuralChange } from './changes.ts';
import { LEVELS, type Level, type Rule, ruleMatches } from './rule.ts';
import { RULES, UNREPORTED } from './rules/registry.ts';
import { compareText } from '../util/order.ts';

export interface Finding {
  id: string;
  level: Level;
  /** `METHOD /path/{template}`, null for document-level changes. */
  operation: string | null;
  location: string;
  message: string;
}

export type Semver = 'major' | 'minor' | 'patch';

export function ruleFor(
  change: Pick<StructuralChange, 'kind' | 'direction' | 'required' | 'success'>,
  rules: readonly Rule[] = RULES,
): Rule[] {
  return rules.filter((r) => ruleMatches(r, change));
}

export function classify(changes: StructuralChange[], rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  for (const change of changes) {
    if (UNREPORTED[change.kind] !== undefined) continue;
    const [rule, ...others] = ruleFor(change, rules);
    // The registry audit rules both out; this guards a rule set edited without running it.
    if (!rule || others.length)
      throw new Error(
        `diff: ${rule ? 'several rules' : 'no rule'} for a ${change.kind} change (${change.direction ?? 'no direction'}) at ${change.location}`,
      );
    const finding: Finding = {
      id: rule.id,
      level: rule.level,
      operation: change.operation ? `${change.operation.method} ${change.operation.path}` : null,
      location: change.location,
      message: rule.message(change),
    };
    findings.push(finding);
  }
  return mergeRepresentations(findings.sort(compareFindings));
}

/** The media-type member of a location (`/content/application~1json/`). */
const MEDIA_TYPE_SEGMENT = /\/content\/[^/]+\//;
/** The media type a message names (` (application/json)`). */
const MEDIA_TYPE_NOTE = / \([a-z]+\/[^)\s]+\)/;

/**
 * One finding per operation and change: the same schema change reached
 * through several representations of one operation (the vendor media type
 * and application/json) is one change to the SDK method. The first location
 * in the total order stands for them all, and the message then names no
 * media type.
 */
function mergeRepresentations(sorted: Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of sorted) {
    const key = JSON.stringify([
      f.id,
      f.level,
      f.operation,
      f.message.replace(MEDIA_TYPE_NOTE, ''),
      f.location.replace(MEDIA_TYPE_SEGMENT, '/content/*/'),
    ]);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()].map(([first, ...rest]) =>
    rest.length ? { ...first!, message: first!.message.replace(MEDIA_TYPE_NOTE, '') } : first!,
  );
}

/** Level (breaking first), then document-level before operations, path, method, location, id, message. */
export function compareFindings(x: Finding, y: Finding): number {
  const order = (f: Finding) => [
    String(LEVELS.indexOf(f.level)),
    f.operation === null ? '0' : '1',
    f.operation?.slice(f.operation.indexOf(' ') + 1) ?? '',
    f.operation?.slice(0, f.operation.indexOf(' ')) ?? '',
    f.location,
    f.id,
    f.message,
  ];
  const a = order(x);
  const b = order(y);
  for (let i = 0; i < a.length; i++) {
    const c = compareText(a[i]!, b[i]!);
    if (c) return c;
  }
  return 0;
}

/** major when anything breaks, minor for non-breaking additions and deprecations, patch otherwise. */
export function semverOf(findings: Finding[]): Semver {
  if (findings.some((f) => f.level === 'breaking')) return 'major';
  if (findings.some((f) => f.level === 'non-breaking')) return 'minor';
  return 'patch';
}
