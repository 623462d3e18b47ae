import { defineRule, where, code } from '../rule.ts';

export default defineRule({
  id: 'request-variant-removed',
  level: 'breaking',
  kind: 'variant-removed',
  direction: 'request',
  message: (c) => `${where(c)} no longer accepts the alternative ${code(c.before)}`,
});
