import { defineRule, where } from '../rule.ts';

export default defineRule({
  id: 'response-became-nullable',
  level: 'breaking',
  kind: 'nullable-added',
  direction: 'response',
  message: (c) => `${where(c)} can now be null`,
});
