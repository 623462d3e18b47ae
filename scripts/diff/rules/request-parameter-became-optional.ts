import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'request-parameter-became-optional',
  level: 'non-breaking',
  kind: 'parameter-became-optional',
  direction: 'request',
  message: (c) => `${c.context} became optional`,
});
