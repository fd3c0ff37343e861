import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_POINTS, buildChart, type BuiltChart } from '../../../src/charts/data.ts';
import { parseCsv, rowsToTable, type DataTable } from '../../../src/artifacts/data-table.ts';
import { lttbIndices } from '../../../src/charts/downsample.ts';
import { chartPropsSchema } from '../../../src/schemas/components.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../fixtures/artifacts');

/** Chart props as the schema outputs them (type defaults to line), for a file source. */
function props(extra: Record<string, unknown> = {}) {
  return chartPropsSchema.parse({ src: './history.csv', title: 'Loss', ...extra });
}

function csv(text: string): DataTable {
  const read = parseCsv(text);
  if (!read.ok) throw new Error(read.message);
  return read.table;
}

function chart(result: ReturnType<typeof buildChart>): BuiltChart {
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '));
  return result.chart;
}

const HISTORY = csv(
  'epoch,loss,val_loss,note\n1,0.5,0.6,warm-up\n2,0.4,NA,\n3,0.6930999755859375,0.3,best\n',
);

describe('buildChart defaults', () => {
  it('plots the other numeric columns against the first column', () => {
    const built = chart(buildChart(props(), HISTORY, './history.csv'));
    expect(built.config).toEqual({
      type: 'line',
      labels: [1, 2, 3],
      series: [
        { label: 'loss', data: [0.5, 0.4, 0.6930999755859375] },
        { label: 'val_loss', data: [0.6, null, 0.3] },
      ],
      xLabel: 'epoch',
      numericX: true,
    });
    expect(built.summary).toBe(
      'Line chart: loss, val_loss by epoch, 3 points. The data table has every plotted value.',
    );
    expect(built.sourceRows).toBe(3);
  });

  it('renders the no-JS table without float noise and with an em dash for missing values', () => {
    const built = chart(buildChart(props(), HISTORY, './history.csv'));
    expect(built.table).toEqual({
      head: ['epoch', 'loss', 'val_loss'],
      rows: [
        ['1', '0.5', '0.6'],
        ['2', '0.4', '—'],
        ['3', '0.6931', '0.3'],
      ],
    });
  });

  it('uses a single y column as the y axis title', () => {
    const built = chart(buildChart(props({ y: 'val_loss' }), HISTORY, './history.csv'));
    expect(built.config.yLabel).toBe('val_loss');
    expect(built.config.series).toEqual([{ label: 'val_loss', data: [0.6, null, 0.3] }]);
  });

  it('plots an explicit y list in the order written', () => {
    const built = chart(buildChart(props({ y: ['val_loss', 'loss'] }), HISTORY, './history.csv'));
    expect(built.config.series.map((series) => series.label)).toEqual(['val_loss', 'loss']);
    expect(built.config.yLabel).toBeUndefined();
    expect(built.table.head).toEqual(['epoch', 'val_loss', 'loss']);
  });

  it('passes axis titles, unit and decimals through; decimals fix the table digits', () => {
    const built = chart(
      buildChart(
        props({ y: 'loss', xLabel: 'Epoch', yLabel: 'Log loss', unit: '%', decimals: 2 }),
        HISTORY,
        './history.csv',
      ),
    );
    expect(built.config).toMatchObject({
      xLabel: 'Epoch',
      yLabel: 'Log loss',
      unit: '%',
      decimals: 2,
    });
    expect(built.table).toEqual({
      head: ['Epoch', 'loss'],
      rows: [
        ['1', '0.50'],
        ['2', '0.40'],
        ['3', '0.69'],
      ],
    });
  });

  it('draws a bar chart over a text column with category labels', () => {
    const table = csv('model,auc\nbaseline,0.78\nxgboost,0.91\n');
    const built = chart(buildChart(props({ type: 'bar' }), table, './models.csv'));
    expect(built.config).toEqual({
      type: 'bar',
      labels: ['baseline', 'xgboost'],
      series: [{ label: 'auc', data: [0.78, 0.91] }],
      xLabel: 'model',
      yLabel: 'auc',
    });
    expect(built.summary).toBe(
      'Bar chart: auc by model, 2 points. The data table has every plotted value.',
    );
  });

  it('shows infinite thresholds as ∞ in the table and leaves a gap in the chart', () => {
    const table = csv('fpr,tpr,threshold\n0,0,inf\n0.5,0.9,0.4\n1,1,0.0001\n');
    const built = chart(buildChart(props({ y: ['tpr', 'threshold'] }), table, './roc.csv'));
    expect(built.config.series[1]).toEqual({ label: 'threshold', data: [null, 0.4, 0.0001] });
    expect(built.table.rows.map((row) => row[2])).toEqual(['∞', '0.4', '0.0001']);
  });

  it('charts the scikit-learn ROC curve fixture as a scatter of fpr against tpr', () => {
    const table = csv(fs.readFileSync(path.join(ARTIFACTS, 'roc_curve.csv'), 'utf8'));
    const built = chart(
      buildChart(props({ type: 'scatter', x: 'fpr', y: 'tpr' }), table, './roc_curve.csv'),
    );
    expect(built.config.series).toEqual([
      {
        label: 'tpr',
        data: [
          { x: 0, y: 0 },
          { x: 0, y: 0.011111111111111112 },
          { x: 0, y: 0.8777777777777778 },
          { x: 0.018867924528301886, y: 0.8777777777777778 },
          { x: 0.018867924528301886, y: 1 },
          { x: 1, y: 1 },
        ],
      },
    ]);
    expect(built.config.labels).toBeUndefined();
    expect(built.table.rows[3]).toEqual(['0.018868', '0.87778']);
  });

  it('formats TensorBoard float32 noise for reading', () => {
    const table = csv(
      fs.readFileSync(path.join(ARTIFACTS, 'run-train-tag-epoch_loss.csv'), 'utf8'),
    );
    const built = chart(buildChart(props({ x: 'Step', y: 'Value' }), table, './tb.csv'));
    expect(built.table.rows.map((row) => row[1])).toEqual(['0.6931', '0.5214', '0.4463', '0.4102']);
  });
});

describe('buildChart problems', () => {
  it('names a missing y column with a did-you-mean and every available column', () => {
    expect(buildChart(props({ y: 'vall_loss' }), HISTORY, './history.csv')).toEqual({
      ok: false,
      problems: [
        {
          prop: 'y',
          message:
            'no column "vall_loss" in ./history.csv (did you mean "val_loss"? available: "epoch", "loss", "val_loss", "note")',
        },
      ],
    });
  });

  it('lists the available columns without a guess when nothing is close', () => {
    expect(buildChart(props({ y: ['loss', 'accuracy'] }), HISTORY, './history.csv')).toEqual({
      ok: false,
      problems: [
        {
          prop: 'y',
          message:
            'no column "accuracy" in ./history.csv (available: "epoch", "loss", "val_loss", "note")',
        },
      ],
    });
  });

  it('names a missing x column', () => {
    const result = buildChart(props({ x: 'epok', y: 'loss' }), HISTORY, './history.csv');
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          prop: 'x',
          message:
            'no column "epok" in ./history.csv (did you mean "epoch"? available: "epoch", "loss", "val_loss", "note")',
        },
      ],
    });
  });

  it('names the column, value and row of a non-numeric cell in a plotted column', () => {
    const table = csv('epoch,loss\n1,0.5\n2,0.4\n3,n.a.\n');
    expect(buildChart(props({ y: 'loss' }), table, './history.csv')).toEqual({
      ok: false,
      problems: [
        { prop: 'y', message: 'column "loss" in ./history.csv has "n.a." in row 4, not a number' },
      ],
    });
  });

  it('reports every problem of a chart at once', () => {
    const result = buildChart(props({ x: 'epok', y: ['note', 'acc'] }), HISTORY, './history.csv');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((problem) => problem.message)).toEqual([
        'no column "epok" in ./history.csv (did you mean "epoch"? available: "epoch", "loss", "val_loss", "note")',
        'column "note" in ./history.csv has "warm-up" in row 2, not a number',
        'no column "acc" in ./history.csv (available: "epoch", "loss", "val_loss", "note")',
      ]);
    }
  });

  it('refuses a scatter plot over a text column', () => {
    expect(
      buildChart(props({ type: 'scatter', x: 'note', y: 'loss' }), HISTORY, './history.csv'),
    ).toEqual({
      ok: false,
      problems: [
        { prop: 'x', message: 'a scatter plot needs numbers in column "note" of ./history.csv' },
      ],
    });
  });

  it('says when there is nothing numeric to plot and asks for y', () => {
    const table = csv('name,team\nAda,ML\n');
    expect(buildChart(props(), table, './people.csv')).toEqual({
      ok: false,
      problems: [
        { prop: 'y', message: './people.csv has no numeric column to plot besides "name"; set y' },
      ],
    });
  });

  it('calls inline rows "inline data" in messages', () => {
    const read = rowsToTable([{ epoch: 1, loss: 0.5 }]);
    if (!read.ok) throw new Error(read.message);
    const inline = chartPropsSchema.parse({ data: [{ epoch: 1, loss: 0.5 }], title: 'Inline' });
    expect(buildChart({ ...inline, y: 'los' }, read.table, 'inline data')).toEqual({
      ok: false,
      problems: [
        {
          prop: 'y',
          message:
            'no column "los" in inline data (did you mean "loss"? available: "epoch", "loss")',
        },
      ],
    });
  });

  it('reports a typo cell in a numeric column even when y is left to the default', () => {
    const table = csv('epoch,loss,val_loss\n1,0.5,0.6\n2,0.4,oops\n3,0.3,0.35\n');
    const result = buildChart(props(), table, './history.csv');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((problem) => problem.message).join('\n')).toContain(
        'column "val_loss" in ./history.csv has "oops"',
      );
    }
  });
});

describe('buildChart downsampling', () => {
  const ROWS = 5000;
  const rows = Array.from({ length: ROWS }, (_, i) => `${i},${i === 2345 ? 9 : Math.sin(i / 100)}`);
  const BIG = csv(`step,loss\n${rows.join('\n')}\n`);

  it('caps every series and the table at 1,000 points, keeping the ends and a spike', () => {
    expect(MAX_POINTS).toBe(1000);
    const built = chart(buildChart(props(), BIG, './big.csv'));
    expect(built.sourceRows).toBe(5000);
    expect(built.config.labels).toHaveLength(1000);
    expect(built.config.series[0]?.data).toHaveLength(1000);
    expect(built.table.rows).toHaveLength(1000);
    expect(built.config.labels?.[0]).toBe(0);
    expect(built.config.labels?.at(-1)).toBe(4999);
    expect(built.config.labels).toContain(2345);
    expect(built.table.rows.map((row) => row[0])).toContain('2345');
    expect(built.summary).toBe(
      'Line chart: loss by step, 1,000 points. The data table has every plotted value.',
    );
  });

  it('keeps table rows and every series on the same downsampled rows', () => {
    const table = csv(
      `step,a,b\n${Array.from({ length: ROWS }, (_, i) => `${i},${i % 7},${i * 2}`).join('\n')}\n`,
    );
    const built = chart(buildChart(props(), table, './big.csv'));
    const steps = built.config.labels as number[];
    expect(built.config.series).toHaveLength(2);
    expect(built.config.series[0]?.data).toEqual(steps.map((step) => step % 7));
    expect(built.config.series[1]?.data).toEqual(steps.map((step) => step * 2));
    expect(built.table.rows.map((row) => row[0])).toEqual(steps.map((step) => String(step)));
  });

  it('keeps the union of an LTTB selection per series, so every series keeps its spike', () => {
    const xs = Array.from({ length: ROWS }, (_, i) => i);
    const a = xs.map((i) => (i === 1234 ? 50 : Math.sin(i / 100)));
    const b = xs.map((i) => (i === 3210 ? -50 : Math.cos(i / 70)));
    const table = csv(`step,a,b\n${xs.map((i) => `${i},${a[i]},${b[i]}`).join('\n')}\n`);
    const share = Math.floor(MAX_POINTS / 2);
    const expected = [
      ...new Set([...lttbIndices(xs, a, share), ...lttbIndices(xs, b, share)]),
    ].sort((p, q) => p - q);
    const built = chart(buildChart(props(), table, './big.csv'));
    expect(expected.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(built.config.labels).toEqual(expected);
    expect(built.config.series[0]?.data).toHaveLength(expected.length);
    expect(built.config.series[1]?.data).toHaveLength(expected.length);
    expect(built.table.rows).toHaveLength(expected.length);
    expect(built.config.labels?.[0]).toBe(0);
    expect(built.config.labels?.at(-1)).toBe(4999);
    expect(built.config.labels).toContain(1234);
    expect(built.config.labels).toContain(3210);
    expect(built.summary).toBe(
      `Line chart: a, b by step, ${expected.length} points. The data table has every plotted value.`,
    );
  });

  it('downsamples a text x axis too', () => {
    const table = csv(
      `day,visits\n${Array.from({ length: ROWS }, (_, i) => `d${i},${i % 13}`).join('\n')}\n`,
    );
    const built = chart(buildChart(props({ type: 'bar' }), table, './days.csv'));
    expect(built.config.labels).toHaveLength(1000);
    expect(built.config.labels?.[0]).toBe('d0');
    expect(built.config.labels?.at(-1)).toBe('d4999');
    expect(built.config.series[0]?.data).toHaveLength(1000);
  });

  it('downsamples scatter points', () => {
    const built = chart(buildChart(props({ type: 'scatter' }), BIG, './big.csv'));
    expect(built.config.series[0]?.data).toHaveLength(1000);
    expect(built.table.rows).toHaveLength(1000);
  });

  it('leaves exactly 1,000 rows untouched', () => {
    const table = csv(
      `step,loss\n${Array.from({ length: 1000 }, (_, i) => `${i},${i}`).join('\n')}\n`,
    );
    const built = chart(buildChart(props(), table, './k.csv'));
    expect(built.config.labels).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });
});
