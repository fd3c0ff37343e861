import { parentPort, workerData } from 'node:worker_threads';
import type { OgCardFile } from './og-card.ts';
import { paintOgCards, type OgCardsOptions } from './og-cards-fs.ts';

/** The thread renderOgCards starts: paints the cards it is given and posts back where they are. */
const { cards, options } = workerData as { cards: OgCardFile[]; options: OgCardsOptions };
parentPort?.postMessage(await paintOgCards(cards, options));
