/**
 * The contract's rule for tags and skills: two labels are one when they lead
 * to the same page. The schemas drop repeats with it, the lints name them, and
 * site/taxonomy.ts groups the pages by it.
 */

import { describeValue } from '../problems/describe-value.ts';
import { codePoint } from './characters.ts';
import { slugifyLabel } from './slugs.ts';

/**
 * What makes two labels the same tag or skill: the page they lead to, so
 * `Churn` and `churn`, or `Time Series` and `time-series`, are one. A label
 * with no slug (punctuation only) is only the same as itself.
 */
export function labelKey(label: string): string {
  return slugifyLabel(label) || `=${label}`;
}

/**
 * Why a tag or skill can have no page: its slug would be empty, because it
 * has no letter or digit (only emoji, punctuation or invisible characters:
 * the page would be `/tags//`). Undefined when it can.
 */
export function labelSlugProblem(label: string): string | undefined {
  const trimmed = label.trim();
  if (trimmed === '' || slugifyLabel(trimmed) !== '') return undefined;
  return `${describeLabel(trimmed)} has no letter or digit to make its page address from; add a word to it or remove it`;
}

/**
 * A label as a message quotes it, with the code points of a label that is
 * all invisible characters (`"" (U+200B)`), which quotes alone would hide.
 */
function describeLabel(label: string): string {
  if (!/^[\p{C}\p{Z}\p{M}]+$/u.test(label)) return describeValue(label);
  return `${describeValue(label)} (${Array.from(label, codePoint).join(' ')})`;
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
