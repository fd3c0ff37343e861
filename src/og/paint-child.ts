import { serveChildJob } from '../processes/child-process.ts';
import { helpPaintOgCards, paintOgCards } from './paint.ts';
import type { OgCardFile } from './card.ts';
import type { OgCardsOptions } from './cards.ts';

/**
 * The process paintOgCardsInChild starts: paints the cards it is sent and
 * answers with where they are; or, started by helpPaintOgCardsInChild, paints
 * from the other end the cards still missing and answers with nothing.
 */
serveChildJob<{ cards: OgCardFile[]; options: OgCardsOptions; helper?: boolean }, unknown>((job) =>
  job.helper ? helpPaintOgCards(job.cards, job.options) : paintOgCards(job.cards, job.options),
);
