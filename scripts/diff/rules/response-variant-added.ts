import { defineRule, where, code } from '../rule.ts';

export default defineRule({
  id: 'response-variant-added',
  level: 'breaking',
  kind: 'variant-added',
  direction: 'response',
  message: (c) => `${where(c)} can now be the alternative ${code(c.after)} (code narrowing the union misses it)`,
});
