import { defineRule, where, fromTo } from '../rule.ts';

export default defineRule({
  id: 'response-constraint-tightened',
  level: 'info',
  kind: 'constraint-tightened',
  direction: 'response',
  message: (c) => `\`${c.keyword}\` of ${where(c)} tightened ${fromTo(c)}`,
});
