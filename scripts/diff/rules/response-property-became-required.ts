import { defineRule, property } from '../rule.ts';

export default defineRule({
  id: 'response-property-became-required',
  level: 'non-breaking',
  kind: 'property-became-required',
  direction: 'response',
  message: (c) => `${property(c)} is now always present`,
});
