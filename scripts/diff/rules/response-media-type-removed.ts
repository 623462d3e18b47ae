import { defineRule, code } from '../rule.ts';

export default defineRule({
  id: 'response-media-type-removed',
  level: 'breaking',
  kind: 'media-type-removed',
  direction: 'response',
  message: (c) => `${c.context} is no longer ${code(c.before)}`,
});
