import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'request-parameter-removed',
  level: 'breaking',
  kind: 'parameter-removed',
  direction: 'request',
  message: (c) => `${c.context} removed`,
});
