import { defineRule, where, code } from '../rule.ts';

export default defineRule({
  id: 'schema-enum-added',
  level: 'breaking',
  kind: 'enum-added',
  message: (c) => `${where(c)} is now limited to ${code(c.after)}`,
});
