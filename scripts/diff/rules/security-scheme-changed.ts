import { defineRule, fromTo } from '../rule.ts';

export default defineRule({
  id: 'security-scheme-changed',
  level: 'breaking',
  kind: 'security-scheme-changed',
  message: (c) => `${c.context} changed ${fromTo(c)}: clients configured for it no longer authenticate`,
});
