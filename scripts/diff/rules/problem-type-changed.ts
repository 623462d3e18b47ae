import { defineRule, code } from '../rule.ts';

export default defineRule({
  id: 'problem-type-changed',
  level: 'info',
  kind: 'problem-type-changed',
  message: (c) => `the status, title or description of ${c.context} (${code(c.after)}) changed`,
});
