import { defineConfig } from 'vitest/config';

// Browser tests: the built extension (dist/) in real Chromium via playwright-core.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    passWithNoTests: false,
  },
});
