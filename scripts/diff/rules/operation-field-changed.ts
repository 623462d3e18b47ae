import { defineRule, fromTo } from '../rule.ts';

export default defineRule({
  id: 'operation-field-changed',
  level: 'info',
  kind: 'operation-keyword-changed',
  message: (c) => `operation field \`${c.keyword}\` changed ${fromTo(c)}`,
});
