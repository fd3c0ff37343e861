import { memoize } from 'es-toolkit/function';
import { decimalPlaces, formatNumber, formatSigned, roundTo } from './numbers.ts';

/** The fields of a metric that matter for comparison; the schema's Metric fits. */
export interface MetricInput {
  name: string;
  value?: number | undefined;
  baseline?: number | undefined;
  goal: 'higher' | 'lower';
  unit?: string | undefined;
  primary?: boolean | undefined;
  /** Fixed decimals to show; default: as written. */
  decimals?: number | undefined;
}

/** How a result compares with its baseline. */
export type Verdict = 'better' | 'worse' | 'unchanged';

export interface MetricComparison {
  /** `value - baseline`, rounded to the precision the numbers were written with. */
  delta: number;
  /** `delta / |baseline|`; undefined when the baseline is 0. */
  relative: number | undefined;
  verdict: Verdict;
  /** The delta as shown: `+0.13`, `+23 pp`, `−85 ms`. */
  deltaText: string;
  /** The relative change as shown: `+16.7%`. */
  relativeText: string | undefined;
  /** `▲` for up, `▼` for down, `▬` for no change: decoration next to the words. */
  arrow: '▲' | '▼' | '▬';
}

/** Units written before the number: `$1,200`. */
const PREFIX_UNITS = new Set(['$', '€', '£', '¥', '₹']);
/** Units written right after the number with no space: `64%`, `3x`. */
const TIGHT_UNITS = new Set(['%', 'x', '×']);

/**
 * Where `locale` puts the percent sign against a number (`64%`, German
 * `64 %`, French with a narrow no-break space), from Intl's own percent
 * pattern: what comes between the digits and the sign, and which side.
 */
const percentPattern = memoize((locale: string) => {
  const parts = new Intl.NumberFormat(locale, { style: 'percent' }).formatToParts(0.5);
  const sign = parts.findIndex((part) => part.type === 'percentSign');
  const number = parts.findIndex((part) => part.type === 'integer');
  const between = parts
    .slice(Math.min(sign, number) + 1, Math.max(sign, number))
    .map((part) => part.value)
    .join('');
  // Marks outside the pair keep it together in right-to-left text (Arabic
  // writes "50‎%‎": without the last mark, % would move before the number).
  const outside = (from: number, to: number) =>
    parts
      .slice(from, to)
      .filter((part) => part.type === 'literal')
      .map((part) => part.value)
      .join('');
  return {
    before: sign < number,
    between,
    sign: parts[sign]?.value ?? '%',
    lead: sign < number ? outside(0, sign) : '',
    trail: sign < number ? '' : outside(sign + 1, parts.length),
  };
});

/** Joins a formatted number and its unit the way people write them (`locale` places `%`). */
export function withUnit(number: string, unit: string | undefined, locale = 'en'): string {
  if (!unit) return number;
  if (unit === '%') {
    const { before, between, sign, lead, trail } = percentPattern(locale);
    return before ? `${lead}${sign}${between}${number}` : `${number}${between}${sign}${trail}`;
  }
  if (PREFIX_UNITS.has(unit)) {
    // After the sign (and the mark that keeps it in place in right-to-left text): `−$120`.
    const sign = /^\u200e?[+\u2212]/.exec(number)?.[0] ?? '';
    return `${sign}${unit}${number.slice(sign.length)}`;
  }
  if (TIGHT_UNITS.has(unit)) return `${number}${unit}`;
  return `${number} ${unit}`;
}

/**
 * A value with its unit, every written digit kept (or exactly `decimals`):
 * `0.91`, `64%`, `35 ms`, `$1,200`.
 */
export function formatMetricValue(
  value: number,
  unit: string | undefined,
  decimals?: number | undefined,
  locale = 'en',
): string {
  return withUnit(formatNumber(value, decimals, locale), unit, locale);
}

/**
 * Compares a metric with its baseline. Deltas of percentages are shown in
 * percentage points (`+6.2 pp`), as the contract requires: a move from 41% to
 * 64% is 23 points, not 23%. `locale` writes the numbers, and
 * `percentagePoints` is that language's abbreviation (`Pp.` in German): a
 * parameter, not a lookup, so the browser's chart module loads no dictionary.
 */
export function compareMetric(
  metric: MetricInput,
  locale = 'en',
  percentagePoints = 'pp',
): MetricComparison | undefined {
  const { value, baseline } = metric;
  if (value === undefined || baseline === undefined) return undefined;
  const places = metric.decimals ?? Math.max(decimalPlaces(value), decimalPlaces(baseline));
  const delta = roundTo(value - baseline, places);
  const relative = baseline === 0 ? undefined : delta / Math.abs(baseline);
  const improved = metric.goal === 'higher' ? delta > 0 : delta < 0;
  const verdict: Verdict = delta === 0 ? 'unchanged' : improved ? 'better' : 'worse';
  const deltaUnit = metric.unit === '%' ? percentagePoints : metric.unit;
  return {
    delta,
    relative,
    verdict,
    deltaText: withUnit(formatSigned(delta, metric.decimals, locale), deltaUnit, locale),
    relativeText:
      relative === undefined
        ? undefined
        : withUnit(formatSigned(roundTo(relative * 100, 1), undefined, locale), '%', locale),
    arrow: delta > 0 ? '▲' : delta < 0 ? '▼' : '▬',
  };
}

/**
 * Why a metric cannot be compared with its baseline, or undefined when it
 * can (or has no baseline): the change, or the change relative to the
 * baseline as a percentage, is beyond the largest number (about 1.8e308),
 * which a page would show as `+∞`. The content check reports it at the
 * metric's baseline; values that are not finite numbers are the schema's.
 */
export function comparisonProblem(metric: MetricInput): string | undefined {
  const { value, baseline } = metric;
  if (value === undefined || baseline === undefined) return undefined;
  if (!Number.isFinite(value) || !Number.isFinite(baseline)) return undefined;
  const comparison = compareMetric(metric);
  if (comparison === undefined) return undefined;
  const between = `value ${String(value)} and baseline ${String(baseline)}`;
  if (!Number.isFinite(comparison.delta)) {
    return `the difference between ${between} is beyond the largest number a page can show (about 1.8e308); check both, or use a larger unit`;
  }
  const relative = comparison.relative;
  if (relative !== undefined && !Number.isFinite(roundTo(relative * 100, 1))) {
    return `the change between ${between}, as a percentage of the baseline, is beyond the largest number a page can show (about 1.8e308); check the baseline`;
  }
  return undefined;
}

/** The words that carry the verdict in English, so colour is never the only cue (pages take their language's from i18n/). */
export function verdictText(verdict: Verdict): string {
  switch (verdict) {
    case 'better':
      return 'better';
    case 'worse':
      return 'worse';
    case 'unchanged':
      return 'no change';
  }
}

/** The metric marked `primary`, else the first one (the contract's rule). */
export function primaryMetric<M extends MetricInput>(metrics: readonly M[]): M | undefined {
  return metrics.find((metric) => metric.primary === true) ?? metrics[0];
}
