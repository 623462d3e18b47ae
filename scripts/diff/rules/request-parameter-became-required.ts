import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'request-parameter-became-required',
  level: 'breaking',
  kind: 'parameter-became-required',
  direction: 'request',
  message: (c) => `${c.context} became required`,
});
