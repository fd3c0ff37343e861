/**
 * Values a production build's content check has already computed, handed to
 * Astro's process for the pages to reuse instead of computing them again
 * (the built charts, the metrics read from artifact files).
 *
 * The check runs in a child process and sends them with the plan; the
 * integration shares them here. Pages are rendered from bundled chunks, which
 * hold their own copy of every module, so the values are kept on `globalThis`
 * under a registered symbol: the one value both copies can reach in the same
 * process. A value that is not found (the dev server, a prop computed at
 * render time) is computed by the page as before.
 */
export interface Handover<Props, Value> {
  /** A value's identity: the MDX file it belongs to and its props after their schema. */
  key(mdxFile: string, props: Props): string;
  /** Makes the check's values available to the pages of this build. */
  share(entries: Iterable<readonly [string, Value]>): void;
  /** The value the check computed for these props in this file, if it computed one. */
  get(mdxFile: string, props: Props): Value | undefined;
}

/** One kind of handed-over value, kept under `Symbol.for(name)`. */
export function handover<Props, Value>(name: string): Handover<Props, Value> {
  const shared = Symbol.for(name);
  type WithShared = typeof globalThis & { [shared]?: ReadonlyMap<string, Value> };
  const key = (mdxFile: string, props: Props) => JSON.stringify([mdxFile, props]);
  return {
    key,
    share: (entries) => {
      (globalThis as WithShared)[shared] = new Map(entries);
    },
    get: (mdxFile, props) => (globalThis as WithShared)[shared]?.get(key(mdxFile, props)),
  };
}
