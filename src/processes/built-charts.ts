import type { ChartProps } from '../schemas/components.ts';
import { handover } from './handover.ts';
import type { BuiltChart } from '../charts/data.ts';

/**
 * The charts a production build's content check has already built, for the
 * pages to reuse instead of reading and parsing every data file again on
 * Astro's busiest thread (0.4 s at 1,000 case studies). Handed over through
 * processes/handover.ts; a chart that is not found is built from its file.
 */
const charts = handover<ChartProps, BuiltChart>('casefolio.built-charts');

/** A chart's identity: the MDX file it is in and its props after their schema. */
export type ChartKey = string;

export const chartKey: (mdxFile: string, props: ChartProps) => ChartKey = charts.key;

/** Makes `charts` (from the content check) available to the pages of this build. */
export const shareBuiltCharts: (entries: Iterable<readonly [ChartKey, BuiltChart]>) => void =
  charts.share;

/** The chart the check built for these props in this file, if it built one. */
export const builtChart: (mdxFile: string, props: ChartProps) => BuiltChart | undefined =
  charts.get;
