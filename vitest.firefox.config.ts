import { defineConfig } from 'vitest/config';

// Firefox browser tests: the built Firefox extension (dist-firefox/) in real Firefox ESR via
// puppeteer-core over WebDriver BiDi. One file at a time: each starts its own Firefox.
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    passWithNoTests: false,
  },
});
