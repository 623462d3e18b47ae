import { defineRule, where, fromTo } from '../rule.ts';

export default defineRule({
  id: 'response-default-changed',
  level: 'info',
  kind: 'default-changed',
  direction: 'response',
  message: (c) => `default of ${where(c)} changed ${fromTo(c)}`,
});
