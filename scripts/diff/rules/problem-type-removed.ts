import { defineRule, code } from '../rule.ts';

export default defineRule({
  id: 'problem-type-removed',
  level: 'breaking',
  kind: 'problem-type-removed',
  message: (c) => `${c.context} removed: ${code(c.before)} is gone`,
});
