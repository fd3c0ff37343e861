/**
 * The static drawings of a production build's charts, drawn by the check's
 * process (integration/build-child.ts) while Astro bundles, for the chart
 * figures to use instead of laying out every chart with Chart.js on Astro's
 * main thread as it renders (about 3 to 5 ms a chart: seconds at 1,000 case
 * studies, on the render's critical path).
 *
 * They arrive in batches, and a figure never waits for one: a chart whose
 * drawing has not arrived (or that the check never saw: a `<MetricsChart>`,
 * a fairness chart, the dev server) is drawn by the page itself, the same
 * drawing. Each is found by the digest of its chart's configuration
 * (`drawingKey`), so a page can never be handed another chart's drawing.
 * Like processes/handover.ts, they are kept on `globalThis` under a
 * registered symbol, which both copies of this module (the integration's
 * and the bundled pages') can reach.
 */
import type { StaticChart } from '../charts/static/draw.ts';

const shared = Symbol.for('casefolio.chart-drawings');
type WithShared = typeof globalThis & { [shared]?: Map<string, StaticChart> };

/** Adds a batch of drawings, each under its chart's `drawingKey`. */
export function addChartDrawings(entries: Iterable<readonly [string, StaticChart]>): void {
  const drawings = ((globalThis as WithShared)[shared] ??= new Map());
  for (const [key, drawing] of entries) drawings.set(key, drawing);
}

/** The drawing handed over for this key, if it has arrived. */
export function handedDrawing(key: string): StaticChart | undefined {
  return (globalThis as WithShared)[shared]?.get(key);
}
