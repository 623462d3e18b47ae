import { defineRule, where, code } from '../rule.ts';

export default defineRule({
  id: 'response-enum-value-added',
  level: 'breaking',
  kind: 'enum-value-added',
  direction: 'response',
  message: (c) => `${where(c)} can now be ${code(c.after)} (a switch over the old values is no longer exhaustive)`,
});
