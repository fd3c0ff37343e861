import type { ChartProps } from '../schemas/components.ts';
import type { BuiltChart } from './chart-data.ts';

/**
 * The charts a production build's content check has already built, for the
 * pages to reuse instead of reading and parsing every data file again on
 * Astro's busiest thread (0.4 s at 1,000 case studies).
 *
 * The check runs in a child process and sends its charts with the plan; the
 * integration hands them over here. Pages are rendered from bundled chunks,
 * which hold their own copy of this module, so the charts are kept on
 * `globalThis` under a registered symbol: the one value both copies can
 * reach in the same process. A chart that is not found (the dev server, a
 * prop computed at render time) is built from its file as before.
 */

/** A chart's identity: the MDX file it is in and its props after their schema. */
export type ChartKey = string;

export function chartKey(mdxFile: string, props: ChartProps): ChartKey {
  return JSON.stringify([mdxFile, props]);
}

const SHARED = Symbol.for('casefolio.built-charts');

type WithCharts = typeof globalThis & { [SHARED]?: ReadonlyMap<ChartKey, BuiltChart> };

/** Makes `charts` (from the content check) available to the pages of this build. */
export function shareBuiltCharts(charts: Iterable<readonly [ChartKey, BuiltChart]>): void {
  (globalThis as WithCharts)[SHARED] = new Map(charts);
}

/** The chart the check built for these props in this file, if it built one. */
export function builtChart(mdxFile: string, props: ChartProps): BuiltChart | undefined {
  return (globalThis as WithCharts)[SHARED]?.get(chartKey(mdxFile, props));
}
