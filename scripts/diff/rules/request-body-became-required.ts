import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'request-body-became-required',
  level: 'breaking',
  kind: 'request-body-became-required',
  direction: 'request',
  message: () => 'the request body became required',
});
