import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'request-parameter-added-optional',
  level: 'non-breaking',
  kind: 'parameter-added',
  direction: 'request',
  required: false,
  message: (c) => `optional ${c.context} added`,
});
