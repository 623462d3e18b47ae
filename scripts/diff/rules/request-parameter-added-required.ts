import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'request-parameter-added-required',
  level: 'breaking',
  kind: 'parameter-added',
  direction: 'request',
  required: true,
  message: (c) => `required ${c.context} added`,
});
