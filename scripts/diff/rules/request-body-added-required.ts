import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'request-body-added-required',
  level: 'breaking',
  kind: 'request-body-added',
  direction: 'request',
  required: true,
  message: () => 'required request body added',
});
