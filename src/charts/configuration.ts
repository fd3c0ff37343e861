/**
 * A chart's Chart.js configuration, as a pure function of its data island
 * (`config.ts`) and the theme's colours. Both drawings of
 * a chart come from here: the static SVG the build draws (`static/`) and the
 * live chart the browser module draws on interaction (`client/`), so they
 * are the same drawing. Browser-safe: imports only Chart.js and `metrics/`.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
  type ChartOptions,
  type Plugin,
  type TooltipItem,
  type TooltipLabelStyle,
} from 'chart.js';
import type { ChartConfig, ChartSeries } from './config.ts';
import { withUnit } from '../metrics/compare.ts';
import { MINUS, formatReadable } from '../metrics/numbers.ts';

/**
 * The Chart.js parts these charts use, registered by whoever draws (never the
 * auto-registering bundle, which keeps the browser module small). No Legend
 * plugin (the legend is HTML, rendered by ChartFigure.astro) and no Filler
 * (nothing is filled).
 */
export const CHART_COMPONENTS = [
  LineController,
  BarController,
  LineElement,
  BarElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
];

/**
 * The Chart.js chart types drawn: a horizontal bar chart is a bar chart with
 * `indexAxis: 'y'`, and a scatter plot is a line dataset without the line,
 * which saves shipping ScatterController.
 */
export type Kind = 'line' | 'bar';

/** A point on a numeric x axis; `y: null` leaves a gap in the line, as in the data. */
export interface XYPoint {
  x: number;
  y: number | null;
}

/** One plotted value: a number on a category axis, a point on a linear one. */
export type Datum = number | null | XYPoint;

export type CasefolioChartConfiguration = ChartConfiguration<Kind, Datum[], string>;

/** The colours a chart is drawn with, resolved for the current theme. */
export interface ChartTheme {
  /** Series colours in order; series beyond the palette reuse it from the start. */
  series: readonly string[];
  text: string;
  muted: string;
  border: string;
  background: string;
  /** The page's font stack, so chart text matches the prose around it. */
  font: string;
}

/** Lines with more points than this are drawn without markers: dots would merge into a smear. */
export const MARKER_LIMIT = 60;

/**
 * Nor does a chart get markers when its lines hold more points than this
 * together: fifty series of fifty points are 2,500 dots over one another,
 * and drawn at build time they made a 0.7 MB picture.
 */
export const CHART_MARKER_LIMIT = 300;

/** Dash pattern for baselines and reference lines, in CSS pixels. */
const DASH = [6, 4];

/**
 * A value as ticks and tooltips show it: the same digits as the data table
 * (build-time `formatReadable`, so hovering never disagrees with the table)
 * joined to its unit the way the rest of the site writes it: `64%`, `3x`,
 * `$1,200`, `35 ms`.
 */
export function formatValue(
  value: number,
  unit?: string,
  decimals?: number,
  locale = DEFAULT_CHART_LOCALE,
): string {
  return withUnit(formatReadable(value, decimals, locale), unit, locale);
}

/** The language of a chart whose configuration names none. */
const DEFAULT_CHART_LOCALE = 'en';

/** Axis number formats, one per language (made once: they are costly to create). */
const axisNumbers = new Map<string, Intl.NumberFormat>();

function axisNumber(locale: string): Intl.NumberFormat {
  let format = axisNumbers.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      maximumSignificantDigits: 6,
      // `min2` leaves four-digit numbers ungrouped, so a year axis reads 2024, not 2,024,
      // while steps still read 10,000.
      useGrouping: 'min2',
    });
    axisNumbers.set(locale, format);
  }
  return format;
}

/** A number on a numeric x axis (epochs, steps, years, rates): no unit, no float noise. */
export function formatAxisNumber(value: number, locale = DEFAULT_CHART_LOCALE): string {
  if (!Number.isFinite(value)) return '';
  const body = axisNumber(locale).format(Math.abs(value));
  return value < 0 && /[1-9]/.test(body) ? `${MINUS}${body}` : body;
}

function isPoint(datum: unknown): datum is { x: number; y: number } {
  if (typeof datum !== 'object' || datum === null) return false;
  const point = datum as { x?: unknown; y?: unknown };
  return typeof point.x === 'number' && typeof point.y === 'number';
}

/** A label as a number for a linear axis; NaN (a skipped point) when it is not one. */
function labelToNumber(label: string | number | undefined, index: number): number {
  if (label === undefined) return index;
  if (typeof label === 'number') return label;
  return label.trim() === '' ? Number.NaN : Number(label);
}

/**
 * A series as points for a linear x axis: its own points when the data are
 * `{x, y}` (scatter), otherwise each value paired with its label (line charts
 * on a numeric x). Missing labels fall back to the index.
 */
export function toPoints(config: Pick<ChartConfig, 'labels'>, series: ChartSeries): XYPoint[] {
  const data: readonly (number | null | { x: number; y: number })[] = series.data;
  const labels = config.labels ?? [];
  return data.map((datum, index) =>
    isPoint(datum)
      ? { x: datum.x, y: datum.y }
      : { x: labelToNumber(labels[index], index), y: datum },
  );
}

/** A series as one value per category; points keep their y. */
export function toValues(series: ChartSeries): (number | null)[] {
  const data: readonly (number | null | { x: number; y: number })[] = series.data;
  return data.map((datum) => (isPoint(datum) ? datum.y : datum));
}

/** Whether the x axis is linear: scatter plots, and line charts on a numeric x or with points. */
export function usesLinearX(config: ChartConfig): boolean {
  if (config.type === 'scatter') return true;
  if (config.type !== 'line') return false;
  return config.numericX === true || config.series.some((series) => series.data.some(isPoint));
}

/** Whether every x on a linear axis is a whole number, so ticks between them would be noise. */
export function hasWholeX(config: ChartConfig): boolean {
  return config.series.every((series) =>
    toPoints(config, series).every((point) => Number.isInteger(point.x)),
  );
}

/** The palette colour for the series at `index`. */
function seriesColour(theme: ChartTheme, index: number): string {
  return theme.series[index % Math.max(theme.series.length, 1)] ?? theme.text;
}

/** How many points a line chart's markable (solid) series hold together. */
function markedPoints(config: ChartConfig): number {
  return config.series
    .filter((series) => series.dashed !== true)
    .reduce((sum, series) => sum + series.data.length, 0);
}

/** One Chart.js dataset: colours, dashes and markers by chart kind. */
function buildDataset(
  config: ChartConfig,
  series: ChartSeries,
  index: number,
  theme: ChartTheme,
): ChartDataset<Kind, Datum[]> {
  const colour = seriesColour(theme, index);
  const dashed = series.dashed === true;
  // Dashed series are baselines and reference lines: outlined, never filled.
  const fill = dashed ? 'transparent' : colour;
  const data: Datum[] = usesLinearX(config) ? toPoints(config, series) : toValues(series);

  if (config.type === 'line') {
    const markers =
      !dashed && data.length <= MARKER_LIMIT && markedPoints(config) <= CHART_MARKER_LIMIT;
    return {
      type: 'line',
      label: series.label,
      data,
      borderColor: colour,
      backgroundColor: fill,
      borderWidth: 2,
      borderDash: dashed ? DASH : [],
      tension: 0,
      fill: false,
      pointRadius: markers ? 3 : 0,
      pointHoverRadius: 4,
      // Without markers the tooltip still needs something to find.
      pointHitRadius: 6,
    };
  }
  if (config.type === 'scatter') {
    // A dashed series in a scatter plot is a reference line (the chance
    // diagonal of a ROC plot): draw it as a line, not as dots.
    return {
      type: 'line',
      label: series.label,
      data,
      borderColor: colour,
      backgroundColor: fill,
      borderWidth: dashed ? 2 : 1,
      borderDash: dashed ? DASH : [],
      showLine: dashed,
      pointRadius: dashed ? 0 : 3,
      pointHoverRadius: dashed ? 0 : 5,
    };
  }
  // Bars cannot dash their border in Chart.js; dashed bars are left hollow and
  // the dashedBarOutlines plugin strokes them.
  return {
    type: 'bar',
    label: series.label,
    data,
    borderColor: colour,
    backgroundColor: fill,
    borderWidth: 0,
  };
}

/** Axis title options: shown only when the config names the axis. */
function axisTitle(text: string | undefined, theme: ChartTheme) {
  return text
    ? { display: true, text, color: theme.text, font: { family: theme.font } }
    : { display: false };
}

/**
 * The x and y scales. `xLabel` names the data's x column and `yLabel` its
 * values, so on a horizontal bar chart (categories up the side) xLabel titles
 * the vertical axis and yLabel the horizontal one.
 */
function buildScales(
  config: ChartConfig,
  theme: ChartTheme,
): NonNullable<ChartOptions<Kind>['scales']> {
  const grid = { color: theme.border };
  const border = { color: theme.border };
  const isBar = config.type === 'bar' || config.type === 'horizontalBar';
  const valueAxis = {
    type: 'linear' as const,
    // Bar length encodes the value, so bars must start at zero to be honest.
    beginAtZero: isBar,
    title: axisTitle(config.yLabel, theme),
    grid,
    border,
    ticks: {
      color: theme.muted,
      font: { family: theme.font },
      callback: (value: number | string) =>
        formatValue(Number(value), config.unit, config.decimals, config.locale),
    },
  };
  const indexAxis = usesLinearX(config)
    ? {
        type: 'linear' as const,
        title: axisTitle(config.xLabel, theme),
        grid,
        border,
        ticks: {
          // Epochs, steps and years are whole: no 2021.5 between them.
          ...(hasWholeX(config) ? { precision: 0 } : {}),
          color: theme.muted,
          font: { family: theme.font },
          callback: (value: number | string) => formatAxisNumber(Number(value), config.locale),
        },
      }
    : {
        type: 'category' as const,
        title: axisTitle(config.xLabel, theme),
        // Gridlines between categories add ink without information.
        grid: { ...grid, display: !isBar },
        border,
        ticks: { color: theme.muted, font: { family: theme.font } },
      };
  return config.type === 'horizontalBar'
    ? { x: valueAxis, y: indexAxis }
    : { x: indexAxis, y: valueAxis };
}

/** The plotted value of a tooltip item: x on a horizontal bar chart, y everywhere else. */
function tooltipValue(config: ChartConfig, item: TooltipItem<Kind>): number {
  const parsed: { x?: unknown; y?: unknown } = item.parsed;
  return Number(config.type === 'horizontalBar' ? parsed.x : parsed.y);
}

/** Tooltip text: the category or x as title, then "series: value unit" lines. */
function buildTooltipCallbacks(config: ChartConfig, theme: ChartTheme) {
  const linearX = usesLinearX(config);
  const value = (item: TooltipItem<Kind>) =>
    formatValue(tooltipValue(config, item), config.unit, config.decimals, config.locale);
  return {
    title(items: TooltipItem<Kind>[]): string {
      const first = items[0];
      if (!first || config.type === 'scatter') return '';
      const parsed: { x?: unknown } = first.parsed;
      const where = linearX ? formatAxisNumber(Number(parsed.x), config.locale) : first.label;
      return config.xLabel ? `${config.xLabel}: ${where}` : where;
    },
    label(item: TooltipItem<Kind>): string {
      const name = item.dataset.label ?? '';
      if (config.type === 'scatter') {
        const parsed: { x?: unknown } = item.parsed;
        return `${name}: (${formatAxisNumber(Number(parsed.x), config.locale)}, ${value(item)})`;
      }
      return `${name}: ${value(item)}`;
    },
    // The default swatch copies the element's options, which for a hollow
    // dashed bar is an invisible box; draw the series colour instead.
    labelColor(item: TooltipItem<Kind>): TooltipLabelStyle {
      const colour = seriesColour(theme, item.datasetIndex);
      return config.series[item.datasetIndex]?.dashed === true
        ? {
            borderColor: colour,
            backgroundColor: theme.background,
            borderWidth: 2,
            borderDash: [2, 2],
          }
        : { borderColor: colour, backgroundColor: colour, borderWidth: 2 };
    },
  };
}

/**
 * A plugin (a plain object with an id, as Chart.js plugins are) that strokes a
 * dashed outline around the bars of dashed series, which Chart.js's bar
 * element cannot draw itself.
 */
function dashedBarOutlines(dashed: readonly boolean[]): Plugin<Kind> {
  return {
    id: 'casefolioDashedBars',
    afterDatasetDraw(chart, { index, meta }) {
      if (dashed[index] !== true || meta.type !== 'bar') return;
      const colour = chart.data.datasets[index]?.borderColor;
      const { ctx } = chart;
      ctx.save();
      ctx.setLineDash(DASH);
      ctx.lineWidth = 2;
      ctx.strokeStyle = typeof colour === 'string' ? colour : '#888';
      for (const element of meta.data) {
        const { x, y, base, width, height, horizontal } = (element as BarElement).getProps([
          'x',
          'y',
          'base',
          'width',
          'height',
          'horizontal',
        ]);
        // Null values leave bars without a position or length: nothing to outline.
        if (x === null || y === null) continue;
        const left = horizontal ? Math.min(x, base) : x - width / 2;
        const top = horizontal ? y - height / 2 : Math.min(y, base);
        const w = horizontal ? Math.abs(x - base) : width;
        const h = horizontal ? height : Math.abs(base - y);
        if (![left, top, w, h].every(Number.isFinite) || w < 2 || h < 2) continue;
        // Inset by half the line width so the dashes sit inside the bar's box.
        ctx.strokeRect(left + 1, top + 1, w - 2, h - 2);
      }
      ctx.restore();
    },
  };
}

/**
 * The complete Chart.js configuration for a chart: a pure function of the
 * data island and the theme's colours, so a theme change rebuilds it and
 * applies the result to the live chart. Never animated: the live chart
 * replaces the drawing the reader is already looking at.
 */
export function buildChartConfiguration(
  config: ChartConfig,
  theme: ChartTheme,
): CasefolioChartConfiguration {
  const kind: Kind = config.type === 'bar' || config.type === 'horizontalBar' ? 'bar' : 'line';
  const horizontal = config.type === 'horizontalBar';
  return {
    type: kind,
    data: {
      ...(usesLinearX(config) ? {} : { labels: (config.labels ?? []).map(String) }),
      datasets: config.series.map((series, index) => buildDataset(config, series, index, theme)),
    },
    options: {
      responsive: true,
      // The frame's CSS sets the height; the canvas fills it.
      maintainAspectRatio: false,
      locale: config.locale ?? 'en-US',
      animation: false,
      indexAxis: horizontal ? 'y' : 'x',
      color: theme.text,
      interaction:
        config.type === 'scatter'
          ? { mode: 'nearest', intersect: true }
          : { mode: 'index', intersect: false, axis: horizontal ? 'y' : 'x' },
      scales: buildScales(config, theme),
      plugins: {
        // The legend is HTML beside the canvas (see wireLegend).
        tooltip: {
          backgroundColor: theme.text,
          titleColor: theme.background,
          bodyColor: theme.background,
          multiKeyBackground: theme.background,
          titleFont: { family: theme.font },
          bodyFont: { family: theme.font },
          callbacks: buildTooltipCallbacks(config, theme),
        },
      },
    },
    plugins: [dashedBarOutlines(config.series.map((series) => series.dashed === true))],
  };
}
