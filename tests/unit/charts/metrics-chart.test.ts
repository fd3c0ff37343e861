import { describe, expect, it } from 'vitest';
import { buildMetricsCharts } from '../../../src/charts/metrics-chart.ts';
import type { MetricInput } from '../../../src/metrics/compare.ts';

/** The contract example's metrics, plus a second % metric without a baseline. */
const METRICS: MetricInput[] = [
  { name: 'ROC AUC', value: 0.91, baseline: 0.78, goal: 'higher' },
  { name: 'Recall at top decile', value: 64, baseline: 41, unit: '%', goal: 'higher' },
  { name: 'Scoring latency', value: 35, baseline: 120, unit: 'ms', goal: 'lower' },
  { name: 'Precision', value: 70, unit: '%', goal: 'higher' },
];

describe('buildMetricsCharts', () => {
  it('makes one chart per unit, in first-seen order, so % and ms never share an axis', () => {
    const groups = buildMetricsCharts(METRICS);
    expect(groups.map((group) => group.unit)).toEqual([undefined, '%', 'ms']);
    expect(groups.map((group) => group.chart.config.labels)).toEqual([
      ['ROC AUC'],
      ['Recall at top decile', 'Precision'],
      ['Scoring latency'],
    ]);
    for (const group of groups) {
      const units = new Set(
        METRICS.filter((metric) => group.chart.config.labels?.includes(metric.name)).map(
          (metric) => metric.unit,
        ),
      );
      expect(units.size).toBe(1);
    }
  });

  it('sets the unit and axis title of a unit group', () => {
    const [unitless, percent, ms] = buildMetricsCharts(METRICS);
    expect(unitless?.chart.config.unit).toBeUndefined();
    expect(unitless?.chart.config.yLabel).toBeUndefined();
    expect(percent?.chart.config).toMatchObject({ type: 'bar', unit: '%', yLabel: '%' });
    expect(ms?.chart.config).toMatchObject({ type: 'bar', unit: 'ms', yLabel: 'ms' });
  });

  it('draws results and dashed baselines side by side, null where a baseline is missing', () => {
    const percent = buildMetricsCharts(METRICS)[1];
    expect(percent?.chart.config.series).toEqual([
      { label: 'Result', data: [64, 70] },
      { label: 'Baseline', data: [41, null], dashed: true },
    ]);
  });

  it('fills the no-JS table with formatted values, deltas in pp and verdict words', () => {
    const [unitless, percent, ms] = buildMetricsCharts(METRICS);
    const head = ['Metric', 'Result', 'Baseline', 'Change'];
    expect(unitless?.chart.table).toEqual({
      head,
      rows: [['ROC AUC', '0.91', '0.78', '+0.13 (better)']],
    });
    expect(percent?.chart.table).toEqual({
      head,
      rows: [
        ['Recall at top decile', '64%', '41%', '+23 pp (better)'],
        ['Precision', '70%', '—', '—'],
      ],
    });
    expect(ms?.chart.table).toEqual({
      head,
      rows: [['Scoring latency', '35 ms', '120 ms', '\u221285 ms (better)']],
    });
  });

  it('summarises each chart in one sentence', () => {
    expect(buildMetricsCharts(METRICS).map((group) => group.chart.summary)).toEqual([
      'Bar chart: ROC AUC, result against baseline. The data table has every value.',
      'Bar chart: Recall at top decile, Precision, result against baseline in %. The data table has every value.',
      'Bar chart: Scoring latency, result against baseline in ms. The data table has every value.',
    ]);
  });

  it('leaves out the baseline series when no metric in the group has one', () => {
    const [group] = buildMetricsCharts([{ name: 'F1', value: 0.8, goal: 'higher' }]);
    expect(group?.chart.config.series).toEqual([{ label: 'Result', data: [0.8] }]);
    expect(group?.chart.summary).toBe('Bar chart: F1, result. The data table has every value.');
  });

  it('says "worse" when a lower-is-better metric went up', () => {
    const [group] = buildMetricsCharts([
      { name: 'Latency', value: 150, baseline: 120, unit: 'ms', goal: 'lower' },
    ]);
    expect(group?.chart.table.rows).toEqual([['Latency', '150 ms', '120 ms', '+30 ms (worse)']]);
  });

  it('leaves out metrics without a value and returns nothing for no metrics', () => {
    const groups = buildMetricsCharts([
      { name: 'From file', goal: 'higher', unit: 's' },
      { name: 'AUC', value: 0.9, goal: 'higher' },
    ]);
    expect(groups.map((group) => group.unit)).toEqual([undefined]);
    expect(groups[0]?.chart.config.labels).toEqual(['AUC']);
    expect(buildMetricsCharts([])).toEqual([]);
  });
});
