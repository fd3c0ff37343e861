import path from 'node:path';
import { notebookSource, type Metric } from '../schemas/metric.ts';
import type { Artifact } from './formats/types.ts';
import { availableKeys, lookupValue, roundForDisplay, type LookupResult } from './lookup.ts';
import { loadArtifact } from './load.ts';
import { loadNotebookCell } from './notebook-cell.ts';

/** Where a metric's value was read from, for the note under it on the page. */
interface MetricSource {
  /** The file or run folder name: `classification_report.json`, `analysis.ipynb`. */
  file: string;
  /** The key read, as written; absent for a notebook cell that shows one number. */
  key?: string;
  /** The notebook cell the value is from: `cell "report"`, `In [4] (the 5th cell)`. */
  cell?: string;
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

/** How metrics are read: the largest notebook a cell is read from (`notebookSizeLimit`). */
export interface ResolveOptions {
  notebookMaxBytes?: number | undefined;
}

/**
 * Gives a metric written with `from` (+ `key`) its value, read from the
 * artifact file beside the case study or from a notebook cell's saved
 * output, and the provenance to show with it. Metrics with a hand-typed
 * value pass through unchanged.
 */
export function resolveMetric(
  metric: Metric,
  mdxFile: string,
  contentDir: string,
  options: ResolveOptions = {},
): MetricResolution {
  if (metric.from === undefined) return { ok: true, metric };
  const notebook = notebookSource(metric.from);
  if (notebook) return resolveFromCell(metric, metric.from, notebook, mdxFile, contentDir, options);
  if (metric.key === undefined) return { ok: true, metric };
  const loaded = loadArtifact(metric.from, mdxFile, contentDir, metric.format);
  if (!loaded.ok) return { ok: false, field: 'from', message: loaded.message };
  const found = lookupValue(loaded.artifact, metric.key, metric.goal);
  if (!found.ok) return { ok: false, field: 'key', message: `${metric.from}: ${found.message}` };
  const run = loaded.artifact.run;
  return withValue(metric, found, {
    file: loaded.fileName ?? path.basename(metric.from),
    key: metric.key,
    ...(run?.name ? { run: run.name } : {}),
    ...(run?.commit ? { commit: run.commit.slice(0, 7) } : {}),
  });
}

/** The metric with the value found, rounded for display unless `decimals` says how to show it. */
function withValue(
  metric: Metric,
  found: Extract<LookupResult, { ok: true }>,
  source: MetricSource,
): MetricResolution {
  const value = metric.decimals === undefined ? roundForDisplay(found.value) : found.value;
  const detail = found.detail ? { detail: found.detail } : {};
  return { ok: true, metric: { ...metric, value, source: { ...source, ...detail } } };
}

/** A metric read from a notebook cell: `key` into what the cell shows, or none when it shows one number. */
function resolveFromCell(
  metric: Metric,
  from: string,
  notebook: { notebook: string; cell?: string },
  mdxFile: string,
  contentDir: string,
  options: ResolveOptions,
): MetricResolution {
  const loaded = loadNotebookCell(notebook, mdxFile, contentDir, options.notebookMaxBytes);
  if (!loaded.ok) return { ok: false, field: 'from', message: loaded.message };
  const found = lookupInCell(loaded.artifact, metric, loaded.cell);
  if (!found.ok) return { ok: false, field: 'key', message: `${from}: ${found.message}` };
  return withValue(metric, found, {
    file: loaded.fileName,
    cell: loaded.cell,
    ...(metric.key === undefined ? {} : { key: metric.key }),
  });
}

/** The value `key` names in what a cell shows, or the one number it shows when there is no key. */
function lookupInCell(artifact: Artifact, metric: Metric, cell: string): LookupResult {
  const single = artifact.number;
  if (single !== undefined) {
    if (metric.key !== undefined) {
      return {
        ok: false,
        message: `${cell} shows one number (${single ?? 'nan'}), which has no keys; remove key`,
      };
    }
    return single === null || !Number.isFinite(single)
      ? { ok: false, message: `${cell} shows nan, not a usable number` }
      : { ok: true, value: single };
  }
  if (metric.key === undefined) {
    return {
      ok: false,
      message: `${cell} shows several values; add key to say which: ${listKeys(availableKeys(artifact))}`,
    };
  }
  return lookupValue(artifact, metric.key, metric.goal, "the cell's output");
}

/** Keys in the order the output shows them, as a short quoted list. */
function listKeys(keys: readonly string[], limit = 8): string {
  const shown = keys.slice(0, limit).map((key) => `"${key}"`);
  return `${shown.join(', ')}${keys.length > limit ? `, and ${keys.length - limit} more` : ''}`;
}
