import { defineRule, where } from '../rule.ts';

export default defineRule({
  id: 'response-nullable-removed',
  level: 'non-breaking',
  kind: 'nullable-removed',
  direction: 'response',
  message: (c) => `${where(c)} is no longer null`,
});
