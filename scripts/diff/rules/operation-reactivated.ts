import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'operation-reactivated',
  level: 'info',
  kind: 'operation-reactivated',
  message: () => 'operation no longer deprecated',
});
