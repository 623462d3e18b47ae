import { defineRule, where } from '../rule.ts';

export default defineRule({
  id: 'response-additional-properties-allowed',
  level: 'non-breaking',
  kind: 'additional-properties-allowed',
  direction: 'response',
  message: (c) => `${where(c)} can now carry other members`,
});
