import { defineRule, where, fromTo } from '../rule.ts';

export default defineRule({
  id: 'schema-field-changed',
  level: 'info',
  kind: 'schema-keyword-changed',
  message: (c) => `\`${c.keyword}\` of ${where(c)} changed ${fromTo(c)}`,
});
