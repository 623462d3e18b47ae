import { defineRule, where, fromTo } from '../rule.ts';

export default defineRule({
  id: 'schema-format-changed',
  level: 'breaking',
  kind: 'format-changed',
  message: (c) => `format of ${where(c)} changed ${fromTo(c)}`,
});
