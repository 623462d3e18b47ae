import { defineRule, where, code } from '../rule.ts';

export default defineRule({
  id: 'request-enum-value-added',
  level: 'non-breaking',
  kind: 'enum-value-added',
  direction: 'request',
  message: (c) => `${where(c)} accepts the new value ${code(c.after)}`,
});
