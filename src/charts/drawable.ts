/**
 * Which charts are drawn at build time (`static/`). Charts are downsampled
 * to 1,000 rows, so six series stay well under the limit; a table of
 * hundreds of numeric columns plotted at once does not, and would take
 * seconds to draw into megabytes of page (2,000 series of 50 points: 2.7 s
 * and 27 MB). Such a chart's page shows its data table instead, open, and
 * `npm run check` says so at the chart's line (the `chart-size` lint). Kept
 * apart from the drawing so the check can ask without loading Chart.js.
 */
import type { ChartConfig } from './config.ts';

/** The most points a chart may hold to be drawn at build time. */
export const MAX_DRAWN_POINTS = 12_000;

/** How many points a chart's series hold together. */
export function chartPoints(config: ChartConfig): number {
  return config.series.reduce((sum, series) => sum + series.data.length, 0);
}

/** Whether a chart is small enough to draw at build time. */
export function drawable(config: ChartConfig): boolean {
  return chartPoints(config) <= MAX_DRAWN_POINTS;
}
