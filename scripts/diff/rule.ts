// What a rule is: a stable kebab-case id, a level, the kind of structural
// change it classifies (narrowed by direction and facts), and its message.
// One rule per file under rules/; rules/registry.ts lists them all.
import type { Json } from '../pipeline/load.ts';
import type { ChangeKind, Direction, StructuralChange } from './changes.ts';

export type Level = 'breaking' | 'non-breaking' | 'info';
export const LEVELS: readonly Level[] = ['breaking', 'non-breaking', 'info'];

export interface Rule {
  id: string;
  level: Level;
  kind: ChangeKind;
  /** The facts the rule is for; an absent fact matches either value. */
  direction?: Direction | null;
  required?: boolean;
  success?: boolean;
  message: (change: StructuralChange) => string;
}

export const defineRule = (rule: Rule): Rule => rule;

export function ruleMatches(
  rule: Rule,
  change: Pick<StructuralChange, 'kind' | 'direction' | 'required' | 'success'>,
): boolean {
  return (
    rule.kind === change.kind &&
    (rule.direction === undefined || rule.direction === change.direction) &&
    (rule.required === undefined || rule.required === change.required) &&
    (rule.success === undefined || rule.success === change.success)
  );
}

// ---- message helpers

/** "`keyStore.certificate` in the request body", or "the request body" itself. */
export const where = (c: StructuralChange) => (c.subject ? `\`${c.subject}\` in ${c.context}` : c.context);
/** "property `keyStore.certificate` of the request body" */
export const property = (c: StructuralChange) => `property \`${c.subject}\` of ${c.context}`;
export const code = (v: Json | undefined) =>
  v === undefined || v === null ? 'nothing' : `\`${typeof v === 'string' ? v : JSON.stringify(v)}\``;
export const fromTo = (c: StructuralChange) => `from ${code(c.before)} to ${code(c.after)}`;
