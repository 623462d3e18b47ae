import { defineRule, where } from '../rule.ts';

export default defineRule({
  id: 'request-additional-properties-refused',
  level: 'breaking',
  kind: 'additional-properties-refused',
  direction: 'request',
  message: (c) => `${where(c)} no longer accepts other members`,
});
