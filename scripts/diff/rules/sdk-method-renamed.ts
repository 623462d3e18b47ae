import { defineRule, fromTo } from '../rule.ts';

export default defineRule({
  id: 'sdk-method-renamed',
  level: 'breaking',
  kind: 'sdk-method-changed',
  message: (c) => `the SDK method changed ${fromTo(c)}`,
});
