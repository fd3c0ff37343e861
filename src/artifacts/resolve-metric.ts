import path from 'node:path';
import type { Metric } from '../schemas/metric.ts';
import { lookupValue, roundForDisplay } from './lookup.ts';
import { loadArtifact } from './load.ts';

/** Where a metric's value was read from, for the note under it on the page. */
interface MetricSource {
  /** The file or run folder name: `classification_report.json`. */
  file: string;
  /** The key read, as written. */
  key: string;
  /** MLflow (or W&B) run name. */
  run?: string;
  /** Short git commit of the run. */
  commit?: string;
  /** How the value was chosen in a series: "last value, step 30", "best value, at epoch 12" (Keras). */
  detail?: string;
}

export type ResolvedMetric = Metric & { source?: MetricSource };

export type MetricResolution =
  { ok: true; metric: ResolvedMetric } | { ok: false; field: 'from' | 'key'; message: string };

/**
 * Gives a metric written with `from` + `key` its value, read from the
 * artifact file beside the case study, and the provenance to show with it.
 * Metrics with a hand-typed value pass through unchanged.
 */
export function resolveMetric(
  metric: Metric,
  mdxFile: string,
  contentDir: string,
): MetricResolution {
  if (metric.from === undefined || metric.key === undefined) return { ok: true, metric };
  const loaded = loadArtifact(metric.from, mdxFile, contentDir, metric.format);
  if (!loaded.ok) return { ok: false, field: 'from', message: loaded.message };
  const found = lookupValue(loaded.artifact, metric.key, metric.goal);
  if (!found.ok) return { ok: false, field: 'key', message: `${metric.from}: ${found.message}` };
  const run = loaded.artifact.run;
  const source: MetricSource = {
    file: loaded.fileName ?? path.basename(metric.from),
    key: metric.key,
    ...(run?.name ? { run: run.name } : {}),
    ...(run?.commit ? { commit: run.commit.slice(0, 7) } : {}),
    ...(found.detail ? { detail: found.detail } : {}),
  };
  const value = metric.decimals === undefined ? roundForDisplay(found.value) : found.value;
  return { ok: true, metric: { ...metric, value, source } };
}
