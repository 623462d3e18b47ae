import { defineRule, fromTo } from '../rule.ts';

export default defineRule({
  id: 'api-title-changed',
  level: 'info',
  kind: 'info-title-changed',
  message: (c) => `the API title changed ${fromTo(c)}`,
});
