import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Finds the Chromium for browser tests once per run (see tests/helpers/browser.ts),
    // and starts each run without shared builds (see tests/helpers/build.ts).
    globalSetup: ['tests/helpers/browser-setup.ts', 'tests/helpers/build-setup.ts'],
    // Build tests run `astro build` in subprocesses that share the project's
    // .astro cache, so test files run one at a time. (Shared builds are locked,
    // so they would stay built once if files ran in parallel.)
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
    snapshotFormat: { escapeString: false, printBasicPrototype: false },
  },
});
