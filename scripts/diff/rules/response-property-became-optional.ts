import { defineRule, property } from '../rule.ts';

export default defineRule({
  id: 'response-property-became-optional',
  level: 'breaking',
  kind: 'property-became-optional',
  direction: 'response',
  message: (c) => `${property(c)} became optional`,
});
