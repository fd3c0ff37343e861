import { roundTo } from '../metrics/numbers.ts';
import type { CaseStudyData } from '../schemas/case-study.ts';
import type { Task } from '../schemas/model.ts';
import type { Metric } from '../schemas/metric.ts';
import { en } from '../i18n/en.ts';
import { slugifyLabel } from '../schemas/slugs.ts';

/**
 * The YAML header of a model card in Hugging Face's layout: the card
 * metadata of `huggingface/hub-docs` (`modelcard.md`) with its
 * machine-readable `model-index`, built from the case study as checked.
 * Only what the frontmatter says goes in: no license (the model's is not
 * known, and the dataset's is not the model's), no `language` (it names the
 * languages a model reads, which a tabular model has none of and the
 * frontmatter does not state).
 */

/**
 * Hugging Face's task type (a pipeline type of `@huggingface/tasks`) for each
 * of Casefolio's tasks. Classification and regression map to the tabular
 * types, as a case study's model is one trained on a table unless it says
 * otherwise; a task with no Hugging Face type of its own (clustering,
 * ranking of rows, causal inference…) is `other`, with the Casefolio name as
 * the task's `name`, so the reader still sees what it was.
 */
export const HF_TASK_TYPES: Readonly<Record<Task, string>> = {
  classification: 'tabular-classification',
  regression: 'tabular-regression',
  forecasting: 'time-series-forecasting',
  clustering: 'other',
  ranking: 'other',
  recommendation: 'other',
  nlp: 'other',
  'computer-vision': 'other',
  'anomaly-detection': 'other',
  'causal-inference': 'other',
  optimization: 'other',
  analytics: 'other',
  other: 'other',
};

/** What the header reads from a case study (a `CaseStudy` from src/site/portfolio.ts fits). */
export type ModelCardMetadataInput = Pick<CaseStudyData, 'title' | 'tags' | 'dataset' | 'model'> & {
  /** The metrics as the page shows them: values read from artifact files already filled in. */
  metrics: readonly Metric[];
};

/** One metric of a result: `{ type: macro-f1, name: Macro F1, value: 0.5 }`. */
interface ModelIndexMetric {
  type: string;
  name: string;
  value: number;
}

/** One result of the `model-index`: the metrics measured on one split of one dataset. */
interface ModelIndexResult {
  task: { type: string; name: string };
  dataset: { name: string; type: string; split?: string };
  metrics: ModelIndexMetric[];
  /** Where the result is reported: the case study's page, when its address is absolute. */
  source?: { name: string; url: string };
}

export interface ModelCardMetadata {
  tags?: string[];
  datasets?: string[];
  metrics?: string[];
  'model-index': [{ name: string; results: ModelIndexResult[] }];
}

/**
 * `owner/name` of a dataset on the Hugging Face Hub, from its URL
 * (`https://huggingface.co/datasets/owner/name`); undefined for any other.
 */
function hubDatasetId(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.hostname !== 'huggingface.co' && parsed.hostname !== 'hf.co') return undefined;
  const match = /^\/datasets\/([\w.-]+(?:\/[\w.-]+)?)\/?$/.exec(parsed.pathname);
  return match?.[1];
}

/** An identifier from a name, `Macro F1` -> `macro-f1`, or `fallback` when the name has nothing to make one of. */
function identifier(name: string, fallback: string): string {
  return slugifyLabel(name) || fallback;
}

/** A metric's identifier in the `model-index`: the slug of its name. */
function metricType(name: string): string {
  return identifier(name, 'metric');
}

/**
 * A metric's value as the page shows it: with `decimals`, rounded to them
 * (a value read from a file keeps every digit until shown); otherwise as
 * resolved, which for a value read from a file is already rounded for display.
 */
function shownValue(metric: Metric): number | undefined {
  if (metric.value === undefined) return undefined;
  return metric.decimals === undefined ? metric.value : roundTo(metric.value, metric.decimals);
}

/**
 * The card's metadata. The `model-index` has one result per split the
 * metrics name (Hugging Face keeps the split on the result's dataset, not
 * on the metric), in the order the metrics first name them; a metric without
 * a split goes in a result without one.
 */
export function modelCardMetadata(
  study: ModelCardMetadataInput,
  pageUrl: string,
): ModelCardMetadata {
  const hubId = hubDatasetId(study.dataset.url);
  const task = { type: HF_TASK_TYPES[study.model.task], name: en.model.tasks[study.model.task] };
  const dataset = {
    name: study.dataset.name,
    type: hubId ?? identifier(study.dataset.name, 'dataset'),
  };
  // Hugging Face reads a result's source as a link; a path without the site's address is none.
  const source = /^https?:\/\//.test(pageUrl) ? { name: study.title, url: pageUrl } : undefined;

  const results = new Map<string | undefined, ModelIndexResult>();
  for (const metric of study.metrics) {
    const value = shownValue(metric);
    if (value === undefined) continue;
    let result = results.get(metric.split);
    if (!result) {
      result = {
        task,
        dataset: metric.split === undefined ? dataset : { ...dataset, split: metric.split },
        metrics: [],
        ...(source ? { source } : {}),
      };
      results.set(metric.split, result);
    }
    result.metrics.push({ type: metricType(metric.name), name: metric.name, value });
  }

  const metricTypes = [...new Set(study.metrics.map((metric) => metricType(metric.name)))];
  return {
    ...(study.tags.length > 0 ? { tags: [...study.tags] } : {}),
    ...(hubId ? { datasets: [hubId] } : {}),
    ...(metricTypes.length > 0 ? { metrics: metricTypes } : {}),
    'model-index': [{ name: study.model.name, results: [...results.values()] }],
  };
}
