import { defineRule, where } from '../rule.ts';

export default defineRule({
  id: 'schema-reactivated',
  level: 'info',
  kind: 'schema-reactivated',
  message: (c) => `${where(c)} no longer deprecated`,
});
