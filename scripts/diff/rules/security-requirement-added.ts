import { defineRule, code } from '../rule.ts';

export default defineRule({
  id: 'security-requirement-added',
  level: 'non-breaking',
  kind: 'security-requirement-added',
  message: (c) => `the operation also accepts ${code(c.after)} authentication`,
});
