import { defineRule, fromTo } from '../rule.ts';

export default defineRule({
  id: 'operation-id-changed',
  level: 'breaking',
  kind: 'operation-id-changed',
  message: (c) => `operationId changed ${fromTo(c)} (the \`operations\` type of openapi-types.ts is keyed by it)`,
});
