import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'request-body-description-changed',
  level: 'info',
  kind: 'request-body-description-changed',
  direction: 'request',
  message: () => 'description of the request body changed',
});
