import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { integrationOptions } from '../integration/options.ts';
import { siteOptionsSchema, type ResolvedSiteOptions } from '../schemas/site-options.ts';

/** The config files Astro looks for in the project root, in its order. */
const CONFIG_NAMES = ['astro.config.mjs', 'astro.config.ts', 'astro.config.js'];

export interface SiteConfig {
  options: ResolvedSiteOptions;
  contentDir: string;
  /** Astro's publicDir: its files are published as they are, photos included. */
  publicDir: string;
  /** Astro's base, with a leading and trailing slash: where `astro dev` serves the site. */
  base: string;
  /** Astro's `site`, the address the portfolio is published at, when the config gives one. */
  site?: string;
  warning?: string;
  /** The lines of `casefolio()` options the schema refuses: the build refuses them too, so `check` reports them as errors. */
  optionsErrors?: string[];
}

/** `portfolio`, `/portfolio` or `/portfolio/` as Astro serves it: `/portfolio/`; empty is `/`. */
function slashed(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * The one line `--config FILE` gets when FILE does not exist (relative to
 * root), or undefined: a config named on purpose is never silently replaced
 * by the defaults, as a config that fails to load is.
 */
export function missingConfig(root: string, configFile: string | undefined): string | undefined {
  return configFile !== undefined && !existsSync(path.resolve(root, configFile))
    ? `--config ${configFile}: file not found`
    : undefined;
}

/**
 * The casefolio() options, publicDir and base in the project's Astro config, read by
 * loading the config file itself, so `npm run check` and the build agree on the
 * content folder, the public folder, the recommended sections and the
 * private-name patterns. `configFile` (relative to root) is the one
 * `--config` names, as `astro build --config` takes it; by default Astro's own
 * names are tried. A config that cannot be loaded falls back to the defaults.
 */
export async function loadSiteOptions(root: string, configFile?: string): Promise<SiteConfig> {
  let options = siteOptionsSchema.parse({});
  let publicDir = 'public';
  let base = '/';
  let site: string | undefined;
  let warning: string | undefined;
  let optionsErrors: string[] | undefined;
  const file =
    configFile === undefined
      ? CONFIG_NAMES.map((name) => path.join(root, name)).find((name) => existsSync(name))
      : path.resolve(root, configFile);
  if (file) {
    try {
      const module = (await import(pathToFileURL(file).href)) as {
        default?: { integrations?: unknown[]; publicDir?: unknown; base?: unknown; site?: unknown };
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
      if (typeof module.default?.publicDir === 'string') publicDir = module.default.publicDir;
      if (typeof module.default?.base === 'string') base = slashed(module.default.base);
      if (typeof module.default?.site === 'string') site = module.default.site;
    } catch (error) {
      const name = path.relative(root, file) || file;
      if (error instanceof Error && error.name === 'SiteOptionsError') {
        optionsErrors = error.message.split('\n').map((line) => `${name}: ${line}`);
      } else {
        warning = `could not load ${name} (${(error as Error).message}); using the default options`;
      }
    }
  }
  const contentDir = path.resolve(root, process.env['CASEFOLIO_CONTENT_DIR'] ?? options.contentDir);
  const config = {
    options,
    contentDir,
    publicDir: path.resolve(root, publicDir),
    base,
    ...(site === undefined ? {} : { site }),
  };
  return {
    ...config,
    ...(warning === undefined ? {} : { warning }),
    ...(optionsErrors === undefined ? {} : { optionsErrors }),
  };
}
