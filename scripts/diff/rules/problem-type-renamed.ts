import { defineRule, fromTo } from '../rule.ts';

export default defineRule({
  id: 'problem-type-renamed',
  level: 'breaking',
  kind: 'problem-type-renamed',
  message: (c) => `the constant of ${c.context} changed ${fromTo(c)} (its title changed)`,
});
