import { defineRule, where, fromTo } from '../rule.ts';

export default defineRule({
  id: 'schema-type-changed',
  level: 'breaking',
  kind: 'type-changed',
  message: (c) => `type of ${where(c)} changed ${fromTo(c)}`,
});
