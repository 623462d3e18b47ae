import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'operation-summary-changed',
  level: 'info',
  kind: 'operation-summary-changed',
  message: () => 'summary changed',
});
