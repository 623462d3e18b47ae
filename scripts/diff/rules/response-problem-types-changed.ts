import { defineRule, fromTo } from '../rule.ts';

export default defineRule({
  id: 'response-problem-types-changed',
  level: 'info',
  kind: 'response-problem-types-changed',
  direction: 'response',
  success: false,
  message: (c) => `problem types listed for ${c.context} changed ${fromTo(c)}`,
});
