import { defineRule, where } from '../rule.ts';

export default defineRule({
  id: 'request-nullable-removed',
  level: 'breaking',
  kind: 'nullable-removed',
  direction: 'request',
  message: (c) => `${where(c)} no longer accepts null`,
});
