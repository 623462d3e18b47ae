import { defineRule, where, fromTo } from '../rule.ts';

export default defineRule({
  id: 'request-constraint-tightened',
  level: 'breaking',
  kind: 'constraint-tightened',
  direction: 'request',
  message: (c) => `\`${c.keyword}\` of ${where(c)} tightened ${fromTo(c)}`,
});
