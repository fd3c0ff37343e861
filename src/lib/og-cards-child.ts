import { serveChildJob } from './child-process-fs.ts';
import { paintOgCards } from './og-paint-fs.ts';
import type { OgCardFile } from './og-card.ts';
import type { OgCardsOptions } from './og-cards-fs.ts';

/** The process renderOgCards starts: paints the cards it is sent and answers with where they are. */
serveChildJob((job: { cards: OgCardFile[]; options: OgCardsOptions }) =>
  paintOgCards(job.cards, job.options),
);
