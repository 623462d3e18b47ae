import { defineRule, code } from '../rule.ts';

export default defineRule({
  id: 'problem-type-added',
  level: 'non-breaking',
  kind: 'problem-type-added',
  message: (c) => `${c.context} added: ${code(c.after)}`,
});
