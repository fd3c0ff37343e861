import { describe, expect, it } from 'vitest';
import { resolveMetric } from '../../../src/artifacts/resolve-metric.ts';
import type { Metric } from '../../../src/schemas/metric.ts';
import { artifactSite } from '../../helpers/artifacts.ts';

const RUN_ID = '5f2c0e7a9b7d4c1e8f3a2b6d9c0e1f23';
const RUN = `./mlruns/873451918523740582/${RUN_ID}`;

/** content/case-studies/x/index.mdx with the fixture artifacts beside it. */
function site(files: Record<string, string> = {}) {
  const { contentDir, mdxFile } = artifactSite(files);
  return {
    resolve: (metric: Partial<Metric>) =>
      resolveMetric({ name: 'Result', goal: 'higher', ...metric }, mdxFile, contentDir),
  };
}

describe('resolveMetric', () => {
  it('passes a metric with a typed value through unchanged', () => {
    const metric: Metric = { name: 'AUC', value: 0.91, baseline: 0.78, goal: 'higher' };
    const result = resolveMetric(metric, '/nowhere/index.mdx', '/nowhere');
    expect(result).toEqual({ ok: true, metric });
    expect(result.ok && result.metric).toBe(metric);
  });

  it('reads a classification report value, rounded to four significant digits, with its file', () => {
    expect(
      site().resolve({
        name: 'F1 (macro)',
        from: './classification_report.json',
        key: 'macro avg.f1-score',
        baseline: 0.71,
      }),
    ).toEqual({
      ok: true,
      metric: {
        name: 'F1 (macro)',
        from: './classification_report.json',
        key: 'macro avg.f1-score',
        baseline: 0.71,
        goal: 'higher',
        value: 0.985,
        source: { file: 'classification_report.json', key: 'macro avg.f1-score' },
      },
    });
  });

  it('keeps the raw value when decimals are set', () => {
    const result = site().resolve({
      from: './classification_report.json',
      key: 'macro avg.f1-score',
      decimals: 2,
    });
    expect(result.ok && result.metric.value).toBe(0.9850104821802935);
    expect(result.ok && result.metric.decimals).toBe(2);
    const zero = site().resolve({
      from: './classification_report.json',
      key: 'accuracy',
      decimals: 0,
    });
    expect(zero.ok && zero.metric.value).toBe(0.986013986013986);
    const rounded = site().resolve({ from: './classification_report.json', key: 'accuracy' });
    expect(rounded.ok && rounded.metric.value).toBe(0.986);
  });

  it('gives an MLflow run name, short commit and how the value was picked', () => {
    expect(site().resolve({ name: 'Validation AUC', from: RUN, key: 'val_auc@best' })).toEqual({
      ok: true,
      metric: {
        name: 'Validation AUC',
        from: RUN,
        key: 'val_auc@best',
        goal: 'higher',
        value: 0.8412,
        source: {
          file: RUN_ID,
          key: 'val_auc@best',
          run: 'gentle-owl-42',
          commit: '3e1f0c2',
          detail: 'best value, at step 2',
        },
      },
    });
  });

  it('uses the goal for @best and reads a plain MLflow key as its last value', () => {
    const { resolve } = site();
    const lower = resolve({ from: RUN, key: 'val/loss@best', goal: 'lower' });
    expect(lower.ok && lower.metric.value).toBe(0.4471);
    expect(lower.ok && lower.metric.source?.detail).toBe('best value, at step 2');
    const higher = resolve({ from: RUN, key: 'val/loss@best', goal: 'higher' });
    expect(higher.ok && higher.metric.value).toBe(0.49);
    expect(higher.ok && higher.metric.source?.detail).toBe('best value, at step 0');
    const last = resolve({ from: RUN, key: 'train_loss' });
    expect(last.ok && last.metric.value).toBe(0.4109);
    expect(last.ok && last.metric.source).toEqual({
      file: RUN_ID,
      key: 'train_loss',
      run: 'gentle-owl-42',
      commit: '3e1f0c2',
      detail: 'last value, step 2',
    });
  });

  it('reads a Keras epoch, a TensorBoard run name and a W&B panel run name', () => {
    const { resolve } = site();
    const keras = resolve({ from: './keras_training.csv', key: 'val_loss@step=1', goal: 'lower' });
    expect(keras.ok && keras.metric.value).toBe(0.4512);
    expect(keras.ok && keras.metric.source).toEqual({
      file: 'keras_training.csv',
      key: 'val_loss@step=1',
      detail: 'at epoch 1',
    });
    const board = resolve({
      from: './run-train-tag-epoch_loss.csv',
      key: 'epoch_loss',
      goal: 'lower',
    });
    expect(board.ok && board.metric.value).toBe(0.4102);
    expect(board.ok && board.metric.source).toEqual({
      file: 'run-train-tag-epoch_loss.csv',
      key: 'epoch_loss',
      run: 'train',
      detail: 'last value, step 400',
    });
    const precise = resolve({
      from: './run-train-tag-epoch_loss.csv',
      key: 'epoch_loss',
      decimals: 3,
    });
    expect(precise.ok && precise.metric.value).toBe(0.41019999980926514);
    const panel = resolve({ from: './wandb_panel_export.csv', key: 'val/loss@min' });
    expect(panel.ok && panel.metric.source).toEqual({
      file: 'wandb_panel_export.csv',
      key: 'val/loss@min',
      run: 'gentle-owl-42',
      detail: 'lowest value, at step 2',
    });
  });

  it('reads a Keras history.history JSON like a CSVLogger log: @best by the goal, @epoch=N', () => {
    const { resolve } = site();
    expect(resolve({ name: 'AUC', from: './keras_history.json', key: 'val_auc@best' })).toEqual({
      ok: true,
      metric: {
        name: 'AUC',
        goal: 'higher',
        from: './keras_history.json',
        key: 'val_auc@best',
        value: 0.9921,
        source: {
          file: 'keras_history.json',
          key: 'val_auc@best',
          detail: 'best value, at epoch 6',
        },
      },
    });
    const loss = resolve({ from: './keras_history.json', key: 'val_loss@best', goal: 'lower' });
    expect(loss.ok && [loss.metric.value, loss.metric.source?.detail]).toEqual([
      0.1925,
      'best value, at epoch 7',
    ]);
    const third = resolve({ from: './keras_history.json', key: 'val_accuracy@epoch=3' });
    expect(third.ok && [third.metric.value, third.metric.source?.detail]).toEqual([
      0.9561,
      'at epoch 3',
    ]);
    const forced = resolve({ from: './keras_history.json', key: 'auc@last', format: 'keras-log' });
    expect(forced.ok && [forced.metric.value, forced.metric.source?.detail]).toEqual([
      0.987,
      'last value, epoch 7',
    ]);
  });

  it('uses an explicit format', () => {
    const result = site().resolve({
      from: './classification_report.json',
      key: 'weighted avg.recall',
      format: 'json',
    });
    expect(result.ok && result.metric.value).toBe(0.986);
  });

  it('reports a file problem on from', () => {
    const { resolve } = site();
    expect(resolve({ from: './nope.json', key: 'auc' })).toEqual({
      ok: false,
      field: 'from',
      message: 'file not found: "./nope.json"',
    });
    expect(resolve({ from: './keras_training.csv', key: 'auc', format: 'sklearn-report' })).toEqual(
      {
        ok: false,
        field: 'from',
        message:
          './keras_training.csv: format "sklearn-report" does not fit this file, which reads as "keras-log"; Casefolio reads sklearn-report, confusion-matrix, roc-curve, pr-curve, keras-log, tensorboard-csv, mlflow-run, hf-trainer-state, wandb-history, wandb-panel, and json; see "Metrics from artifact files" in README.md',
      },
    );
  });

  it('reports a key problem on key, after the path as written', () => {
    const { resolve } = site();
    expect(resolve({ from: './classification_report.json', key: 'macro avg.f2' })).toEqual({
      ok: false,
      field: 'key',
      message:
        './classification_report.json: no "macro avg.f2" in the file; available keys: "macro avg.recall", "macro avg.f1-score", "macro avg.support", "accuracy", "macro avg.precision", "malignant.recall", "benign.recall", "malignant.f1-score", and 9 more',
    });
    expect(resolve({ from: './trainer_state.json', key: 'trial_name' })).toEqual({
      ok: false,
      field: 'key',
      message: './trainer_state.json: "trial_name" has no value in the file (NaN or null)',
    });
    expect(resolve({ from: './summary.json', key: 'metrics.positive_label' })).toEqual({
      ok: false,
      field: 'key',
      message: './summary.json: "metrics.positive_label" is "benign", not a number',
    });
  });
});
