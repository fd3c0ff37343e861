import type { Metric } from '../schemas/metric.ts';
import { handover } from './handover.ts';
import type { ResolvedMetric } from '../artifacts/resolve-metric.ts';

/**
 * The metrics a production build's content check has already read from their
 * artifact files (`from:` + `key:`), for the pages to show instead of opening
 * every artifact again in Astro's process. Handed over through
 * processes/handover.ts, as the built charts are; a metric that is not found (the
 * dev server, where a saved artifact must show its new value) is read from its file.
 */
const metrics = handover<Metric, ResolvedMetric>('casefolio.resolved-metrics');

/** A metric's identity: the MDX file it is in and its fields after their schema. */
export type MetricKey = string;

export const metricKey: (mdxFile: string, metric: Metric) => MetricKey = metrics.key;

/** Makes `metrics` (from the content check) available to the pages of this build. */
export const shareResolvedMetrics: (
  entries: Iterable<readonly [MetricKey, ResolvedMetric]>,
) => void = metrics.share;

/** The value the check read for this metric of this file, if it read one. */
export const sharedResolvedMetric: (mdxFile: string, metric: Metric) => ResolvedMetric | undefined =
  metrics.get;
