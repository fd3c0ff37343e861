import { readdirSync } from 'node:fs';
import path from 'node:path';
import { runChildJob } from '../processes/child-process.ts';
import { moveInto } from '../output/move.ts';
import type { OgCardFile } from './card.ts';

/**
 * The build's Open Graph cards, painted in the background while Astro
 * builds the pages, and kept between builds.
 *
 * A production build starts `paintOgCardsInChild` as soon as the content has been
 * checked and collects the result when the pages are written. The cards are
 * painted in a child process (og/paint-child.ts, og/paint.ts) at the
 * lowest CPU priority, so they use the core Astro leaves idle (its page
 * rendering is single-threaded) instead of adding a route per card at the
 * end: about 6 ms of CPU per card. A process rather than a worker thread,
 * because the painter's native memory (Skia, fonts, pixel buffers) goes back
 * to the system when it exits; in a thread it stayed in Astro's process and
 * added 0.4 GB to the build's peak at 1,000 case studies.
 *
 * Cards are cached under Astro's cache folder by a hash of what they say and
 * of the renderer and font versions, so a rebuild only paints the cards
 * whose words changed.
 */

export interface PaintedOgCard {
  /** Where the card is published, relative to the output folder. */
  path: string;
  /** The PNG in the cache. */
  cached: string;
  /** Characters no bundled font has (they show as boxes). */
  missing: string[];
}

export interface OgCardsOptions {
  /** The project root, where the fonts are resolved from. */
  root: string;
  /** Where painted cards are kept between builds. */
  cacheDir: string;
  /**
   * Where the painter also puts every card (a hard link to the cached file
   * where it can), under the path it is published at, so the build moves
   * them into its output in one step at the end.
   */
  stagingDir: string;
}

/** How a painter process runs. */
const PAINTER = {
  nice: 19,
  // V8's parallel garbage collection ran helper threads beside the painter:
  // 16.6 s of CPU for 1,000 cards against 9 s with one thread, in the same
  // time. The build has no core to spare for them. --expose-gc: the
  // painter collects its young garbage itself (og/paint.ts).
  nodeFlags: ['--single-threaded-gc', '--expose-gc'],
};

/**
 * Paints every card into `cacheDir` (or finds it there) and removes cached
 * cards this build no longer has, in a low-priority child process. Resolves
 * once all are on disk.
 */
export function paintOgCardsInChild(
  cards: readonly OgCardFile[],
  options: OgCardsOptions,
): Promise<PaintedOgCard[]> {
  return runChildJob(
    new URL('./paint-child.ts', import.meta.url),
    { cards, options },
    { name: 'the Open Graph card painter', ...PAINTER },
  );
}

/**
 * Starts a second painter for `cards`, as low in priority, painting from
 * the last card back the ones `paintOgCardsInChild`'s painter has not
 * reached. The build starts it when its pages are written and the cards are
 * not: until then the first painter has the core Astro's rendering leaves
 * idle, and then both cores are free. Resolves when it stops; the first
 * painter alone still paints every card if this one fails.
 */
export function helpPaintOgCardsInChild(
  cards: readonly OgCardFile[],
  options: OgCardsOptions,
): Promise<void> {
  return runChildJob(
    new URL('./paint-child.ts', import.meta.url),
    { cards, options, helper: true },
    { name: 'the second Open Graph card painter', ...PAINTER },
  );
}

/**
 * Moves the cards staged by `paintOgCardsInChild` into the build output: a rename
 * of one folder (copying 1,001 files there took 0.1 s at the very end of the
 * build), or a copy where a rename cannot be done.
 */
export function publishOgCards(stagingDir: string, outDir: string): void {
  for (const name of readdirSync(stagingDir))
    moveInto(path.join(stagingDir, name), path.join(outDir, name));
}
