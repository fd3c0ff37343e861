import { dictionary } from '../i18n/dictionaries.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';
import type { Artifact, Series } from '../artifacts/formats/types.ts';
import type { ChartSeries } from './config.ts';
import type { Cell, DataTable } from '../artifacts/data-table.ts';

/** What a chart of an artifact plots when the intern gives no x or y. */
export interface ArtifactChartData {
  table: DataTable;
  x: string;
  y: string[];
  /** Reference lines drawn dashed: the chance diagonal of a ROC curve. */
  extras: ChartSeries[];
  xLabel?: string;
  yLabel?: string;
}

/** Series that describe the run rather than the model: never plotted by default. */
const BOOKKEEPING =
  /(^|[_/])(runtime|samples_per_second|steps_per_second|total_flos|grad_norm|epoch|lr|learning_rate)$/;

/** Steps on the x axis, one column per series, gaps where a series was not logged. */
export function seriesTable(series: readonly Series[], stepName: string): DataTable {
  const steps = [...new Set(series.flatMap((one) => one.points.map((point) => point.step)))].sort(
    (a, b) => a - b,
  );
  const rows = steps.map((step) => {
    const row: Record<string, Cell> = { [stepName]: step };
    for (const one of series) {
      const point = one.points.filter((candidate) => candidate.step === step).at(-1);
      row[one.name] = point?.value ?? null;
    }
    return row;
  });
  return { columns: [stepName, ...series.map((one) => one.name)], rows, firstRow: 1 };
}

/**
 * Keras logs columns alphabetically; a reader wants each training metric next
 * to its validation twin: loss, val_loss, accuracy, val_accuracy.
 */
export function pairTrainingWithValidation(names: readonly string[]): string[] {
  const ordered: string[] = [];
  for (const name of names) {
    if (ordered.includes(name) || name.startsWith('val_')) continue;
    ordered.push(name);
    if (names.includes(`val_${name}`)) ordered.push(`val_${name}`);
  }
  for (const name of names) if (!ordered.includes(name)) ordered.push(name);
  return ordered;
}

/**
 * The default chart of an artifact: training against validation pairs by
 * epoch for a Keras log, every metric by step for MLflow, TensorBoard and
 * W&B, training loss and evaluation metrics for trainer_state.json, TPR
 * against FPR with the chance diagonal for a ROC curve. Formats with nothing
 * to plot over time explain what to use instead.
 */
export function artifactChartData(
  artifact: Artifact,
  locale: Locale = DEFAULT_LOCALE,
): { ok: true; data: ArtifactChartData } | { ok: false; message: string } {
  const words = dictionary(locale).curves;
  if (artifact.curve) {
    const { kind, x, y } = artifact.curve;
    const [xName, yName] = kind === 'roc' ? ['fpr', 'tpr'] : ['recall', 'precision'];
    const rows = x.map((value, index) => ({ [xName]: value, [yName]: y[index] ?? null }));
    return {
      ok: true,
      data: {
        table: { columns: [xName, yName], rows, firstRow: 2 },
        x: xName,
        y: [yName],
        extras:
          kind === 'roc'
            ? [
                {
                  label: words.chance,
                  data: [
                    { x: 0, y: 0 },
                    { x: 1, y: 1 },
                  ],
                  dashed: true,
                },
              ]
            : [],
        ...(kind === 'roc'
          ? { xLabel: words.falsePositiveRate, yLabel: words.truePositiveRate }
          : { xLabel: words.recall, yLabel: words.precision }),
      },
    };
  }
  const series = artifact.series ?? [];
  if (series.length === 0) {
    return {
      ok: false,
      message:
        artifact.format === 'confusion-matrix'
          ? 'is a confusion matrix: show it with <ConfusionMatrix src=...> instead'
          : 'has no logged series to plot; show its values with <Metric> or metrics from + key',
    };
  }
  const stepName = artifact.stepName ?? 'step';
  const names = series.map((one) => one.name);
  const plotted = names.filter((name) => !BOOKKEEPING.test(name));
  let y: string[];
  switch (artifact.format) {
    case 'keras-log':
      y = pairTrainingWithValidation(plotted);
      break;
    case 'hf-trainer-state':
      // Training loss and evaluation metrics; the final summary's train_* totals are one point each.
      y = plotted.filter((name) => name === 'loss' || name.startsWith('eval_'));
      break;
    default:
      y = plotted;
  }
  if (y.length === 0) y = names;
  return {
    ok: true,
    data: { table: seriesTable(series, stepName), x: stepName, y, extras: [], xLabel: stepName },
  };
}
