import { describe, expect, it } from 'vitest';
import type { BuiltChart } from '../../../src/charts/data.ts';
import { loadChart, type ChartResult } from '../../../src/charts/source.ts';
import { chartPropsSchema } from '../../../src/schemas/components.ts';
import { artifactSite } from '../../helpers/artifacts.ts';

/** keras_history.json's metrics as a chart plots them: each training metric beside its validation twin. */
const KERAS_PAIRS = ['accuracy', 'val_accuracy', 'auc', 'val_auc', 'loss', 'val_loss'];

const RUN = './mlruns/873451918523740582/5f2c0e7a9b7d4c1e8f3a2b6d9c0e1f23';

/** content/case-studies/x/index.mdx with the fixture artifacts and `files` beside it. */
function site(files: Record<string, string> = {}) {
  const { root, contentDir, mdxFile } = artifactSite(files);
  return {
    root,
    chart: (props: Record<string, unknown>) =>
      loadChart(chartPropsSchema.parse({ title: 'Chart', ...props }), mdxFile, contentDir),
  };
}

function built(result: ChartResult): BuiltChart {
  if (!result.ok) throw new Error(`expected a chart, got: ${JSON.stringify(result.problems)}`);
  return result.chart;
}

const RUN_PROBLEM =
  'is a folder but not an MLflow run; point at mlruns/<experiment id>/<run id>/ (the folder with meta.yaml, metrics/ and params/)';

describe('loadChart from inline data', () => {
  it('charts inline rows, first column on x', () => {
    const chart = built(
      site().chart({
        type: 'bar',
        data: [
          { model: 'Rules', auc: 0.78 },
          { model: 'XGBoost', auc: 0.91 },
        ],
      }),
    );
    expect(chart.config).toEqual({
      type: 'bar',
      series: [{ label: 'auc', data: [0.78, 0.91] }],
      xLabel: 'model',
      labels: ['Rules', 'XGBoost'],
      yLabel: 'auc',
    });
    expect(chart.table).toEqual({
      head: ['model', 'auc'],
      rows: [
        ['Rules', '0.78'],
        ['XGBoost', '0.91'],
      ],
    });
  });

  it('names inline data in column problems', () => {
    expect(site().chart({ type: 'bar', data: [{ model: 'Rules', auc: 0.78 }], y: 'auk' })).toEqual({
      ok: false,
      problems: [
        {
          prop: 'y',
          message: 'no column "auk" in inline data (did you mean "auc"? available: "model", "auc")',
        },
      ],
    });
  });
});

describe('loadChart from plain tables', () => {
  it('charts a plain CSV table', () => {
    const chart = built(
      site({ 'models.csv': 'model,auc\nRules,0.78\nXGBoost,0.91\n' }).chart({
        src: './models.csv',
        type: 'bar',
      }),
    );
    expect(chart.config.series).toEqual([{ label: 'auc', data: [0.78, 0.91] }]);
    expect(chart.config.labels).toEqual(['Rules', 'XGBoost']);
  });

  it('charts a JSON list of rows', () => {
    const chart = built(
      site({ 'rows.json': '[{"epoch": 1, "loss": 0.5}, {"epoch": 2, "loss": 0.4}]' }).chart({
        src: './rows.json',
      }),
    );
    expect(chart.config.series).toEqual([{ label: 'loss', data: [0.5, 0.4] }]);
    expect(chart.config.xLabel).toBe('epoch');
  });

  it('keeps JSON that is not a logged history a table: rows, a report, a dict of curve lists', () => {
    const { chart } = site({
      'roc.json': '{"fpr": [0, 0.5, 1], "tpr": [0, 0.9, 1]}',
    });
    const table = 'expected a list of rows such as [{ "epoch": 1, "loss": 0.4 }]';
    expect(chart({ src: './roc.json' })).toEqual({
      ok: false,
      problems: [{ prop: 'src', message: `./roc.json: ${table}` }],
    });
    expect(chart({ src: './classification_report.json' })).toEqual({
      ok: false,
      problems: [{ prop: 'src', message: `./classification_report.json: ${table}` }],
    });
  });

  it('reports a path problem on src', () => {
    const { chart } = site();
    expect(chart({ src: './nope.csv' })).toEqual({
      ok: false,
      problems: [{ prop: 'src', message: 'file not found: "./nope.csv"' }],
    });
    expect(chart({ src: '../../../x.csv' })).toEqual({
      ok: false,
      problems: [
        {
          prop: 'src',
          message:
            'path "../../../x.csv" leaves the content folder; keep files next to the case study',
        },
      ],
    });
  });

  it('reports a JSON object that is neither a table nor a chartable artifact', () => {
    expect(site().chart({ src: './summary.json' })).toEqual({
      ok: false,
      problems: [
        {
          prop: 'src',
          message: './summary.json: expected a list of rows such as [{ "epoch": 1, "loss": 0.4 }]',
        },
      ],
    });
  });
});

describe('loadChart from artifacts, with their default x and y', () => {
  it('charts a Keras log by epoch, training and validation in pairs', () => {
    const chart = built(site().chart({ src: './keras_training.csv' }));
    expect(chart.config).toEqual({
      type: 'line',
      series: [
        { label: 'accuracy', data: [0.7412, 0.8127, 0.839] },
        { label: 'val_accuracy', data: [0.7833, 0.8083, 0.8166] },
        { label: 'loss', data: [0.5519, 0.432, 0.3871] },
        { label: 'val_loss', data: [0.4876, 0.4512, 0.4398] },
      ],
      xLabel: 'epoch',
      labels: [0, 1, 2],
      numericX: true,
    });
    expect(chart.table.head).toEqual(['epoch', 'accuracy', 'val_accuracy', 'loss', 'val_loss']);
    expect(chart.table.rows[0]).toEqual(['0', '0.7412', '0.7833', '0.5519', '0.4876']);
  });

  it('charts a Keras history.history JSON by epoch from 0, pairs first, like a CSVLogger log', () => {
    const { chart } = site();
    const history = built(chart({ src: './keras_history.json' }));
    expect(history.config.series.map((series) => series.label)).toEqual(KERAS_PAIRS);
    expect(history.config.xLabel).toBe('epoch');
    expect(history.config.labels).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(history.config.series[3]?.data.slice(0, 2)).toEqual([
      0.8852709531784058, 0.974868893623352,
    ]);
    expect(history.table.head).toEqual(['epoch', ...KERAS_PAIRS]);
    expect(built(chart({ src: './keras_history.json', format: 'keras-log' }))).toEqual(history);
    // A learning-rate schedule's learning_rate is bookkeeping, left out by default.
    const early = built(chart({ src: './keras_history_early_stopping.json', y: 'val_auc' }));
    expect(early.config.labels).toHaveLength(22);
    const defaults = built(chart({ src: './keras_history_early_stopping.json' }));
    expect(defaults.config.series.map((series) => series.label)).not.toContain('learning_rate');
  });

  it('lets x, y and labels given in props win over the defaults', () => {
    const chart = built(
      site().chart({ src: './keras_training.csv', y: ['loss', 'val_loss'], xLabel: 'Epoch' }),
    );
    expect(chart.config.series.map((series) => series.label)).toEqual(['loss', 'val_loss']);
    expect(chart.config.xLabel).toBe('Epoch');
    const roc = built(site().chart({ src: './roc_curve.csv', yLabel: 'Recall of churners' }));
    expect(roc.config.yLabel).toBe('Recall of churners');
    expect(roc.config.xLabel).toBe('False positive rate');
  });

  it('charts a ROC curve with the dashed chance diagonal and axis titles', () => {
    const chart = built(site().chart({ src: './roc_curve.csv' }));
    expect(chart.config).toEqual({
      type: 'line',
      series: [
        {
          label: 'tpr',
          data: [0, 0.011111111111111112, 0.8777777777777778, 0.8777777777777778, 1, 1],
        },
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
      labels: [0, 0, 0, 0.018867924528301886, 0.018867924528301886, 1],
      yLabel: 'True positive rate',
      numericX: true,
    });
  });

  it('charts a PR curve without a diagonal', () => {
    const chart = built(site().chart({ src: './pr_curve.csv' }));
    expect(chart.config.series.map((series) => series.label)).toEqual(['precision']);
    expect(chart.config.xLabel).toBe('Recall');
    expect(chart.config.yLabel).toBe('Precision');
    expect(chart.sourceRows).toBe(144);
  });

  it('charts trainer_state.json training loss and eval metrics by step', () => {
    const chart = built(site().chart({ src: './trainer_state.json' }));
    expect(chart.config.series).toEqual([
      { label: 'loss', data: [0.4821, 0.2719, 0.1633] },
      { label: 'eval_accuracy', data: [0.8874, 0.9051, 0.9112] },
      { label: 'eval_loss', data: [0.3012, 0.2744, 0.2901] },
    ]);
    expect(chart.config.labels).toEqual([250, 500, 750]);
    expect(chart.config.xLabel).toBe('step');
  });

  it('charts every metric of an MLflow run folder by step', () => {
    const chart = built(site().chart({ src: RUN }));
    expect(chart.config.series).toEqual([
      { label: 'train_loss', data: [0.5123, 0.441, 0.4109] },
      { label: 'val/loss', data: [0.49, 0.455, 0.4471] },
      { label: 'val_auc', data: [0.801, 0.836, 0.8412] },
    ]);
    expect(chart.config.labels).toEqual([0, 1, 2]);
  });

  it('charts W&B history and TensorBoard exports', () => {
    const { chart } = site();
    const history = built(chart({ src: './wandb_history_api.csv' }));
    expect(history.config.series).toEqual([
      { label: 'train/loss', data: [0.6931, 0.5214, 0.4463] },
      { label: 'val/loss', data: [null, 0.5012, 0.4512] },
      { label: 'val/accuracy', data: [null, 0.7833, 0.8083] },
    ]);
    const board = built(chart({ src: './run-train-tag-epoch_loss.csv' }));
    expect(board.config.series).toEqual([
      {
        label: 'epoch_loss',
        data: [0.6930999755859375, 0.521399974822998, 0.4462999999523163, 0.41019999980926514],
      },
    ]);
    expect(board.config.labels).toEqual([100, 200, 300, 400]);
  });

  it('points a confusion matrix at <ConfusionMatrix>', () => {
    expect(site().chart({ src: './confusion_matrix.csv' })).toEqual({
      ok: false,
      problems: [
        {
          prop: 'src',
          message:
            './confusion_matrix.csv is a confusion matrix: show it with <ConfusionMatrix src=...> instead',
        },
      ],
    });
  });

  it('reports a folder that is not a run instead of reading it as a table', () => {
    expect(site({ 'plots/roc.png': 'png' }).chart({ src: './plots' })).toEqual({
      ok: false,
      problems: [{ prop: 'src', message: `./plots: ${RUN_PROBLEM}` }],
    });
  });
});

describe('loadChart falling back to a plain table', () => {
  it('charts a table that merely starts with an epoch column as a table', () => {
    const chart = built(
      site({ 'models.csv': 'epoch,model,auc\n1,Rules,0.78\n2,XGBoost,0.91\n' }).chart({
        src: './models.csv',
      }),
    );
    expect(chart.config.series).toEqual([{ label: 'auc', data: [0.78, 0.91] }]);
    expect(chart.config.xLabel).toBe('epoch');
    expect(chart.table.head).toEqual(['epoch', 'auc']);
  });

  it('charts a ROC-like table that is not a valid curve as a table, without the diagonal', () => {
    const chart = built(
      site({ 'rates.csv': 'fpr,tpr\n0,0\n1.5,1\n' }).chart({ src: './rates.csv' }),
    );
    expect(chart.config).toEqual({
      type: 'line',
      series: [{ label: 'tpr', data: [0, 1] }],
      xLabel: 'fpr',
      labels: [0, 1.5],
      yLabel: 'tpr',
      numericX: true,
    });
  });
  it('charts a two-row results table with a label column', () => {
    const chart = built(
      site({ 'wins.csv': 'model,wins,losses\nRules,3,1\nXGBoost,2,2\n' }).chart({
        src: './wins.csv',
        type: 'bar',
      }),
    );
    expect(chart.config.series).toEqual([
      { label: 'wins', data: [3, 2] },
      { label: 'losses', data: [1, 2] },
    ]);
  });

  it('reports the table problem (with its CSV row) when the fallback table is bad too', () => {
    expect(
      site({ 'history.csv': 'epoch,loss\r\n0,0.5\r\n1,abc\r\n' }).chart({ src: './history.csv' }),
    ).toEqual({
      ok: false,
      problems: [
        { prop: 'y', message: 'column "loss" in ./history.csv has "abc" in row 3, not a number' },
      ],
    });
  });

  it('does not fall back when the format is explicit', () => {
    const { chart } = site({
      'models.csv': 'epoch,model,auc\n1,Rules,0.78\n2,XGBoost,0.91\n',
      'rates.csv': 'fpr,tpr\n0,0\n1.5,1\n',
    });
    expect(chart({ src: './models.csv', format: 'keras-log' })).toEqual({
      ok: false,
      problems: [
        {
          prop: 'src',
          message: './models.csv (line 2): column "model": expected a number or NA, got "Rules"',
        },
      ],
    });
    expect(chart({ src: './rates.csv', format: 'roc-curve' })).toEqual({
      ok: false,
      problems: [
        {
          prop: 'src',
          message: './rates.csv (line 3): expected fpr to be a number from 0 to 1, got "1.5"',
        },
      ],
    });
  });

  it('reads an artifact as a plain table with format json', () => {
    const chart = built(site().chart({ src: './keras_training.csv', format: 'json' }));
    expect(chart.config.series.map((series) => series.label)).toEqual([
      'accuracy',
      'loss',
      'val_accuracy',
      'val_loss',
    ]);
    expect(chart.table.rows[0]?.[0]).toBe('0');
  });
});
