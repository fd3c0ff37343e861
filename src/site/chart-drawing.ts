import type { ChartConfig } from '../charts/config.ts';
import { drawable } from '../charts/drawable.ts';
import { drawStaticChart, drawingKey, type StaticChart } from '../charts/static/draw.ts';
import { handedDrawing } from '../processes/chart-drawings.ts';

/**
 * The drawings of a chart the page shows before (and without) JavaScript:
 * the check's process drew most of a build's (processes/chart-drawings.ts);
 * any other is drawn here. Drawing is Chart.js laying out the chart; should
 * it ever throw, the figure goes without a drawing and opens its data table
 * instead, and the build says which chart, rather than failing a page over a
 * picture of its table.
 */
export function staticChartFor(config: ChartConfig, title: string): StaticChart | undefined {
  // The check warns about such a chart at its line (the `chart-size` lint).
  if (!drawable(config)) return undefined;
  const handed = handedDrawing(drawingKey(config));
  if (handed) return handed;
  try {
    return drawStaticChart(config);
  } catch (error) {
    console.warn(
      `Casefolio: chart "${title}" could not be drawn at build time; its page shows the data table instead.`,
      error,
    );
    return undefined;
  }
}
