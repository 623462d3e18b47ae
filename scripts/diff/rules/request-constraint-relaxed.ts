import { defineRule, where, fromTo } from '../rule.ts';

export default defineRule({
  id: 'request-constraint-relaxed',
  level: 'non-breaking',
  kind: 'constraint-relaxed',
  direction: 'request',
  message: (c) => `\`${c.keyword}\` of ${where(c)} relaxed ${fromTo(c)}`,
});
