import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'request-body-removed',
  level: 'breaking',
  kind: 'request-body-removed',
  direction: 'request',
  message: () => 'request body removed',
});
