import { defineRule, where } from '../rule.ts';

export default defineRule({
  id: 'schema-docs-changed',
  level: 'info',
  kind: 'schema-docs-changed',
  message: (c) => `\`${c.keyword}\` of ${where(c)} changed`,
});
