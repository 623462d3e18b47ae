import { defineRule, code } from '../rule.ts';

export default defineRule({
  id: 'operation-removed',
  level: 'breaking',
  kind: 'operation-removed',
  message: (c) =>
    `operation removed${c.deprecated ? ' (it was deprecated)' : ''}${c.before ? `: SDK method ${code(c.before)} is gone` : ''}`,
});
