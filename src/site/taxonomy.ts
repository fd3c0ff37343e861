/**
 * The tag and skill pages: which case studies each label gathers, and one
 * spelling per page. Two labels are one page when schemas/labels.ts says so.
 */

import { labelKey } from '../schemas/labels.ts';
import { slugifyLabel } from '../schemas/slugs.ts';

/** One tag or skill page: its label, its slug and the items that carry it. */
export interface LabelGroup<T> {
  slug: string;
  /** The label as first written (in item order); variants with the same slug share a page. */
  label: string;
  items: T[];
}

/**
 * Groups items by a label list (tags or skills), keyed by slug so `Time
 * Series` and `time series` share one page. Items keep their input order;
 * groups are sorted by label for stable output.
 */
export function groupByLabel<T>(
  items: readonly T[],
  labelsOf: (item: T) => readonly string[],
  /** The site's language, whose alphabetical order the groups are in. */
  locale = 'en',
): LabelGroup<T>[] {
  const groups = new Map<string, LabelGroup<T>>();
  for (const item of items) {
    const seen = new Set<string>();
    for (const label of labelsOf(item)) {
      const slug = slugifyLabel(label);
      if (slug === '' || seen.has(slug)) continue;
      seen.add(slug);
      const group = groups.get(slug);
      if (group) group.items.push(item);
      else groups.set(slug, { slug, label, items: [item] });
    }
  }
  return [...groups.values()].sort(
    (a, b) =>
      a.label.localeCompare(b.label, locale, { sensitivity: 'base' }) || (a.slug < b.slug ? -1 : 1),
  );
}

/**
 * The items with each tag and skill spelt as its page is labelled: the first
 * spelling in item order. Two case studies that write `Python` and `python`
 * share one page, and every chip, card and feed then says `Python` too.
 */
export function withSharedSpellings<T extends { tags: string[]; skills: string[] }>(
  items: readonly T[],
): T[] {
  const spellings = (labelsOf: (item: T) => readonly string[]) => {
    const first = new Map<string, string>();
    for (const item of items) {
      for (const label of labelsOf(item))
        if (!first.has(labelKey(label))) first.set(labelKey(label), label);
    }
    return (labels: readonly string[]) =>
      labels.map((label) => first.get(labelKey(label)) ?? label);
  };
  const tags = spellings((item) => item.tags);
  const skills = spellings((item) => item.skills);
  return items.map((item) => ({ ...item, tags: tags(item.tags), skills: skills(item.skills) }));
}
