import { defineRule, code } from '../rule.ts';

export default defineRule({
  id: 'request-media-type-added',
  level: 'non-breaking',
  kind: 'media-type-added',
  direction: 'request',
  message: (c) => `${c.context} also accepts ${code(c.after)}`,
});
