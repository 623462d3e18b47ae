import { defineRule, where } from '../rule.ts';

export default defineRule({
  id: 'schema-deprecated',
  level: 'non-breaking',
  kind: 'schema-deprecated',
  message: (c) => `${where(c)} deprecated`,
});
