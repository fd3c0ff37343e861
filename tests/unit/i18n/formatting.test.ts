import { describe, expect, it } from 'vitest';
import { MINUS, formatNumber, formatReadable } from '../../../src/metrics/numbers.ts';
import { compareMetric, formatMetricValue } from '../../../src/metrics/compare.ts';
import { formatDuration, formatPeriod } from '../../../src/site/dates.ts';
import { tableSummary } from '../../../src/charts/data.ts';
import { fairnessTitle, gapSentence, gapStatement } from '../../../src/site/fairness.ts';

/** Numbers, percentages and dates in each language, written by Intl (never the machine's locale). */
describe('numbers per language', () => {
  it('groups and marks decimals as each language does, keeping every written digit', () => {
    expect(formatNumber(1234567.25)).toBe('1,234,567.25');
    expect(formatNumber(1234567.25, undefined, 'de')).toBe('1.234.567,25');
    expect(formatNumber(1234567.25, undefined, 'fr')).toBe('1\u202f234\u202f567,25');
    expect(formatNumber(1234567.25, undefined, 'pt')).toBe('1.234.567,25');
    expect(formatNumber(1234567.25, undefined, 'zh-Hans')).toBe('1,234,567.25');
    // Spanish leaves four-digit numbers ungrouped.
    expect(formatNumber(1234, undefined, 'es')).toBe('1234');
    expect(formatNumber(-0.91, undefined, 'de')).toBe(`${MINUS}0,91`);
    // Beyond 2^53 every digit still shows, grouped.
    expect(formatNumber(1e21, undefined, 'de')).toBe('1.000.000.000.000.000.000.000');
    expect(formatNumber(0.5, 2, 'de')).toBe('0,50');
    expect(formatReadable(0.6930999755859375, undefined, 'de')).toBe('0,6931');
    // A language with digits of its own writes the fraction's digits in them too.
    expect(formatNumber(1234.0905, undefined, 'ar-EG')).toBe('١٬٢٣٤٫٠٩٠٥');
  });

  it('writes percentages, deltas and relative changes in the language', () => {
    expect(formatMetricValue(64, '%')).toBe('64%');
    expect(formatMetricValue(64, '%', undefined, 'de')).toBe('64\u00a0%');
    expect(formatMetricValue(64, '%', undefined, 'fr')).toBe('64\u00a0%');
    const metric = { name: 'AUC', value: 0.91, baseline: 0.78, goal: 'higher' as const };
    expect(compareMetric(metric)?.relativeText).toBe('+16.7%');
    expect(compareMetric(metric, 'de')).toMatchObject({
      deltaText: '+0,13',
      relativeText: '+16,7\u00a0%',
      verdict: 'better',
    });
    const share = { name: 'Hit rate', value: 64, baseline: 41, goal: 'higher' as const, unit: '%' };
    expect(compareMetric(share)?.deltaText).toBe('+23 pp');
    expect(compareMetric(share, 'de', 'Pp.')?.deltaText).toBe('+23 Pp.');
  });

  it('counts rows in the language', () => {
    expect(tableSummary({ head: [], rows: [['a']] })).toBe('Data table (1 row)');
    expect(tableSummary({ head: [], rows: Array.from({ length: 1200 }, () => ['a']) }, 'de')).toBe(
      'Datentabelle (1.200 Zeilen)',
    );
  });
});

describe('dates per language', () => {
  const period = { start: '2025-06', end: '2025-08' };

  it('names months as each language does', () => {
    expect(formatPeriod(period)).toBe('Jun 2025 – Aug 2025');
    expect(formatPeriod(period, 'de')).toBe('Juni 2025 – Aug. 2025');
    expect(formatPeriod(period, 'fr')).toBe('juin 2025 – août 2025');
    expect(formatPeriod(period, 'zh-Hans')).toBe('2025年6月 – 2025年8月');
    expect(formatPeriod({ start: '2025-06', end: 'present' }, 'de')).toBe('Juni 2025 – heute');
  });

  it('says how long the work lasted in the language', () => {
    expect(formatDuration(period)).toBe('3 months');
    expect(formatDuration(period, 'de')).toBe('3 Monate');
    expect(formatDuration({ start: '2025-06' }, 'es')).toBe('1 mes');
    expect(formatDuration({ start: '2024-01', end: '2025-12' }, 'fr')).toBe('2 ans');
    expect(formatDuration({ start: '2025-01', end: 'present' }, 'de')).toBe('laufend');
  });

  it('does not depend on the machine’s time zone', () => {
    // A month starts at midnight UTC; formatted in UTC it never slips into the previous one.
    expect(formatPeriod({ start: '2025-01' }, 'de')).toBe('Jan. 2025');
  });
});

describe('the fairness breakdown per language', () => {
  const metric = (label: string, goal: 'higher' | 'lower') => ({
    column: label,
    label,
    goal,
    gap: {
      worst: { group: 'abroad', value: 0.61 },
      best: { group: 'domestic', value: 0.83 },
      difference: 0.22,
      ratio: 0.73,
    },
  });

  it('keeps German nouns capitalised inside the title, and lowercases English ones', () => {
    const view = {
      attribute: 'Region',
      metrics: [metric('Recall', 'higher'), metric('Falsch-Positiv-Rate', 'lower')],
    };
    expect(fairnessTitle(view, 'de')).toBe('Recall und Falsch-Positiv-Rate nach Region');
    expect(
      fairnessTitle({
        ...view,
        metrics: [metric('Recall', 'higher'), metric('False positive rate', 'lower')],
      }),
    ).toBe('Recall and false positive rate by Region');
  });

  it('says where the largest gap is in the language, its numbers written the language’s way', () => {
    const statement = gapStatement(metric('Recall', 'higher') as never, 'de');
    expect(statement && gapSentence(statement, 'de')).toEqual([
      'Recall ist am niedrigsten für ',
      { group: 'abroad' },
      ': 0,61, gegenüber 0,83 für ',
      { group: 'domestic' },
      ' (Abstand 0,22).',
    ]);
  });
});
