/**
 * The model cards a production build writes in a child process
 * (the check's, integration/build-child.ts) while Astro bundles, for the route
 * `/case-studies/<slug>/model-card.md` to return instead of writing each one
 * on Astro's main thread as it renders (about 1.3 ms of CPU a card, mostly
 * mdast-util-to-markdown escaping the intern's text: 1.3 s at 1,000 case
 * studies, on the render's critical path).
 *
 * Like processes/handover.ts, the cards are kept on `globalThis` under a
 * registered symbol, the one value both copies of this module (the
 * integration's and the bundled route's) can reach. Unlike the check's
 * values, they are not there when the plan arrives, so what is shared is a
 * promise: the route awaits it, usually long settled by the time pages
 * render. Each card is found by the digest of everything it is written
 * from (`modelCardKey`), so a route whose inputs differ in any way (the dev
 * server, a site address set later) finds nothing and writes its own.
 */

const shared = Symbol.for('casefolio.model-cards');
type WithShared = typeof globalThis & { [shared]?: Promise<ReadonlyMap<string, string>> };

/**
 * Makes the cards the writer will answer with available to the routes of
 * this build. A writer that fails hands over nothing: every route then
 * writes its own card, the same one, as in `astro dev`.
 */
export function shareModelCards(cards: Promise<Iterable<readonly [string, string]>>): void {
  (globalThis as WithShared)[shared] = cards.then(
    (entries) => new Map(entries),
    () => new Map(),
  );
}

/** The card written for this key, if a writer wrote one. */
export async function sharedModelCard(key: string): Promise<string | undefined> {
  const cards = (globalThis as WithShared)[shared];
  return cards === undefined ? undefined : (await cards).get(key);
}
