import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Spec and generator tests run whole pipelines; a noisy 2-core machine
    // needs room, and the runtime tests own their servers.
    pool: 'forks',
  },
});
