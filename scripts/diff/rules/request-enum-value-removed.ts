import { defineRule, where, code } from '../rule.ts';

export default defineRule({
  id: 'request-enum-value-removed',
  level: 'breaking',
  kind: 'enum-value-removed',
  direction: 'request',
  message: (c) => `${where(c)} no longer accepts ${code(c.before)}`,
});
