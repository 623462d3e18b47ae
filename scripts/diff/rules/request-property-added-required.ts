import { defineRule, property } from '../rule.ts';

export default defineRule({
  id: 'request-property-added-required',
  level: 'breaking',
  kind: 'property-added',
  direction: 'request',
  required: true,
  message: (c) => `required ${property(c)} added`,
});
