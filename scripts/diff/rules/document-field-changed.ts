import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'document-field-changed',
  level: 'info',
  kind: 'document-keyword-changed',
  message: (c) => `root field \`${c.keyword}\` changed`,
});
