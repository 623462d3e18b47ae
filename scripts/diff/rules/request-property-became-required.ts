import { defineRule, property } from '../rule.ts';

export default defineRule({
  id: 'request-property-became-required',
  level: 'breaking',
  kind: 'property-became-required',
  direction: 'request',
  message: (c) => `${property(c)} became required`,
});
