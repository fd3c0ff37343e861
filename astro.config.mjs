// @ts-check
import { defineConfig } from 'astro/config';
import casefolio from './src/integration.ts';

// Your site's address and, for a GitHub Pages project site, its base path
// (`/<repository>/`). The deploy workflow sets both from the environment.
const site = process.env['SITE_URL'];

export default defineConfig({
  ...(site ? { site } : {}),
  base: process.env['BASE_PATH'] || '/',
  integrations: [casefolio()],
});
