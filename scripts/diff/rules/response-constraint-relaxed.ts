import { defineRule, where, fromTo } from '../rule.ts';

export default defineRule({
  id: 'response-constraint-relaxed',
  level: 'non-breaking',
  kind: 'constraint-relaxed',
  direction: 'response',
  message: (c) => `\`${c.keyword}\` of ${where(c)} relaxed ${fromTo(c)}`,
});
