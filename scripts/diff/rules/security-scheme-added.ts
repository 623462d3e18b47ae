import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'security-scheme-added',
  level: 'info',
  kind: 'security-scheme-added',
  message: (c) => `${c.context} added`,
});
