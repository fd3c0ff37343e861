import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseAs, type FileFormat } from '../../../src/artifacts/detect.ts';
import { parseMlflowRun } from '../../../src/artifacts/formats/mlflow-run.ts';
import type { Artifact } from '../../../src/artifacts/formats/types.ts';
import {
  artifactChartData,
  pairTrainingWithValidation,
  seriesTable,
  type ArtifactChartData,
} from '../../../src/charts/artifact-charts.ts';
import { ARTIFACTS, artifact, readArtifact, runFolderTexts } from '../../helpers/artifacts.ts';

const RUN_DIR = path.join(
  ARTIFACTS,
  'mlruns',
  '873451918523740582',
  '5f2c0e7a9b7d4c1e8f3a2b6d9c0e1f23',
);

function fixture(name: string): Artifact {
  const text = readArtifact(name);
  const format = detectFormat(text, name);
  if (format === undefined) throw new Error(`${name}: no format detected`);
  return artifact(parseAs(format, text, name));
}

function parsed(format: FileFormat, text: string, fileName: string): Artifact {
  return artifact(parseAs(format, text, fileName));
}

/** The chart data of an artifact that has some; fails the test otherwise. */
function chartData(source: Artifact): ArtifactChartData {
  const result = artifactChartData(source);
  if (!result.ok) throw new Error(`expected chart data, got: ${result.message}`);
  return result.data;
}

describe('pairTrainingWithValidation', () => {
  it('puts each training metric next to its validation twin', () => {
    expect(pairTrainingWithValidation(['accuracy', 'loss', 'val_accuracy', 'val_loss'])).toEqual([
      'accuracy',
      'val_accuracy',
      'loss',
      'val_loss',
    ]);
    expect(pairTrainingWithValidation(['val_loss', 'loss'])).toEqual(['loss', 'val_loss']);
  });

  it('keeps validation metrics without a training twin, after the pairs', () => {
    expect(pairTrainingWithValidation(['loss', 'val_auc', 'val_loss'])).toEqual([
      'loss',
      'val_loss',
      'val_auc',
    ]);
  });
});

describe('seriesTable', () => {
  it('puts the union of steps in order, one column per series, gaps as null', () => {
    const table = seriesTable(
      [
        {
          name: 'loss',
          points: [
            { step: 2, value: 0.4 },
            { step: 1, value: 0.5 },
          ],
        },
        {
          name: 'val_loss',
          points: [
            { step: 2, value: 0.45 },
            { step: 3, value: null },
          ],
        },
      ],
      'epoch',
    );
    expect(table).toEqual({
      columns: ['epoch', 'loss', 'val_loss'],
      rows: [
        { epoch: 1, loss: 0.5, val_loss: null },
        { epoch: 2, loss: 0.4, val_loss: 0.45 },
        { epoch: 3, loss: null, val_loss: null },
      ],
      firstRow: 1,
    });
  });

  it('keeps the last point logged twice at one step', () => {
    const table = seriesTable(
      [
        {
          name: 'loss',
          points: [
            { step: 1, value: 0.5 },
            { step: 1, value: 0.3 },
          ],
        },
      ],
      'step',
    );
    expect(table.rows).toEqual([{ step: 1, loss: 0.3 }]);
  });
});

describe('artifactChartData', () => {
  it('plots a Keras log by epoch, training and validation in pairs', () => {
    expect(chartData(fixture('keras_training.csv'))).toEqual({
      table: {
        columns: ['epoch', 'accuracy', 'loss', 'val_accuracy', 'val_loss'],
        rows: [
          { epoch: 0, accuracy: 0.7412, loss: 0.5519, val_accuracy: 0.7833, val_loss: 0.4876 },
          { epoch: 1, accuracy: 0.8127, loss: 0.432, val_accuracy: 0.8083, val_loss: 0.4512 },
          { epoch: 2, accuracy: 0.839, loss: 0.3871, val_accuracy: 0.8166, val_loss: 0.4398 },
        ],
        firstRow: 1,
      },
      x: 'epoch',
      y: ['accuracy', 'val_accuracy', 'loss', 'val_loss'],
      extras: [],
      xLabel: 'epoch',
    });
  });

  it('leaves learning-rate columns of a Keras log out of the default y, not out of the table', () => {
    const data = chartData(
      parsed(
        'keras-log',
        'epoch,learning_rate,loss,lr,val_loss\r\n0,0.001,0.5,0.001,0.45\r\n',
        'training.csv',
      ),
    );
    expect(data.y).toEqual(['loss', 'val_loss']);
    expect(data.table.columns).toEqual(['epoch', 'learning_rate', 'loss', 'lr', 'val_loss']);
  });

  it('plots trainer_state.json training loss and eval metrics by step', () => {
    const data = chartData(fixture('trainer_state.json'));
    expect(data.x).toBe('step');
    expect(data.xLabel).toBe('step');
    expect(data.y).toEqual(['loss', 'eval_accuracy', 'eval_loss']);
    expect(data.extras).toEqual([]);
    expect(data.table.columns).toEqual([
      'step',
      'grad_norm',
      'learning_rate',
      'loss',
      'eval_accuracy',
      'eval_loss',
      'eval_runtime',
      'eval_samples_per_second',
      'eval_steps_per_second',
      'total_flos',
      'train_loss',
      'train_runtime',
      'train_samples_per_second',
      'train_steps_per_second',
    ]);
    expect(
      data.table.rows.map((row) => [row['step'], row['loss'], row['eval_loss'], row['grad_norm']]),
    ).toEqual([
      [250, 0.4821, 0.3012, 3.412],
      [500, 0.2719, 0.2744, null],
      [750, 0.1633, 0.2901, 2.087],
    ]);
  });

  it('plots a ROC curve as TPR against FPR with a dashed chance diagonal', () => {
    expect(chartData(fixture('roc_curve.csv'))).toEqual({
      table: {
        columns: ['fpr', 'tpr'],
        rows: [
          { fpr: 0, tpr: 0 },
          { fpr: 0, tpr: 0.011111111111111112 },
          { fpr: 0, tpr: 0.8777777777777778 },
          { fpr: 0.018867924528301886, tpr: 0.8777777777777778 },
          { fpr: 0.018867924528301886, tpr: 1 },
          { fpr: 1, tpr: 1 },
        ],
        firstRow: 2,
      },
      x: 'fpr',
      y: ['tpr'],
      extras: [
        {
          label: 'Chance',
          data: [
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ],
          dashed: true,
        },
      ],
      xLabel: 'False positive rate',
      yLabel: 'True positive rate',
    });
  });

  it('plots a PR curve as precision against recall, without a diagonal', () => {
    const data = chartData(fixture('pr_curve.csv'));
    expect(data.x).toBe('recall');
    expect(data.y).toEqual(['precision']);
    expect(data.extras).toEqual([]);
    expect(data.xLabel).toBe('Recall');
    expect(data.yLabel).toBe('Precision');
    expect(data.table.columns).toEqual(['recall', 'precision']);
    expect(data.table.rows[0]).toEqual({ recall: 1, precision: 0.6293706293706294 });
    expect(data.table.rows).toHaveLength(144);
  });

  it('plots every metric of an MLflow run by step', () => {
    const data = chartData(artifact(parseMlflowRun(runFolderTexts(RUN_DIR))));
    expect(data).toEqual({
      table: {
        columns: ['step', 'train_loss', 'val/loss', 'val_auc'],
        rows: [
          { step: 0, train_loss: 0.5123, 'val/loss': 0.49, val_auc: 0.801 },
          { step: 1, train_loss: 0.441, 'val/loss': 0.455, val_auc: 0.836 },
          { step: 2, train_loss: 0.4109, 'val/loss': 0.4471, val_auc: 0.8412 },
        ],
        firstRow: 1,
      },
      x: 'step',
      y: ['train_loss', 'val/loss', 'val_auc'],
      extras: [],
      xLabel: 'step',
    });
  });

  it('plots W&B history metrics without the epoch column, gaps where not logged', () => {
    const data = chartData(fixture('wandb_history_api.csv'));
    expect(data.y).toEqual(['train/loss', 'val/loss', 'val/accuracy']);
    expect(data.table.rows[0]).toEqual({
      step: 0,
      'train/loss': 0.6931,
      'val/loss': null,
      'val/accuracy': null,
      epoch: 0,
    });
  });

  it('plots a TensorBoard tag, and falls back to bookkeeping series when nothing else is logged', () => {
    expect(chartData(fixture('run-train-tag-epoch_loss.csv')).y).toEqual(['epoch_loss']);
    const lr = parsed(
      'tensorboard-csv',
      'Wall time,Step,Value\r\n1718035505.1,100,0.001\r\n1718035542.6,200,0.0005\r\n',
      'run-train-tag-epoch_learning_rate.csv',
    );
    expect(chartData(lr)).toEqual({
      table: {
        columns: ['step', 'epoch_learning_rate'],
        rows: [
          { step: 100, epoch_learning_rate: 0.001 },
          { step: 200, epoch_learning_rate: 0.0005 },
        ],
        firstRow: 1,
      },
      x: 'step',
      y: ['epoch_learning_rate'],
      extras: [],
      xLabel: 'step',
    });
  });

  it('explains what to use instead for artifacts without series', () => {
    expect(artifactChartData(fixture('confusion_matrix.json'))).toEqual({
      ok: false,
      message: 'is a confusion matrix: show it with <ConfusionMatrix src=...> instead',
    });
    const noSeries = {
      ok: false,
      message: 'has no logged series to plot; show its values with <Metric> or metrics from + key',
    };
    expect(artifactChartData(fixture('classification_report.json'))).toEqual(noSeries);
    expect(artifactChartData(fixture('summary.json'))).toEqual(noSeries);
  });
});
