import { defineRule, fromTo } from '../rule.ts';

export default defineRule({
  id: 'path-parameter-renamed',
  level: 'non-breaking',
  kind: 'path-parameter-renamed',
  message: (c) => `path parameter renamed ${fromTo(c)} (the SDK passes path parameters by position)`,
});
