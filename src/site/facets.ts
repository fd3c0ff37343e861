import { slugifyLabel } from '../schemas/slugs.ts';

/**
 * Facets of a list of cards, for `<FacetFilter>`: each facet's options with
 * how many cards carry them, and each card's values as the attributes the
 * filter script matches. Pure; values are compared by slug, so `Time
 * Series` and `time series` are one option.
 */

/** One facet: its query parameter, its legend, and an item's values. */
export interface Facet<T> {
  kind: string;
  legend: string;
  values: (item: T) => readonly string[];
}

/** A facet's options, most frequent first, then by label; the first spelling of each is its label. */
export function facetGroups<T>(
  items: readonly T[],
  facets: readonly Facet<T>[],
  /** The page's language, whose alphabetical order ties are broken in. */
  locale = 'en',
): { kind: string; legend: string; options: { value: string; label: string; count: number }[] }[] {
  return facets
    .map(({ kind, legend, values }) => {
      const options = new Map<string, { value: string; label: string; count: number }>();
      for (const item of items) {
        for (const slug of new Set(values(item).map(slugifyLabel))) {
          if (slug === '') continue;
          const label = values(item).find((value) => slugifyLabel(value) === slug) ?? slug;
          const option = options.get(slug) ?? { value: slug, label, count: 0 };
          option.count++;
          options.set(slug, option);
        }
      }
      const sorted = [...options.values()].sort(
        (a, b) => b.count - a.count || a.label.localeCompare(b.label, locale),
      );
      return { kind, legend, options: sorted };
    })
    .filter((group) => group.options.length > 0);
}

/** A card's `data-facet-<kind>` attributes: its values' slugs, space-separated. */
export function facetAttributes<T>(item: T, facets: readonly Facet<T>[]): Record<string, string> {
  return Object.fromEntries(
    facets.map(({ kind, values }) => [
      `data-facet-${kind}`,
      [
        ...new Set(
          values(item)
            .map(slugifyLabel)
            .filter((slug) => slug !== ''),
        ),
      ].join(' '),
    ]),
  );
}
