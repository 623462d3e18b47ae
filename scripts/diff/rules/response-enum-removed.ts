import { defineRule, where, code } from '../rule.ts';

export default defineRule({
  id: 'response-enum-removed',
  level: 'breaking',
  kind: 'enum-removed',
  direction: 'response',
  message: (c) => `${where(c)} is no longer limited to ${code(c.before)} (its type widens to the base type)`,
});
