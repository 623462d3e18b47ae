import { defineRule, where } from '../rule.ts';

export default defineRule({
  id: 'request-additional-properties-allowed',
  level: 'non-breaking',
  kind: 'additional-properties-allowed',
  direction: 'request',
  message: (c) => `${where(c)} now accepts other members`,
});
