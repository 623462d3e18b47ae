import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'servers-changed',
  level: 'info',
  kind: 'servers-changed',
  message: () => 'the servers changed (the SDK takes its base URL from the client options)',
});
