import { defineRule, code } from '../rule.ts';

export default defineRule({
  id: 'response-media-type-added',
  level: 'non-breaking',
  kind: 'media-type-added',
  direction: 'response',
  message: (c) => `${c.context} can also be ${code(c.after)}`,
});
