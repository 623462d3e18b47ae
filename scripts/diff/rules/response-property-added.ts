import { defineRule, property } from '../rule.ts';

export default defineRule({
  id: 'response-property-added',
  level: 'non-breaking',
  kind: 'property-added',
  direction: 'response',
  message: (c) => `${property(c)} added`,
});
