import { defineRule, where, code } from '../rule.ts';

export default defineRule({
  id: 'response-variant-removed',
  level: 'non-breaking',
  kind: 'variant-removed',
  direction: 'response',
  message: (c) => `${where(c)} is no longer the alternative ${code(c.before)}`,
});
