// @ts-check
import { defineConfig } from 'astro/config';
import casefolio from './src/integration.ts';

// Your site's address and, for a GitHub Pages project site, its base path.
// Both can also come from the environment, as the deploy workflow does.
export default defineConfig({
  site: process.env.SITE_URL || undefined,
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'ignore',
  integrations: [casefolio()],
});
