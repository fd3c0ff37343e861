/**
 * What a production build makes beside its pages: the Open Graph cards, the
 * model cards and the search index. They start as soon as the content has
 * been checked and are made in the background while Astro bundles and
 * renders, each written into a scratch folder of this build's own in the
 * cache (so two builds of one project never share it); once the pages are
 * written they are moved into the output. The cards are painted by a child
 * process of their own; the check's process writes the index and the model
 * cards, which are published where their route has the same inputs
 * (processes/model-cards.ts).
 */

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { claimedModelCards, shareModelCards } from '../processes/model-cards.ts';
import { moveInto } from '../output/move.ts';
import { stagedModelCardName } from '../model-card/write.ts';
import { missingGlyphsWarning, type OgCardFile } from '../og/card.ts';
import {
  helpPaintOgCardsInChild,
  publishOgCards,
  paintOgCardsInChild,
  type OgCardsOptions,
  type PaintedOgCard,
} from '../og/cards.ts';
import { pluralize } from '../problems/plural.ts';
import { publishSearchIndex } from '../search/index-writer.ts';
import { machineryFailure } from './build-failure.ts';
import type { CheckWritten } from './content-check.ts';

/** In the scratch folder: the search index the check's process writes, and the cards staged under their published paths. */
const SEARCH_INDEX = 'search';
const OG_CARDS = 'cards';
const MODEL_CARDS = 'model-cards';

export interface BuildExtras {
  /** This build's own folder in the cache. */
  scratch: string;
  /** Where painted cards are kept between builds. */
  cardsCache: string;
  /** Set once the content has passed its check. */
  ogCards?: Promise<PaintedOgCard[]>;
  /** What the painter was given, for a second one to share its work at the end. */
  ogCardJob?: { cards: readonly OgCardFile[]; options: OgCardsOptions; painted: boolean };
  searchIndex?: Promise<number>;
}

/** A build's extras, not started yet, with a new, empty scratch folder under `casefolioCache`. */
export function newBuildExtras(casefolioCache: string): BuildExtras {
  mkdirSync(casefolioCache, { recursive: true });
  const scratch = mkdtempSync(path.join(casefolioCache, 'build-'));
  // A build that fails before its end (a child process dying, a page that
  // does not render) never reaches the step that removes the folder: it goes
  // as the process exits, so no failed build leaves its scratch in the cache.
  process.once('exit', (code) => {
    if (code !== 0) rmSync(scratch, { recursive: true, force: true });
  });
  return { scratch, cardsCache: path.join(casefolioCache, 'og') };
}

/** Where the check's process writes the search index. */
export function searchIndexDir(extras: BuildExtras): string {
  return path.join(extras.scratch, SEARCH_INDEX);
}

/** Where the check's process writes the model cards, each named by its path in the output. */
export function modelCardsDir(extras: BuildExtras): string {
  return path.join(extras.scratch, MODEL_CARDS);
}

/**
 * Takes what the check's process writes after its plan: the model cards are
 * made known to their route (which renders its own card where none was
 * written for its inputs),
 * the index is collected by `publishIndex`, and a failure is reported there,
 * not as an unhandled rejection. The process runs at normal priority, unlike
 * the card painter: with Pagefind at nice 19 the build was about 1 s faster,
 * but Pagefind (0.5 GB) then ran until Astro's own memory peak at the end of
 * the bundle, and the build's peak RSS rose from 2.3 to 2.9 GB, over the
 * 2.5 GB budget.
 */
export function takeCheckWritten(extras: BuildExtras, written: CheckWritten): void {
  shareModelCards(written.modelCards);
  extras.searchIndex = written.searchIndex;
  extras.searchIndex.catch(() => undefined);
}

/**
 * Starts painting the cards, in a child process at low priority. A failure
 * is reported when the build collects them (`publishCards`), not as an
 * unhandled rejection.
 */
export function startBuildExtras(
  extras: BuildExtras,
  cards: readonly OgCardFile[],
  root: string,
): void {
  const options = {
    root,
    cacheDir: extras.cardsCache,
    stagingDir: path.join(extras.scratch, OG_CARDS),
  };
  const job = { cards, options, painted: false };
  extras.ogCardJob = job;
  extras.ogCards = paintOgCardsInChild(cards, options);
  extras.ogCards.then(
    () => (job.painted = true),
    () => undefined,
  );
}

/** Waits for the cards and moves them into `outDir`, warning about characters no font has. */
export async function publishCards(
  extras: BuildExtras,
  outDir: string,
  logger: AstroIntegrationLogger,
): Promise<void> {
  if (!extras.ogCards) return;
  // The pages are written and the painter is not done: it had only the core
  // Astro's single-threaded rendering left idle, at low priority, and a cold
  // build of 1,000 case studies used to wait seconds for it here with the
  // other core idle. A second painter takes the cards from the other end.
  const job = extras.ogCardJob;
  const helper =
    job && !job.painted
      ? helpPaintOgCardsInChild(job.cards, job.options).catch(() => undefined)
      : undefined;
  // A failure is not a content problem (those stop the build before it starts):
  // the painter itself failed, for example without a canvas binary for this platform.
  const cards = await extras.ogCards.catch((error: unknown) => {
    throw machineryFailure('the social preview images could not be painted', error);
  });
  // Every card is in the cache now; the second painter stops once it has
  // finished the one it may be painting and found the rest there.
  await helper;
  publishOgCards(path.join(extras.scratch, OG_CARDS), outDir);
  for (const card of cards) {
    if (card.missing.length > 0) logger.warn(missingGlyphsWarning(card.path, card.missing));
  }
  logger.info(`social preview images: ${cards.length}`);
}

/**
 * Moves each model card the check's process wrote, and whose route left it
 * out for that reason, into `outDir`: one rename per card.
 */
export function publishModelCards(extras: BuildExtras, outDir: string): void {
  for (const card of claimedModelCards()) {
    const target = path.join(outDir, card);
    mkdirSync(path.dirname(target), { recursive: true });
    moveInto(path.join(modelCardsDir(extras), stagedModelCardName(card)), target);
  }
}

/** Waits for the search index and moves it into `outDir`/pagefind. */
export async function publishIndex(
  extras: BuildExtras,
  outDir: string,
  logger: AstroIntegrationLogger,
): Promise<void> {
  if (!extras.searchIndex) return;
  const pages = await extras.searchIndex.catch((error: unknown) => {
    throw machineryFailure('the search index could not be written', error);
  });
  publishSearchIndex(path.join(extras.scratch, SEARCH_INDEX), path.join(outDir, 'pagefind'));
  logger.info(`search index: ${pluralize(pages, 'page')}`);
}

/** Removes the scratch folder, once its files have been published or the build stops. */
export function removeScratch(extras: BuildExtras): void {
  rmSync(extras.scratch, { recursive: true, force: true });
}
