import { defineRule, where } from '../rule.ts';

export default defineRule({
  id: 'response-additional-properties-refused',
  level: 'breaking',
  kind: 'additional-properties-refused',
  direction: 'response',
  message: (c) => `${where(c)} no longer carries other members (its index signature is gone)`,
});
