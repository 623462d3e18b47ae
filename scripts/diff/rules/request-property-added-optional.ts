import { defineRule, property } from '../rule.ts';

export default defineRule({
  id: 'request-property-added-optional',
  level: 'non-breaking',
  kind: 'property-added',
  direction: 'request',
  required: false,
  message: (c) => `optional ${property(c)} added`,
});
