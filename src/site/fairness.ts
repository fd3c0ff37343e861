import type { FairnessGroupView, FairnessMetricView, FairnessView } from '../fairness/view.ts';
import { formatNumber, formatReadable } from '../metrics/numbers.ts';
import { memoize } from 'es-toolkit/function';
import { dictionary } from '../i18n/dictionaries.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';

/**
 * The fairness breakdown in a reader's words: the table's caption, its
 * numbers, the small-group flag and the sentence naming the largest gap of
 * each metric, in the page's language (`locale`, English by default: the
 * model card is always English). Pure, so the wording is tested without a
 * build; the case-study page renders it (components/case-study/FairnessTable.astro).
 */

/** `false positive rate` -> `False positive rate`: a label starting a sentence or a header. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const conjunction = memoize(
  (locale: Locale) => new Intl.ListFormat(locale, { type: 'conjunction' }),
);

/** The table's caption and the chart's title: `Recall and false positive rate by issuing region`. */
export function fairnessTitle(
  view: Pick<FairnessView, 'attribute' | 'metrics'>,
  locale: Locale = DEFAULT_LOCALE,
): string {
  const words = dictionary(locale).fairness;
  const labels = view.metrics.map((metric, index) =>
    index === 0 || !words.lowercaseLabels ? metric.label : midSentence(metric.label),
  );
  return capitalize(words.title(conjunction(locale).format(labels), view.attribute));
}

/**
 * A label as it reads inside a sentence: `False-positive rate` becomes
 * `false-positive rate`, but a name that starts with an acronym or a
 * capitalised word (`ROC AUC`, `F1`, `TPR gap`) stays as written.
 */
function midSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/**
 * A value as the table and the sentences write it: measured numbers without
 * float noise (fairlearn writes 0.8333333333333334), as the chart's data
 * table does; undefined for an empty cell.
 */
export function fairnessValueText(
  value: number | null,
  locale: Locale = DEFAULT_LOCALE,
): string | undefined {
  return value === null ? undefined : formatReadable(value, undefined, locale);
}

/**
 * `too few examples to read (n = 12)`: why a group's row is not compared.
 * The count's spaces do not break, so a narrow table cell never ends a line on `(n =`.
 */
export function smallGroupText(
  group: Pick<FairnessGroupView, 'count'>,
  locale: Locale = DEFAULT_LOCALE,
): string {
  const words = dictionary(locale).fairness.tooFew;
  return group.count === undefined
    ? words
    : `${words} (n\u00a0=\u00a0${formatNumber(group.count, undefined, locale)})`;
}

/** The largest gap of one metric, in parts the page emphasises. */
export interface GapStatement {
  /** The metric's label, capitalised: `Recall`. */
  metric: string;
  /** Where the worst group sits: `lowest` for a higher-is-better metric, `highest` for a lower-is-better one. */
  extreme: 'lowest' | 'highest';
  worst: { group: string; value: string };
  best: { group: string; value: string };
  /** The difference, best minus worst, without float noise: `0.22`. */
  gap: string;
}

/** The metric's largest gap, direction-aware; undefined when fewer than two groups could be compared. */
export function gapStatement(
  metric: FairnessMetricView,
  locale: Locale = DEFAULT_LOCALE,
): GapStatement | undefined {
  const { gap } = metric;
  if (!gap) return undefined;
  const number = (value: number) => formatReadable(value, undefined, locale);
  return {
    metric: capitalize(metric.label),
    extreme: metric.goal === 'lower' ? 'highest' : 'lowest',
    worst: { group: gap.worst.group, value: number(gap.worst.value) },
    best: { group: gap.best.group, value: number(gap.best.value) },
    gap: number(gap.difference),
  };
}

/** A piece of a sentence: words, or a group's name, which the page emphasises. */
export type SentencePart = string | { group: string };

/** `Recall is lowest for *abroad*: 0.61, against 0.83 for *domestic* (gap 0.22).` */
export function gapSentence(
  statement: GapStatement,
  locale: Locale = DEFAULT_LOCALE,
): SentencePart[] {
  const { metric, extreme, worst, best, gap } = statement;
  const [before, between, after] = dictionary(locale).fairness.gap(
    metric,
    extreme,
    worst.value,
    best.value,
    gap,
  );
  return [before, { group: worst.group }, between, { group: best.group }, after];
}

/** `Recall: fewer than two groups large enough to compare.` */
export function noGapSentence(
  metric: Pick<FairnessMetricView, 'label'>,
  locale: Locale = DEFAULT_LOCALE,
): string {
  return dictionary(locale).fairness.noGap(capitalize(metric.label));
}
