import { defineRule, fromTo } from '../rule.ts';

export default defineRule({
  id: 'request-parameter-style-changed',
  level: 'info',
  kind: 'parameter-style-changed',
  direction: 'request',
  message: (c) => `\`${c.keyword}\` of ${c.context} changed ${fromTo(c)} (the regenerated client serialises it)`,
});
