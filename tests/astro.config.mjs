// @ts-check
// The Astro config of every test build, dev server and `npm run check` in the
// tests, in place of the project's astro.config.mjs: that one is the user's to
// change (a base path, options, a public/ folder with their own photos), and
// the tests must pass whatever they do with it. Root stays the project root.
import { defineConfig } from 'astro/config';
import casefolio from '../src/integration.ts';

// Like the project's config, so tests can build with a site URL or base path.
const site = process.env['SITE_URL'];
// A test that needs an integration option passes it as JSON (tests/build/analytics.test.ts).
const options = JSON.parse(process.env['CASEFOLIO_TEST_OPTIONS'] || '{}');

export default defineConfig({
  ...(site ? { site } : {}),
  base: process.env['BASE_PATH'] || '/',
  // The favicon the layout links, and nothing of the user's public/; a test
  // that needs its own public/ names it in CASEFOLIO_TEST_PUBLIC_DIR.
  publicDir: process.env['CASEFOLIO_TEST_PUBLIC_DIR'] || './tests/fixtures/public',
  integrations: [casefolio(options)],
});
