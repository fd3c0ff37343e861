import type { Metric } from '../schemas/metric.ts';
import type { ResolvedMetric } from './metric-sources-fs.ts';

/**
 * The metrics a production build's content check has already read from their
 * artifact files (`from:` + `key:`), for the pages to show instead of opening
 * every artifact again in Astro's process. Handed over the way the built
 * charts are (lib/built-charts.ts): the check runs in a child process and
 * sends them with the plan, and the integration keeps them on `globalThis`
 * under a registered symbol, the one value the bundled page chunks' copy of
 * this module can reach too. A metric that is not found (the dev server,
 * where a saved artifact must show its new value) is read from its file.
 */

/** A metric's identity: the MDX file it is in and its fields after their schema. */
export type MetricKey = string;

export function metricKey(mdxFile: string, metric: Metric): MetricKey {
  return JSON.stringify([mdxFile, metric]);
}

const SHARED = Symbol.for('casefolio.resolved-metrics');

type WithMetrics = typeof globalThis & { [SHARED]?: ReadonlyMap<MetricKey, ResolvedMetric> };

/** Makes `metrics` (from the content check) available to the pages of this build. */
export function shareResolvedMetrics(
  metrics: Iterable<readonly [MetricKey, ResolvedMetric]>,
): void {
  (globalThis as WithMetrics)[SHARED] = new Map(metrics);
}

/** The value the check read for this metric of this file, if it read one. */
export function sharedResolvedMetric(mdxFile: string, metric: Metric): ResolvedMetric | undefined {
  return (globalThis as WithMetrics)[SHARED]?.get(metricKey(mdxFile, metric));
}
