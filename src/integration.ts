import type { AstroIntegration } from 'astro';
import { parseSiteOptions, type SiteOptions } from './schemas/site-options.ts';
import { finishBuild } from './integration/build-done.ts';
import { setUpConfig, takeFinalConfig } from './integration/config-setup.ts';
import { watchContent } from './integration/dev-watcher.ts';
import { integrationOptions } from './integration/options.ts';
import { newIntegrationState } from './integration/state.ts';

/**
 * The Casefolio engine as an Astro integration: it checks all content while
 * Astro sets itself up (so a broken file gives one clear line, never a stack
 * trace, and a build over it stops with an empty output folder), adds MDX
 * and code highlighting, tells the content collections which files to load,
 * re-checks and reloads on every save in `astro dev`, and adds the Open
 * Graph cards and the search index to a production build.
 *
 * Each hook hands off to a module of src/integration/; what they share is one
 * `IntegrationState` (integration/state.ts), made here.
 */
export default function casefolio(userOptions: SiteOptions = {}): AstroIntegration {
  const options = parseSiteOptions(userOptions);
  const state = newIntegrationState();
  const integration: AstroIntegration = {
    name: 'casefolio',
    hooks: {
      'astro:config:setup': (setup) => setUpConfig(setup, options, state),
      'astro:config:done': ({ config }) => takeFinalConfig(config, state),
      'astro:server:setup': ({ server, logger }) => watchContent(server, state, logger),
      'astro:build:done': ({ dir, logger }) => finishBuild(dir, logger, state),
    },
  };
  integrationOptions.set(integration, options);
  return integration;
}
