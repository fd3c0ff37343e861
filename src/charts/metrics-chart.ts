import type { BuiltChart } from './data.ts';
import { compareMetric, formatMetricValue, type MetricInput } from '../metrics/compare.ts';
import { dictionary } from '../i18n/dictionaries.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';

/** One grouped-bar chart of metrics that share a unit. */
export interface MetricsChartGroup {
  /** The unit the group's values share; undefined for unitless metrics (AUC, F1). */
  unit: string | undefined;
  chart: BuiltChart;
}

/**
 * The frontmatter metrics as grouped bars (result and baseline side by side),
 * one chart per unit so `%` and `ms` never share an axis. Metrics without a
 * value (not yet read from a file) are left out.
 */
export function buildMetricsCharts(
  metrics: readonly MetricInput[],
  locale: Locale = DEFAULT_LOCALE,
): MetricsChartGroup[] {
  const t = dictionary(locale);
  const byUnit = new Map<string, MetricInput[]>();
  for (const metric of metrics) {
    if (metric.value === undefined) continue;
    const key = metric.unit ?? '';
    byUnit.set(key, [...(byUnit.get(key) ?? []), metric]);
  }
  return [...byUnit.entries()].map(([key, group]) => {
    const unit = key === '' ? undefined : key;
    const hasBaselines = group.some((metric) => metric.baseline !== undefined);
    const rows = group.map((metric) => {
      const comparison = compareMetric(metric, locale, t.metric.percentagePoints);
      return [
        metric.name,
        formatMetricValue(metric.value ?? 0, unit, metric.decimals, locale),
        metric.baseline === undefined
          ? '—'
          : formatMetricValue(metric.baseline, unit, metric.decimals, locale),
        comparison ? `${comparison.deltaText} (${t.metric[comparison.verdict]})` : '—',
      ];
    });
    const chart: BuiltChart = {
      config: {
        type: 'bar',
        labels: group.map((metric) => metric.name),
        series: [
          { label: t.metricsChart.result, data: group.map((metric) => metric.value ?? null) },
          ...(hasBaselines
            ? [
                {
                  label: t.metricsChart.baseline,
                  data: group.map((metric) => metric.baseline ?? null),
                  dashed: true,
                },
              ]
            : []),
        ],
        ...(unit !== undefined ? { unit, yLabel: unit } : {}),
      },
      table: {
        head: [
          t.metricsChart.metric,
          t.metricsChart.result,
          t.metricsChart.baseline,
          t.metricsChart.change,
        ],
        rows,
      },
      summary: t.metricsChart.summary(
        group.map((metric) => metric.name).join(', '),
        hasBaselines,
        unit,
      ),
      sourceRows: rows.length,
    };
    return { unit, chart };
  });
}
