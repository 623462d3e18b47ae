import { defineRule, where, code } from '../rule.ts';

export default defineRule({
  id: 'request-variant-added',
  level: 'non-breaking',
  kind: 'variant-added',
  direction: 'request',
  message: (c) => `${where(c)} accepts a new alternative ${code(c.after)}`,
});
