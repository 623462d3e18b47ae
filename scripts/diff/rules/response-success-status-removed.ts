import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'response-success-status-removed',
  level: 'breaking',
  kind: 'response-removed',
  direction: 'response',
  success: true,
  message: (c) => `success status removed: ${c.context}`,
});
