import { defineRule, where, code } from '../rule.ts';

export default defineRule({
  id: 'response-enum-value-removed',
  level: 'breaking',
  kind: 'enum-value-removed',
  direction: 'response',
  message: (c) => `${where(c)} is no longer ${code(c.before)} (code comparing with it stops compiling)`,
});
