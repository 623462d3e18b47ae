import { defineRule, fromTo } from '../rule.ts';

export default defineRule({
  id: 'operation-tag-changed',
  level: 'info',
  kind: 'operation-tag-changed',
  message: (c) => `tag changed ${fromTo(c)} (the method's models and docs move to that resource)`,
});
