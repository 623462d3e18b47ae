import { defineRule, where } from '../rule.ts';

export default defineRule({
  id: 'request-became-nullable',
  level: 'non-breaking',
  kind: 'nullable-added',
  direction: 'request',
  message: (c) => `${where(c)} now accepts null`,
});
