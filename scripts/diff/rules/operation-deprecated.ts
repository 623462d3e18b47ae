import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'operation-deprecated',
  level: 'non-breaking',
  kind: 'operation-deprecated',
  message: () => 'operation deprecated',
});
