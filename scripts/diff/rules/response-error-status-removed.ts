import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'response-error-status-removed',
  level: 'info',
  kind: 'response-removed',
  direction: 'response',
  success: false,
  message: (c) => `error status no longer documented: ${c.context} (the SDK still throws by status family)`,
});
