import { defineRule, code } from '../rule.ts';

export default defineRule({
  id: 'operation-added',
  level: 'non-breaking',
  kind: 'operation-added',
  message: (c) => (c.after ? `operation added: SDK method ${code(c.after)}` : 'operation added'),
});
