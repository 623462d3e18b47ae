import { defineRule, code } from '../rule.ts';

export default defineRule({
  id: 'sdk-type-removed',
  level: 'breaking',
  kind: 'component-schema-removed',
  message: (c) => `schema \`${c.subject}\` removed: the SDK no longer has type ${code(c.before)}`,
});
