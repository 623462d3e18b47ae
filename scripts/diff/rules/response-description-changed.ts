import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'response-description-changed',
  level: 'info',
  kind: 'response-description-changed',
  direction: 'response',
  message: (c) => `description of ${c.context} changed`,
});
