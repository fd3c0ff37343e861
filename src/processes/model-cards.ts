/**
 * The model cards a production build writes in a child process (the
 * check's, integration/build-child.ts) while Astro bundles, into the build's
 * scratch folder, and which of them the build publishes as they are. Each
 * card the route `/case-studies/<slug>/model-card.md` would render with the
 * same inputs is moved into the output at the end instead (1,000 fewer
 * routes for Astro to render: about 1 s of its single-threaded render phase
 * at 1,000 case studies, most of it in writing the files).
 *
 * Like processes/handover.ts, the cards are known on `globalThis` under a
 * registered symbol, the one value both copies of this module (the
 * integration's and the bundled route's) can reach. Unlike the check's
 * values, they are not there when the plan arrives, so what is shared is a
 * promise: the route awaits it, usually long settled by the time pages
 * render. Each card is known by the digest of everything it is written from
 * (`modelCardKey`), so a route whose inputs differ in any way (the dev
 * server, a site address set later) finds none and renders its own.
 */

const shared = Symbol.for('casefolio.model-cards');

interface Staged {
  /** Each written card's path under the scratch folder (its path in the output), by key. */
  cards: Promise<ReadonlyMap<string, string>>;
  /** The paths of the cards a route has claimed: the build moves these into its output. */
  claimed: Set<string>;
}

type WithShared = typeof globalThis & { [shared]?: Staged };

/**
 * Makes the cards the writer will answer with (key and path) known to the
 * routes of this build. A writer that fails hands over nothing: every route
 * then renders its own card, the same one, as in `astro dev`.
 */
export function shareModelCards(cards: Promise<Iterable<readonly [string, string]>>): void {
  (globalThis as WithShared)[shared] = {
    cards: cards.then(
      (entries) => new Map(entries),
      () => new Map(),
    ),
    claimed: new Set(),
  };
}

/**
 * True when the writer wrote the card under `key` at `path`, which then
 * counts as claimed: the build publishes it, and the route must not.
 */
export async function claimStagedModelCard(key: string, path: string): Promise<boolean> {
  const staged = (globalThis as WithShared)[shared];
  if (staged === undefined || (await staged.cards).get(key) !== path) return false;
  staged.claimed.add(path);
  return true;
}

/** The paths of the written cards a route claimed, to be moved into the output. */
export function claimedModelCards(): string[] {
  return [...((globalThis as WithShared)[shared]?.claimed ?? [])];
}
