import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'request-body-became-optional',
  level: 'non-breaking',
  kind: 'request-body-became-optional',
  direction: 'request',
  message: () => 'the request body became optional',
});
