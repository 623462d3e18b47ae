import { defineRule, property } from '../rule.ts';

export default defineRule({
  id: 'request-property-became-optional',
  level: 'non-breaking',
  kind: 'property-became-optional',
  direction: 'request',
  message: (c) => `${property(c)} became optional`,
});
