/**
 * The end of a production build, once Astro has written the pages: the
 * cards, the model cards and the search index moved into the output, images no page uses
 * removed, the scratch folder cleared.
 */

import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { pruneUnreferencedImages } from '../output/prune-assets.ts';
import { writeCohortReport } from '../output/cohort-report.ts';
import { pluralize } from '../problems/plural.ts';
import { publishCards, publishIndex, publishModelCards, removeScratch } from './build-extras.ts';
import type { IntegrationState } from './state.ts';

/** astro:build:done: completes the site Astro wrote into `dir`. */
export async function finishBuild(
  dir: URL,
  logger: AstroIntegrationLogger,
  state: IntegrationState,
): Promise<void> {
  await state.ready;
  const outDir = fileURLToPath(dir);
  const { extras } = state;
  if (extras) {
    await publishCards(extras, outDir, logger);
    publishModelCards(extras, outDir);
  }
  const pruned = pruneUnreferencedImages(outDir);
  if (pruned.length > 0) {
    logger.info(`removed ${pluralize(pruned.length, 'unused original image')}`);
  }
  if (extras) {
    await publishIndex(extras, outDir, logger);
    removeScratch(extras);
  }
  const cohort = state.resolved?.cohort;
  if (cohort) {
    writeCohortReport(outDir, {
      cohort: cohort.data.name,
      built: cohort.members,
      skipped: cohort.skipped,
    });
  }
}
