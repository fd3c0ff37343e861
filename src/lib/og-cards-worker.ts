import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { OgCardFile } from './og-card.ts';
import { paintOgCards, type OgCardsOptions } from './og-cards-fs.ts';

/**
 * The thread renderOgCards starts: paints the cards it is given and posts
 * back where they are. On Linux a thread has its own nice value, so this
 * thread alone drops to the lowest priority and Astro's threads keep theirs.
 */
try {
  setPriority(19);
} catch {
  // Not permitted here (or not per-thread): the cards still render, at normal priority.
}
const { cards, options } = workerData as { cards: OgCardFile[]; options: OgCardsOptions };
parentPort?.postMessage(await paintOgCards(cards, options));
