import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'api-description-changed',
  level: 'info',
  kind: 'info-description-changed',
  message: () => 'the API description or summary changed',
});
