import { defineRule, fromTo } from '../rule.ts';

export default defineRule({
  id: 'api-version-changed',
  level: 'info',
  kind: 'info-version-changed',
  message: (c) => `info.version changed ${fromTo(c)}`,
});
