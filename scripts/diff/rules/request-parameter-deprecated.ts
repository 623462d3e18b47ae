import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'request-parameter-deprecated',
  level: 'non-breaking',
  kind: 'parameter-deprecated',
  direction: 'request',
  message: (c) => `${c.context} deprecated`,
});
