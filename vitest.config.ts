import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Spec and generator tests run whole pipelines; a noisy 2-core machine
    // needs room, and the runtime tests own their servers.
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/package/**'] } },
      {
        // The package as users get it: built, packed and installed once per
        // run by the global setup, shared by every test file here.
        extends: true,
        test: {
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          globalSetup: ['test/package/support/setup.ts'],
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
