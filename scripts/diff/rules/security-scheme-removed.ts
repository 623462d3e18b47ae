import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'security-scheme-removed',
  level: 'breaking',
  kind: 'security-scheme-removed',
  message: (c) => `${c.context} removed`,
});
