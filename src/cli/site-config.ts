import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { integrationOptions } from '../integration.ts';
import { siteOptionsSchema, type ResolvedSiteOptions } from '../schemas/site-options.ts';

/**
 * The casefolio() options in the project's astro.config.mjs, read by loading
 * the config file itself, so `npm run check` and the build agree on the
 * content folder, the recommended sections and the private-name patterns.
 * A config that cannot be loaded falls back to the defaults.
 */
export async function loadSiteOptions(root: string): Promise<{
  options: ResolvedSiteOptions;
  contentDir: string;
  warning?: string;
}> {
  let options = siteOptionsSchema.parse({});
  let warning: string | undefined;
  const configFile = ['astro.config.mjs', 'astro.config.ts', 'astro.config.js']
    .map((name) => path.join(root, name))
    .find((file) => existsSync(file));
  if (configFile) {
    try {
      const module = (await import(pathToFileURL(configFile).href)) as {
        default?: { integrations?: unknown[] };
      };
      const found = (module.default?.integrations ?? [])
        .flat(Infinity)
        .find(
          (integration): integration is AstroIntegration =>
            typeof integration === 'object' &&
            integration !== null &&
            integrationOptions.has(integration as AstroIntegration),
        );
      if (found) options = integrationOptions.get(found) ?? options;
    } catch (error) {
      warning = `could not load ${path.basename(configFile)} (${(error as Error).message}); using the default options`;
    }
  }
  const contentDir = path.resolve(root, process.env['CASEFOLIO_CONTENT_DIR'] ?? options.contentDir);
  return warning === undefined ? { options, contentDir } : { options, contentDir, warning };
}
