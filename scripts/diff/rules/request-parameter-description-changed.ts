import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'request-parameter-description-changed',
  level: 'info',
  kind: 'parameter-description-changed',
  direction: 'request',
  message: (c) => `description of ${c.context} changed`,
});
