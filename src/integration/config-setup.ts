/**
 * The integration's config hooks. At astro:config:setup: where the content
 * is, the content check started, and Casefolio's additions to Astro's
 * config; at astro:config:done, what Astro's final config changed.
 */

import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, HookParameters } from 'astro';
import type { PlanMode } from '../content/plan.ts';
import { notebookMaxBytes, type ResolvedSiteOptions } from '../schemas/site-options.ts';
import { casefolioConfig } from './astro-config.ts';
import { modelCardsDir, newBuildExtras, searchIndexDir, takeCheckWritten } from './build-extras.ts';
import { emptyOutDirOnFailure } from './build-failure.ts';
import { startContentCheck } from './content-check.ts';
import { takeContentPlan } from './content-plan.ts';
import type { IntegrationState } from './state.ts';
import { analyticsTag } from '../analytics/tag.ts';
import { commentsEmbed } from '../comments/giscus.ts';

/**
 * Astro's content cache keeps an entry's file path while its content is
 * unchanged, so two content folders with identical files would share stale
 * paths. Another folder than content/ gets a cache of its own.
 */
function contentCacheDir(root: string, contentDir: string, cacheDir: URL): URL | undefined {
  if (path.relative(root, contentDir) === 'content') return undefined;
  const hash = createHash('sha256').update(contentDir).digest('hex').slice(0, 12);
  return new URL(`casefolio-${hash}/`, cacheDir);
}

/** astro:config:setup: fills in `state` and starts the content check. */
export async function setUpConfig(
  setup: HookParameters<'astro:config:setup'>,
  options: ResolvedSiteOptions,
  state: IntegrationState,
): Promise<void> {
  const { config, command, updateConfig, injectRoute, logger } = setup;
  const root = fileURLToPath(config.root);
  const contentDir = path.resolve(root, process.env['CASEFOLIO_CONTENT_DIR'] ?? options.contentDir);
  // Drafts are left out of the production build at the loader, so no page,
  // asset or data module is ever generated from them.
  const showDrafts = command === 'dev';
  // The lints run with the checks, so the build refuses what `npm run check` calls an error.
  const mode: PlanMode = {
    showDrafts,
    forBuild: command === 'build',
    lints: { ...options, site: config.site },
  };

  // Not with vite.build.emptyOutDir: false, where Astro keeps what is in the folder too.
  if (command === 'build' && config.vite?.build?.emptyOutDir !== false) {
    state.outDir = fileURLToPath(config.outDir);
    emptyOutDirOnFailure(state);
  }
  const cacheDir = contentCacheDir(root, contentDir, config.cacheDir);
  // Casefolio's own build files: painted cards, kept between builds, a
  // production build's scratch folder (build-extras.ts), and the images the
  // check decodes from notebooks, there before Vite lists them for the pages.
  const casefolioCache = path.join(fileURLToPath(cacheDir ?? config.cacheDir), 'casefolio');
  const location = {
    root,
    contentDir,
    publicDir: fileURLToPath(config.publicDir),
    notebookImagesDir: path.join(casefolioCache, 'notebook-images'),
  };
  state.extras = command === 'build' ? newBuildExtras(casefolioCache) : undefined;
  state.resolved = {
    base: config.base,
    root,
    contentDir,
    showDrafts,
    // Filled in by the content check, before the content collections read them.
    caseStudiesBase: path.join(contentDir, 'case-studies'),
    profiles: [],
    entryIds: 'slug',
    caseStudyPatterns: [],
    notebookImagesDir: location.notebookImagesDir,
    notebookMaxBytes: notebookMaxBytes(options),
    locale: options.locale,
    analytics: options.analytics && analyticsTag(options.analytics),
    comments: options.comments && commentsEmbed(options.comments),
  };
  const { listed, ready, written } = startContentCheck(
    {
      location,
      mode,
      build: state.extras && {
        // Where the pages are published, as this hook sees it: a later
        // integration that moves them only makes each model card's digest
        // differ, and its route then writes its own (model-card/handed-over.ts).
        pages: { site: config.site, base: config.base },
        searchIndexDir: searchIndexDir(state.extras),
        modelCardsDir: modelCardsDir(state.extras),
      },
    },
    state.resolved,
    (plan) => takeContentPlan(plan, { command, config, logger, state }),
  );
  state.listed = listed;
  state.ready = ready;
  if (state.extras && written) takeCheckWritten(state.extras, written);
  // A production build goes on while the check runs. Other commands wait for
  // it; `astro sync` over content with problems stops later, where its
  // content loaders throw the problems: thrown from this hook, Astro would
  // print a line of its own first (build-failure.ts).
  if (command !== 'build') await state.ready.catch(() => undefined);

  if (command === 'dev') {
    const { recheckContent } = await import('../dev/recheck.ts');
    // The same checks as at start-up, lints included: what the build
    // would refuse is what the overlay shows.
    state.recheck = async () => {
      const plan = await recheckContent(location, mode, logger);
      if (!plan) return;
      state.notebookImages = plan.notebookImages;
      // The members a dev server routes are those it started with: a cohort's
      // pages and profiles are listed once, as a build lists them.
      const before = state.resolved?.cohort?.members.join(' ');
      const after = plan.cohort?.members.join(' ');
      if (before !== after) {
        logger.warn(
          'the cohort’s members changed (a member folder added, removed or renamed, or cohort.yaml): restart astro dev to see their pages',
        );
      }
    };
    injectRoute({ pattern: '/og/[...card]', entrypoint: new URL('og/route.ts', config.srcDir) });
  }
  updateConfig(casefolioConfig(config, cacheDir, state));
}

/** astro:config:done: takes what the final config may have changed since setup. */
export function takeFinalConfig(config: AstroConfig, state: IntegrationState): void {
  // import.meta.env.BASE_URL is not reliable in prerendered pages, so
  // links are built from the final config's base instead.
  if (state.resolved) state.resolved.base = config.base;
  // Another integration may have moved the output folder since setup.
  if (state.outDir) state.outDir = fileURLToPath(config.outDir);
}
