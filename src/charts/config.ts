/**
 * The data island a chart figure carries for the client module: everything
 * the browser needs to draw it, computed at build time. Numbers only; all
 * text is set with textContent/Chart.js, never as HTML.
 */

import type { ChartType } from '../schemas/chart-types.ts';

/** How many series colours charts.css defines (`--chart-1` to `--chart-6`); later series reuse them. */
const PALETTE_SIZE = 6;

/** The palette colour (1 to PALETTE_SIZE) of the series at `index`. */
export function swatchNumber(index: number): number {
  return (index % PALETTE_SIZE) + 1;
}

export interface ChartSeries {
  /** Legend text: the column name, or the metric name for MetricsChart. */
  label: string;
  /**
   * For line and bar charts, one value per label (null for a gap); for
   * scatter charts (and line charts on a numeric x), points.
   */
  data: (number | null)[] | { x: number; y: number }[];
  /** Draw dashed (baselines, the chance diagonal). */
  dashed?: boolean;
}

export interface ChartConfig {
  type: ChartType;
  /** Category labels along the x axis (bar charts, line charts on a text x). */
  labels?: (string | number)[];
  series: ChartSeries[];
  /** Axis titles. */
  xLabel?: string;
  yLabel?: string;
  /** Unit appended to value ticks and tooltips: `%`, `ms`. */
  unit?: string;
  /** Fixed decimals for value ticks and tooltips; default: as the data is written. */
  decimals?: number;
  /** x is numeric (epochs, steps, fpr): use a linear x scale. */
  numericX?: boolean;
  /**
   * The page's language (a BCP 47 tag) for ticks and tooltips: `0,91` in
   * German. Left out for English, so English charts' data and drawings stay
   * as they were.
   */
  locale?: string;
}
