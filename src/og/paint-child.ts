import { serveChildJob } from '../processes/child-process.ts';
import { paintOgCards } from './paint.ts';
import type { OgCardFile } from './card.ts';
import type { OgCardsOptions } from './cards.ts';

/** The process paintOgCardsInChild starts: paints the cards it is sent and answers with where they are. */
serveChildJob((job: { cards: OgCardFile[]; options: OgCardsOptions }) =>
  paintOgCards(job.cards, job.options),
);
