/**
 * What every artifact importer produces: one typed view of a file a training
 * run wrote. Importers are pure (text in, Artifact or a precise problem out);
 * src/artifacts/load.ts reads the files and src/artifacts/lookup.ts
 * looks values up by key.
 */

import type { ArtifactFormat } from '../../schemas/artifact-formats.ts';

/** One logged value; `value` is null where the tool wrote NaN, NA, inf or nothing. */
export interface SeriesPoint {
  step: number;
  value: number | null;
}

/** A metric logged over steps or epochs, in logging order. */
export interface Series {
  /** The metric's name as the tool wrote it: `val_loss`, `val/loss`, `eval_accuracy`. */
  name: string;
  points: SeriesPoint[];
}

/** Where the numbers came from, for the provenance note under a metric. */
export interface RunInfo {
  /** Run name: MLflow `mlflow.runName`, W&B run name. */
  name?: string;
  /** Full git commit hash the run was made from. */
  commit?: string;
  /** `FINISHED`, `FAILED`, `RUNNING`, `SCHEDULED`, `KILLED`. */
  status?: string;
  /** Tool-specific run id. */
  id?: string;
}

export interface Artifact {
  format: ArtifactFormat;
  /**
   * Nested values addressable by dotted keys (any plain JSON file too): a classification report
   * (`macro avg` -> `f1-score`), trainer_state.json's top level
   * (`best_metric`), MLflow's last value of each metric.
   */
  values?: Record<string, unknown>;
  /**
   * One number and nothing to name it by: a notebook cell whose output is a
   * single value (`rep['accuracy']`, `np.float64(0.93)`); null for `nan`.
   */
  number?: number | null;
  /** Metric series (Keras, TensorBoard, MLflow, W&B, trainer_state log_history). */
  series?: Series[];
  /** What `step` counts in `series`: epochs (Keras) or optimizer steps. */
  stepName?: 'epoch' | 'step';
  /** Run parameters as written (MLflow params). */
  params?: Record<string, string>;
  run?: RunInfo;
  /** A confusion matrix: rows true classes, columns predicted. */
  matrix?: { counts: number[][]; labels?: string[] };
  /** A ROC curve (x = fpr, y = tpr) or a precision-recall curve (x = recall, y = precision). */
  curve?: { kind: 'roc' | 'pr'; x: number[]; y: number[]; thresholds: number[] };
}

/** A problem in the file itself: what was expected and what was found, with the line or key. */
export interface ImportProblem {
  message: string;
  /** 1-based line in the file (or in the named file inside a run folder). */
  line?: number;
  /** A file inside a run folder: `metrics/val/loss`, `meta.yaml`. */
  file?: string;
}

export type ImportResult = { ok: true; artifact: Artifact } | ({ ok: false } & ImportProblem);
