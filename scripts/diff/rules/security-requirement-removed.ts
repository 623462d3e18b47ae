import { defineRule, code } from '../rule.ts';

export default defineRule({
  id: 'security-requirement-removed',
  level: 'breaking',
  kind: 'security-requirement-removed',
  message: (c) => `the operation no longer accepts ${code(c.before)} authentication`,
});
