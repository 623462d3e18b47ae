import { defineRule, property } from '../rule.ts';

export default defineRule({
  id: 'request-property-removed',
  level: 'breaking',
  kind: 'property-removed',
  direction: 'request',
  message: (c) => `${property(c)} removed`,
});
