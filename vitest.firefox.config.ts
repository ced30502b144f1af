import { defineConfig } from 'vitest/config';

// Firefox browser tests: the built Firefox extension in real Firefox ESR via puppeteer-core over
// WebDriver BiDi. By default dist-firefox/; with `--mode package`, the Firefox zip as
// `npm run package` unpacked it (what a user or a store installs). One file at a time: each starts
// its own Firefox.
export default defineConfig(({ mode }) => ({
  test: {
    include: ['test/firefox/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    passWithNoTests: false,
    env: mode === 'package' ? { JOB_ENTITIES_FIREFOX_DIST: 'build/packages/unpacked/firefox' } : {},
  },
}));
