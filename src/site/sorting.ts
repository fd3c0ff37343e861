import { periodEndKey } from './dates.ts';

/** What ordering needs from a case study. */
export interface Sortable {
  slug: string;
  featured: boolean;
  period: { start: string; end?: string | undefined };
}

/**
 * The one order of case studies everywhere (home, tag pages, prev/next):
 * featured first, then the most recent end first (`present` leads), then slug
 * so ties never depend on file-system order.
 */
export function compareCaseStudies(a: Sortable, b: Sortable): number {
  if (a.featured !== b.featured) return a.featured ? -1 : 1;
  const endA = periodEndKey(a.period);
  const endB = periodEndKey(b.period);
  if (endA !== endB) return endA > endB ? -1 : 1;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

export function sortCaseStudies<T extends Sortable>(items: readonly T[]): T[] {
  return [...items].sort(compareCaseStudies);
}
