/**
 * The artifact formats of the content contract, as written in `format:`
 * overrides; artifacts/formats/ holds one parser for each.
 */

export const ARTIFACT_FORMATS = [
  'sklearn-report',
  'confusion-matrix',
  'roc-curve',
  'pr-curve',
  'keras-log',
  'tensorboard-csv',
  'mlflow-run',
  'hf-trainer-state',
  'wandb-history',
  'wandb-panel',
  'json',
] as const;

export type ArtifactFormat = (typeof ARTIFACT_FORMATS)[number];
