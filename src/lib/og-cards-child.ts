import { paintOgCards } from './og-paint-fs.ts';
import type { OgCardFile } from './og-card.ts';
import type { OgCardsOptions } from './og-cards-fs.ts';

/**
 * The process renderOgCards starts: paints the cards it is sent, sends back
 * where they are, and exits, returning all its memory.
 */
// A build that stops (an error, Ctrl+C) closes the channel: no one wants the cards any more.
process.once('disconnect', () => process.exit(0));
process.once('message', (job: { cards: OgCardFile[]; options: OgCardsOptions }) => {
  void paintOgCards(job.cards, job.options).then((rendered) => {
    process.send?.(rendered, () => process.exit(0));
  });
});
