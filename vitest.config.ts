import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Finds the Chromium for browser tests once per run (see tests/helpers/browser.ts).
    globalSetup: ['tests/helpers/browser-setup.ts'],
    // Build tests run `astro build` in subprocesses that share the project's
    // .astro cache, so test files run one at a time.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
    snapshotFormat: { escapeString: false, printBasicPrototype: false },
  },
});
