/**
 * Each casefolio() integration's resolved options, for `npm run check` to
 * read from the project's Astro config (authoring/site-config.ts): both
 * check the same content folder with the same lints.
 */

import type { AstroIntegration } from 'astro';
import type { ResolvedSiteOptions } from '../schemas/site-options.ts';

export const integrationOptions = new WeakMap<AstroIntegration, ResolvedSiteOptions>();
