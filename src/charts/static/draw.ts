/**
 * A chart drawn at build time: Chart.js itself, given the same configuration
 * the browser gives it (`../configuration.ts`), draws on a recording context
 * (`svg-context.ts`) instead of a canvas, so the static drawing a reader sees
 * first and the live chart that replaces it on interaction are one drawing.
 *
 * Two sizes are drawn, because a drawing's text scales with it: one for a
 * phone's column and one for the prose column of a wider screen (and paper).
 * The page shows the one that fits (charts.css, a container query).
 */
import { createHash } from 'node:crypto';
import { Chart, Tooltip } from 'chart.js';
import { CHART_COMPONENTS, buildChartConfiguration, type ChartTheme } from '../configuration.ts';
import type { ChartConfig } from '../config.ts';
import { SvgContext, type Paint } from './svg-context.ts';
import { textWidthMeasure } from './text-width.ts';

/** A drawing's size in CSS pixels; the page scales it to the column's width. */
export interface DrawingSize {
  width: number;
  height: number;
}

/**
 * The sizes drawn. `wide` is the plot's width in the 42rem prose column
 * (672 px, less the figure's padding and border), so on a laptop the drawing
 * is shown at exactly its size; `narrow` is a 390 px phone's. The page
 * scales the one it shows to the plot's width (charts.css switches to the
 * narrow one below 460 px, where the wide one's text would shrink under 9 px).
 */
export const DRAWING_SIZES = {
  narrow: { width: 324, height: 240 },
  wide: { width: 638, height: 320 },
} as const satisfies Record<string, DrawingSize>;

type DrawingName = keyof typeof DRAWING_SIZES;

/** A chart's static drawings: each an `<svg>` element, ready for the page. */
export type StaticChart = Record<DrawingName, string>;

/**
 * Stand-in colours: the drawing never holds a colour, only the class of the
 * theme colour each of these stands for, which charts.css resolves.
 */
const STAND_INS = {
  series: ['#000001', '#000002', '#000003', '#000004', '#000005', '#000006'],
  text: '#000010',
  muted: '#000011',
  border: '#000012',
  background: '#000013',
} as const;

const THEME: ChartTheme = { ...STAND_INS, font: 'Noto Sans' };

/** The class suffix of each stand-in: 1 to 6 for series, t(ext), m(uted), b(order), g(round). */
const ROLES = new Map<string, string>([
  ...STAND_INS.series.map((colour, index): [string, string] => [colour, String(index + 1)]),
  [STAND_INS.text, 't'],
  [STAND_INS.muted, 'm'],
  [STAND_INS.border, 'b'],
  [STAND_INS.background, 'g'],
]);

/**
 * The class that paints a stand-in: `f…` fills, `s…` strokes (charts.css).
 * `transparent` is the hollow fill of a dashed bar.
 */
export function paintClass(colour: string, use: 'fill' | 'stroke'): Paint {
  if (colour === 'transparent') return 'none';
  const role = ROLES.get(colour.toLowerCase());
  if (role === undefined) {
    throw new Error(`a static chart was painted with ${colour}, which is no theme colour`);
  }
  return { class: `${use === 'fill' ? 'f' : 's'}${role}` };
}

/**
 * A chart's identity for its drawings: the digest of its configuration, the
 * data island the page carries, which is all a drawing is made from.
 */
export function drawingKey(config: ChartConfig): string {
  return createHash('sha256').update(JSON.stringify(config)).digest('base64url');
}

let registered = false;

/** The `<svg>` element around a drawing's content. */
function svgElement(name: DrawingName, content: string): string {
  const { width, height } = DRAWING_SIZES[name];
  return `<svg class="chart__static chart__static--${name}" viewBox="0 0 ${width} ${height}" aria-hidden="true">${content}</svg>`;
}

/**
 * Draws a chart at every size in `DRAWING_SIZES`. `root` is the project root,
 * where the measuring font is found. One Chart.js chart draws both, resized
 * in between: its options and data are resolved once.
 */
export function drawStaticChart(config: ChartConfig, root: string = process.cwd()): StaticChart {
  if (!registered) {
    // A drawing never shows a tooltip: without the plugin, Chart.js has fewer
    // hooks to run and options to resolve on every layout.
    Chart.register(...CHART_COMPONENTS.filter((component) => component !== Tooltip));
    registered = true;
  }
  const context = new SvgContext({
    ...DRAWING_SIZES.wide,
    measure: textWidthMeasure(root),
    paint: paintClass,
  });
  const configuration = buildChartConfiguration(config, THEME);
  configuration.options = {
    ...configuration.options,
    responsive: false,
    devicePixelRatio: 1,
    events: [],
  };
  // Chart.js takes any object with getContext for a canvas, and draws at
  // once when it does not animate.
  const chart = new Chart(context.canvas as unknown as HTMLCanvasElement, configuration);
  try {
    const wide = svgElement('wide', context.take());
    chart.resize(DRAWING_SIZES.narrow.width, DRAWING_SIZES.narrow.height);
    const narrow = svgElement('narrow', context.take());
    return { narrow, wide };
  } finally {
    chart.destroy();
  }
}
