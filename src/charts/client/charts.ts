/**
 * The live chart, loaded only when a reader reaches for one (`load.ts`: a
 * pointer over a chart, keyboard focus inside it, a legend toggle). Every
 * chart is already in the page as the drawing the build made with Chart.js
 * (`../static/`), in a plot box that holds its size; this module draws the
 * same chart with Chart.js on a canvas in that box, over the drawing, and
 * wires the legend's toggles and the tooltips. Nothing on the page moves.
 * If anything fails, the static drawing stays, and the data table with it.
 *
 * The live chart follows theme changes; print shows the static drawing
 * (charts.css), which CSS colours for paper.
 */
import { Chart } from 'chart.js';
import { CHART_TYPES } from '../../schemas/chart-types.ts';
import type { ChartConfig } from '../config.ts';
import {
  CHART_COMPONENTS,
  buildChartConfiguration,
  type ChartTheme,
  type Datum,
  type Kind,
} from '../configuration.ts';

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
 * scheme (system or toggle).
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
}

/** Live charts, to recolour when the theme changes. */
const drawn = new Set<DrawnChart>();

/**
 * Draws one figure's chart on a canvas over its static drawing, in the plot
 * box that has held the chart's size since the first paint. The canvas fades
 * in over the drawing rather than animating from nothing: the reader is
 * looking at the chart already. Idempotent: a figure is drawn once.
 */
export function enhance(figure: HTMLElement): void {
  if (figure.dataset['chartState'] !== undefined) return;
  const frame = figure.querySelector<HTMLElement>('[data-chart-frame]');
  const plot = frame?.querySelector<HTMLElement>('.chart__plot');
  const script = figure.querySelector('script[data-chart-config]');
  let chart: Chart<Kind, Datum[], string> | undefined;
  let canvas: HTMLCanvasElement | undefined;
  try {
    if (!frame || !plot || !script) throw new Error('the figure is missing its plot or data');
    const config = parseChartConfig(script.textContent ?? '');
    canvas = document.createElement('canvas');
    canvas.className = 'chart__live';
    plot.append(canvas);
    chart = new Chart(canvas, buildChartConfiguration(config, readTheme()));
    wireLegend(frame, chart);
    drawn.add({ chart, config });
    figure.dataset['chartState'] = 'ready';
  } catch (error) {
    chart?.destroy();
    canvas?.remove();
    figure.dataset['chartState'] = 'failed';
    const title = figure.querySelector('.chart__title')?.textContent ?? 'untitled';
    console.error(
      `Casefolio: chart "${title}" could not be drawn live; its static drawing stays.`,
      error,
    );
  }
}

/** Recolours every live chart for the current theme, without animation. */
function recolourAll(): void {
  if (drawn.size === 0) return;
  const theme = readTheme();
  for (const { chart, config } of drawn) {
    const next = buildChartConfiguration(config, theme);
    chart.options = next.options ?? {};
    next.data.datasets.forEach((dataset, index) => {
      const current = chart.data.datasets[index];
      if (current) Object.assign(current, dataset);
    });
    chart.update('none');
  }
}

// Unit tests import the helpers above in Node, where there is no document.
if (typeof document !== 'undefined') {
  Chart.register(...CHART_COMPONENTS);
  document.addEventListener(THEME_CHANGE_EVENT, recolourAll);
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', recolourAll);
}
