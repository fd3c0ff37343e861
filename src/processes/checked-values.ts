import { shareBuiltCharts, type ChartKey } from './built-charts.ts';
import { shareConfusionViews, type ConfusionKey } from './confusion-views.ts';
import { shareFairnessViews, type FairnessKey } from './fairness-views.ts';
import { shareNotebookViews, type NotebookKey } from './notebook-views.ts';
import { shareResolvedMetrics, type MetricKey } from './resolved-metrics.ts';
import type { BuiltChart } from '../charts/data.ts';
import type { ConfusionView } from '../charts/confusion.ts';
import type { ResolvedMetric } from '../artifacts/resolve-metric.ts';
import type { NotebookView } from '../notebooks/view.ts';
import type { FairnessView } from '../fairness/view.ts';
import type { Publication } from '../publications/publication.ts';
import { sharePublications } from './publications.ts';

/**
 * What the content check read for the pages, each under its key (the MDX
 * file and the props or metric): of a production build's published studies,
 * or in `astro dev` of every study, drafts included. Only what was read
 * without problems; a page reads anything else itself.
 */
export interface CheckedValues {
  /** The charts, already built (processes/built-charts.ts). */
  charts: [ChartKey, BuiltChart][];
  /** The confusion matrices, already read and checked (processes/confusion-views.ts). */
  confusions: [ConfusionKey, ConfusionView][];
  /**
   * The artifact metrics, already read (processes/resolved-metrics.ts): the cards
   * and the pages show these values.
   */
  metrics: [MetricKey, ResolvedMetric][];
  /** The notebooks, already read and prepared, their images already files (processes/notebook-views.ts). */
  notebooks: [NotebookKey, NotebookView][];
  /** The fairness breakdowns, already read, with their gaps and charts (processes/fairness-views.ts). */
  fairness: [FairnessKey, FairnessView][];
  /** Each portfolio's publications, by `publicationsKey` (processes/publications.ts). */
  publications: [string, Publication[]][];
}

/**
 * Hands the pages of this process what the content check read for them, so
 * no page opens a file the check has read. A build does it once, with the
 * plan of its check's child process; `astro dev` at start-up and after each
 * save's re-check, replacing what the previous check read.
 */
export function shareCheckedValues(values: CheckedValues): void {
  shareBuiltCharts(values.charts);
  shareConfusionViews(values.confusions);
  shareResolvedMetrics(values.metrics);
  shareNotebookViews(values.notebooks);
  shareFairnessViews(values.fairness);
  sharePublications(values.publications);
}
