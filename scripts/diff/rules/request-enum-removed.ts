import { defineRule, where, code } from '../rule.ts';

export default defineRule({
  id: 'request-enum-removed',
  level: 'non-breaking',
  kind: 'enum-removed',
  direction: 'request',
  message: (c) => `${where(c)} is no longer limited to ${code(c.before)}`,
});
