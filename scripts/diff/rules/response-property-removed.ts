import { defineRule, property } from '../rule.ts';

export default defineRule({
  id: 'response-property-removed',
  level: 'breaking',
  kind: 'property-removed',
  direction: 'response',
  message: (c) => `${property(c)} removed`,
});
