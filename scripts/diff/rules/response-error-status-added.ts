import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'response-error-status-added',
  level: 'non-breaking',
  kind: 'response-added',
  direction: 'response',
  success: false,
  message: (c) => `error status documented: ${c.context}`,
});
