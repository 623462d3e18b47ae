import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'operation-description-changed',
  level: 'info',
  kind: 'operation-description-changed',
  message: () => 'description changed',
});
