/**
 * Chart enhancement. Every chart is rendered at build time as a <figure> with
 * a caption, a frame that already holds the chart's height, and a complete
 * data table (open when short, one click away when long); this module draws
 * a Chart.js canvas into the frame when the figure nears the viewport, and
 * touches nothing else, so nothing on the page moves. Whenever anything
 * fails, the frame is hidden and the table opened, so the page always shows
 * every number.
 *
 * Only the Chart.js parts these charts use are imported and registered (never
 * the auto-registering bundle), which keeps the module small. The pure helpers are
 * exported for unit tests; the DOM wiring at the bottom runs only in a browser.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
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
import { CHART_TYPES } from '../../schemas/chart-types.ts';
import type { ChartConfig, ChartSeries } from '../config.ts';
import { withUnit } from '../../metrics/compare.ts';
import { MINUS, formatReadable } from '../../metrics/numbers.ts';

/**
 * The Chart.js chart types drawn: a horizontal bar chart is a bar chart with
 * `indexAxis: 'y'`, and a scatter plot is a line dataset without the line,
 * which saves shipping ScatterController.
 */
type Kind = 'line' | 'bar';

/** A point on a numeric x axis; `y: null` leaves a gap in the line, as in the data. */
export interface XYPoint {
  x: number;
  y: number | null;
}

/** One plotted value: a number on a category axis, a point on a linear one. */
type Datum = number | null | XYPoint;

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

/** Dash pattern for baselines and reference lines, in CSS pixels. */
const DASH = [6, 4];

// ---------------------------------------------------------------------------
// Pure helpers
// ---------------------------------------------------------------------------

/**
 * A value as ticks and tooltips show it: the same digits as the data table
 * (build-time `formatReadable`, so hovering never disagrees with the table)
 * joined to its unit the way the rest of the site writes it: `64%`, `3x`,
 * `$1,200`, `35 ms`.
 */
export function formatValue(value: number, unit?: string, decimals?: number): string {
  return withUnit(formatReadable(value, decimals), unit);
}

const axisNumber = new Intl.NumberFormat('en-US', {
  maximumSignificantDigits: 6,
  // `min2` leaves four-digit numbers ungrouped, so a year axis reads 2024, not 2,024,
  // while steps still read 10,000.
  useGrouping: 'min2',
});

/** A number on a numeric x axis (epochs, steps, years, rates): no unit, no float noise. */
export function formatAxisNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const body = axisNumber.format(Math.abs(value));
  return value < 0 && /[1-9]/.test(body) ? `${MINUS}${body}` : body;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPoint(datum: unknown): datum is { x: number; y: number } {
  return isRecord(datum) && typeof datum['x'] === 'number' && typeof datum['y'] === 'number';
}

/**
 * The data island's JSON as a ChartConfig. The build wrote it, so this only
 * checks the shape enough to fail loudly (and keep the table) rather than draw
 * a broken chart.
 */
export function parseChartConfig(text: string): ChartConfig {
  const value: unknown = JSON.parse(text);
  if (!isRecord(value)) throw new TypeError('chart config is not an object');
  const type = value['type'];
  if (!CHART_TYPES.some((known) => known === type)) {
    throw new TypeError(`unknown chart type ${JSON.stringify(type)}`);
  }
  const series = value['series'];
  if (!Array.isArray(series) || series.length === 0) throw new TypeError('chart has no series');
  for (const entry of series) {
    if (!isRecord(entry) || typeof entry['label'] !== 'string' || !Array.isArray(entry['data'])) {
      throw new TypeError('every series needs a label and a data array');
    }
  }
  const labels = value['labels'];
  if (labels !== undefined && !Array.isArray(labels)) throw new TypeError('labels is not an array');
  return value as unknown as ChartConfig;
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
    const markers = !dashed && data.length <= MARKER_LIMIT;
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
  return text ? { display: true, text, color: theme.text } : { display: false };
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
      callback: (value: number | string) =>
        formatValue(Number(value), config.unit, config.decimals),
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
          callback: (value: number | string) => formatAxisNumber(Number(value)),
        },
      }
    : {
        type: 'category' as const,
        title: axisTitle(config.xLabel, theme),
        // Gridlines between categories add ink without information.
        grid: { ...grid, display: !isBar },
        border,
        ticks: { color: theme.muted },
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
    formatValue(tooltipValue(config, item), config.unit, config.decimals);
  return {
    title(items: TooltipItem<Kind>[]): string {
      const first = items[0];
      if (!first || config.type === 'scatter') return '';
      const parsed: { x?: unknown } = first.parsed;
      const where = linearX ? formatAxisNumber(Number(parsed.x)) : first.label;
      return config.xLabel ? `${config.xLabel}: ${where}` : where;
    },
    label(item: TooltipItem<Kind>): string {
      const name = item.dataset.label ?? '';
      if (config.type === 'scatter') {
        const parsed: { x?: unknown } = item.parsed;
        return `${name}: (${formatAxisNumber(Number(parsed.x))}, ${value(item)})`;
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
 * data island, the theme's colours and whether to animate, so a theme change
 * rebuilds it and applies the result to the live chart.
 */
export function buildChartConfiguration(
  config: ChartConfig,
  theme: ChartTheme,
  options: { animate: boolean },
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
      locale: 'en-US',
      animation: options.animate ? { duration: 400 } : false,
      indexAxis: horizontal ? 'y' : 'x',
      color: theme.text,
      font: { family: theme.font },
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
          callbacks: buildTooltipCallbacks(config, theme),
        },
      },
    },
    plugins: [dashedBarOutlines(config.series.map((series) => series.dashed === true))],
  };
}

// ---------------------------------------------------------------------------
// Browser wiring
// ---------------------------------------------------------------------------

/**
 * Dispatched on document by the theme toggle (src/scripts/theme.ts). Not
 * imported from there: importing would run the toggle's wiring a second time.
 */
const THEME_CHANGE_EVENT = 'casefolio:themechange';

/** Okabe-Ito hues, used only if charts.css is missing so charts still get distinct colours. */
const FALLBACK_SERIES = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00'];

/**
 * The theme's colours as rgb() strings. The custom properties hold
 * light-dark() pairs, which getComputedStyle on :root returns unresolved;
 * a probe element's computed `color` is resolved for the current colour
 * scheme (system, toggle or print).
 */
function readTheme(): ChartTheme {
  const probe = document.createElement('span');
  probe.hidden = true;
  document.body.append(probe);
  try {
    const resolve = (property: string, fallback: string): string => {
      probe.style.color = `var(${property}, ${fallback})`;
      return getComputedStyle(probe).color || fallback;
    };
    return {
      series: FALLBACK_SERIES.map((fallback, index) => resolve(`--chart-${index + 1}`, fallback)),
      text: resolve('--color-text', 'CanvasText'),
      muted: resolve('--color-muted', 'GrayText'),
      border: resolve('--color-border', 'GrayText'),
      background: resolve('--color-bg', 'Canvas'),
      font: getComputedStyle(document.body).fontFamily,
    };
  } finally {
    probe.remove();
  }
}

/**
 * Wires the legend the build rendered (ChartFigure.astro): each entry is a
 * toggle button that hides or shows its series.
 */
function wireLegend(frame: HTMLElement, chart: Chart<Kind, Datum[], string>): void {
  frame.querySelectorAll<HTMLButtonElement>('.chart__legend-item').forEach((button, index) => {
    button.addEventListener('click', () => {
      const visible = !chart.isDatasetVisible(index);
      chart.setDatasetVisibility(index, visible);
      chart.update();
      button.setAttribute('aria-pressed', String(visible));
    });
  });
}

interface DrawnChart {
  chart: Chart<Kind, Datum[], string>;
  config: ChartConfig;
  animate: boolean;
}

/** Charts on screen, to recolour and resize. */
const drawn = new Set<DrawnChart>();
/** Figures not yet enhanced, so printing can draw them first. */
const waiting = new Set<HTMLElement>();
let observer: IntersectionObserver | undefined;

function prefersReducedMotion(): boolean {
  return matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Draws one figure's chart into its frame, which (legend included) has held
 * the chart's height since the first paint. On any error the frame is hidden
 * and the table opened, so no number is lost.
 */
function enhance(figure: HTMLElement): void {
  waiting.delete(figure);
  observer?.unobserve(figure);
  if (figure.dataset['chartState'] !== undefined) return;

  const frame = figure.querySelector<HTMLElement>('[data-chart-frame]');
  const canvas = frame?.querySelector('canvas');
  const script = figure.querySelector('script[data-chart-config]');
  const details = figure.querySelector<HTMLDetailsElement>('details[data-chart-data]');
  let chart: Chart<Kind, Datum[], string> | undefined;
  try {
    if (!frame || !canvas || !script) {
      throw new Error('the figure is missing its frame, canvas or data');
    }
    const config = parseChartConfig(script.textContent ?? '');
    const animate = !prefersReducedMotion();
    const configuration = buildChartConfiguration(config, readTheme(), { animate });
    chart = new Chart(canvas, configuration);
    wireLegend(frame, chart);
    drawn.add({ chart, config, animate });
    figure.dataset['chartState'] = 'ready';
  } catch (error) {
    chart?.destroy();
    if (frame) frame.hidden = true;
    if (details) details.open = true;
    figure.dataset['chartState'] = 'failed';
    const title = figure.querySelector('.chart__title')?.textContent ?? 'untitled';
    console.error(
      `Casefolio: chart "${title}" could not be drawn; its data table is shown instead.`,
      error,
    );
  }
}

/** Recolours every chart for the current theme, without animation. */
function recolourAll(): void {
  if (drawn.size === 0) return;
  const theme = readTheme();
  for (const { chart, config, animate } of drawn) {
    const next = buildChartConfiguration(config, theme, { animate });
    chart.options = next.options ?? {};
    next.data.datasets.forEach((dataset, index) => {
      const current = chart.data.datasets[index];
      if (current) Object.assign(current, dataset);
    });
    chart.update('none');
  }
}

function resizeAll(): void {
  for (const { chart } of drawn) chart.resize();
}

/**
 * Before printing, draw charts the reader never scrolled to, then recolour
 * (print forces the light scheme) and fit them to the page width.
 */
function prepareForPrint(): void {
  for (const figure of [...waiting]) enhance(figure);
  recolourAll();
  resizeAll();
}

function afterPrint(): void {
  recolourAll();
  resizeAll();
}

function start(): void {
  const figures = [...document.querySelectorAll<HTMLElement>('figure[data-chart]')];
  if (figures.length === 0) return;

  // No Legend plugin (the legend is HTML, see wireLegend) and no Filler (nothing is filled).
  Chart.register(
    LineController,
    BarController,
    LineElement,
    BarElement,
    PointElement,
    CategoryScale,
    LinearScale,
    Tooltip,
  );

  document.addEventListener(THEME_CHANGE_EVENT, recolourAll);
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', recolourAll);
  // beforeprint covers the print dialog; the print media query also catches
  // browsers that switch media without it, and its styles are the ones in force.
  addEventListener('beforeprint', prepareForPrint);
  addEventListener('afterprint', afterPrint);
  matchMedia('print').addEventListener('change', (event) =>
    event.matches ? prepareForPrint() : afterPrint(),
  );

  if (typeof IntersectionObserver === 'undefined') {
    figures.forEach(enhance);
    return;
  }
  // Start drawing a little before a chart scrolls into view, so it is ready when seen.
  observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) enhance(entry.target as HTMLElement);
      }
    },
    { rootMargin: '200px 0px' },
  );
  for (const figure of figures) {
    waiting.add(figure);
    observer.observe(figure);
  }
}

// Unit tests import the helpers above in Node, where there is no document.
if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start, { once: true });
  } else {
    start();
  }
}
