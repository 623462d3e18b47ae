import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'response-success-status-added',
  level: 'non-breaking',
  kind: 'response-added',
  direction: 'response',
  success: true,
  message: (c) => `success status added: ${c.context}`,
});
