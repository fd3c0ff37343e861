import { slugifyLabel } from './slugs.ts';

/** One tag or skill page: its label, its slug and the items that carry it. */
export interface LabelGroup<T> {
  slug: string;
  /** The label as first written (in item order); variants with the same slug share a page. */
  label: string;
  items: T[];
}

/**
 * What makes two labels the same tag or skill: the page they lead to, so
 * `Churn` and `churn`, or `Time Series` and `time-series`, are one. A label
 * with no slug (punctuation only) is only the same as itself.
 */
function labelKey(label: string): string {
  return slugifyLabel(label) || `=${label}`;
}

/** A label that repeats an earlier one in the same list. */
export interface RepeatedLabel {
  index: number;
  label: string;
  /** The earlier entry, whose spelling is kept. */
  firstIndex: number;
  first: string;
}

/** The entries of a label list that repeat an earlier entry; entries that are not text are skipped. */
export function repeatedLabels(labels: readonly unknown[]): RepeatedLabel[] {
  const firstByKey = new Map<string, number>();
  const repeated: RepeatedLabel[] = [];
  labels.forEach((label, index) => {
    if (typeof label !== 'string' || label.trim() === '') return;
    const key = labelKey(label.trim());
    const firstIndex = firstByKey.get(key);
    if (firstIndex === undefined) firstByKey.set(key, index);
    else repeated.push({ index, label, firstIndex, first: labels[firstIndex] as string });
  });
  return repeated;
}

/** A label list with repeats dropped: `[Churn, churn]` -> `[Churn]` (the first spelling wins). */
export function uniqueLabels(labels: readonly string[]): string[] {
  const seen = new Set<string>();
  return labels.filter((label) => {
    const key = labelKey(label);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Groups items by a label list (tags or skills), keyed by slug so `Time
 * Series` and `time series` share one page. Items keep their input order;
 * groups are sorted by label for stable output.
 */
export function groupByLabel<T>(
  items: readonly T[],
  labelsOf: (item: T) => readonly string[],
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
      a.label.localeCompare(b.label, 'en', { sensitivity: 'base' }) || (a.slug < b.slug ? -1 : 1),
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
