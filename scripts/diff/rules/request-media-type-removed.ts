import { defineRule, code } from '../rule.ts';

export default defineRule({
  id: 'request-media-type-removed',
  level: 'breaking',
  kind: 'media-type-removed',
  direction: 'request',
  message: (c) => `${c.context} no longer accepts ${code(c.before)}`,
});
