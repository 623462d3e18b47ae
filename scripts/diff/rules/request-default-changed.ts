import { defineRule, where, fromTo } from '../rule.ts';

export default defineRule({
  id: 'request-default-changed',
  level: 'non-breaking',
  kind: 'default-changed',
  direction: 'request',
  message: (c) => `default of ${where(c)} changed ${fromTo(c)} (requests that leave it out behave differently)`,
});
