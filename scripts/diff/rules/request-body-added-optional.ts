import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'request-body-added-optional',
  level: 'non-breaking',
  kind: 'request-body-added',
  direction: 'request',
  required: false,
  message: () => 'optional request body added',
});
