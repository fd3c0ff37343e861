import { describe, expect, it } from 'vitest';
import {
  calloutPropsSchema,
  chartPropsSchema,
  componentPropSchemas,
  confusionMatrixPropsSchema,
  metricPropsSchema,
  metricsChartPropsSchema,
  notebookPropsSchema,
} from '../../../src/schemas/components.ts';

/** Issues of a failed parse as `path: message` lines. */
function issues(schema: { safeParse(value: unknown): unknown }, value: unknown): string[] {
  const result = schema.safeParse(value) as
    | { success: true }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('componentPropSchemas', () => {
  it('has a schema for each component of the contract that takes props', () => {
    expect(Object.keys(componentPropSchemas)).toEqual(
      expect.arrayContaining([
        'Chart',
        'MetricsChart',
        'ConfusionMatrix',
        'Metric',
        'Callout',
        'Notebook',
      ]),
    );
  });
});

describe('chartPropsSchema', () => {
  it('accepts the contract example and defaults type to line', () => {
    expect(
      chartPropsSchema.parse({
        src: './history.csv',
        x: 'epoch',
        y: ['loss', 'val_loss'],
        title: 'Training and validation loss',
        caption: 'Validation loss flattens after epoch 30.',
      }),
    ).toEqual({
      type: 'line',
      src: './history.csv',
      x: 'epoch',
      y: ['loss', 'val_loss'],
      title: 'Training and validation loss',
      caption: 'Validation loss flattens after epoch 30.',
    });
  });

  it('accepts line, bar, horizontalBar and scatter, and nothing else', () => {
    for (const type of ['line', 'bar', 'horizontalBar', 'scatter']) {
      expect(chartPropsSchema.safeParse({ type, src: './a.csv', title: 'T' }).success).toBe(true);
    }
    expect(chartPropsSchema.safeParse({ type: 'pie', src: './a.csv', title: 'T' }).success).toBe(
      false,
    );
  });

  it('trims text and accepts inline rows instead of a file', () => {
    expect(
      chartPropsSchema.parse({
        data: [{ epoch: 1, loss: 0.4, note: null }],
        y: ' loss ',
        title: '  Loss  ',
      }),
    ).toEqual({
      type: 'line',
      data: [{ epoch: 1, loss: 0.4, note: null }],
      y: 'loss',
      title: 'Loss',
    });
  });

  it('requires a non-empty title', () => {
    expect(chartPropsSchema.safeParse({ src: './a.csv' }).success).toBe(false);
    expect(chartPropsSchema.safeParse({ src: './a.csv', title: '   ' }).success).toBe(false);
  });

  it('requires exactly one of src and data, naming both', () => {
    expect(issues(chartPropsSchema, { title: 'T' })).toEqual([
      'src: required field is missing (give src="./file" or data={...})',
    ]);
    expect(issues(chartPropsSchema, { title: 'T', src: './a.csv', data: [{ a: 1 }] })).toEqual([
      'data: give either src or data, not both',
    ]);
  });

  it('rejects unknown props, empty y lists and out-of-range decimals', () => {
    expect(chartPropsSchema.safeParse({ src: './a.csv', title: 'T', color: 'red' }).success).toBe(
      false,
    );
    expect(chartPropsSchema.safeParse({ src: './a.csv', title: 'T', y: [] }).success).toBe(false);
    expect(chartPropsSchema.safeParse({ src: './a.csv', title: 'T', decimals: 9 }).success).toBe(
      false,
    );
    expect(chartPropsSchema.safeParse({ src: './a.csv', title: 'T', decimals: 1.5 }).success).toBe(
      false,
    );
    expect(chartPropsSchema.safeParse({ src: './a.csv', title: 'T', data: [] }).success).toBe(
      false,
    );
  });
});

describe('confusionMatrixPropsSchema', () => {
  it('accepts the contract examples with a default title', () => {
    expect(
      confusionMatrixPropsSchema.parse({ src: './confusion.json', labels: ['no', 'yes'] }),
    ).toEqual({
      src: './confusion.json',
      labels: ['no', 'yes'],
      title: 'Confusion matrix',
    });
    expect(
      confusionMatrixPropsSchema.parse({
        matrix: [
          [52, 1],
          [1, 89],
        ],
      }),
    ).toEqual({
      matrix: [
        [52, 1],
        [1, 89],
      ],
      title: 'Confusion matrix',
    });
  });

  it('requires exactly one of src and matrix', () => {
    expect(issues(confusionMatrixPropsSchema, {})).toEqual([
      'src: required field is missing (give src="./file" or matrix={...})',
    ]);
    expect(issues(confusionMatrixPropsSchema, { src: './c.json', matrix: [[1]] })).toEqual([
      'matrix: give either src or matrix, not both',
    ]);
  });

  it('rejects negative counts and empty labels', () => {
    expect(
      confusionMatrixPropsSchema.safeParse({
        matrix: [
          [1, -1],
          [0, 2],
        ],
      }).success,
    ).toBe(false);
    expect(confusionMatrixPropsSchema.safeParse({ src: './c.json', labels: [] }).success).toBe(
      false,
    );
    expect(confusionMatrixPropsSchema.safeParse({ src: './c.json', labels: [''] }).success).toBe(
      false,
    );
  });
});

describe('metricPropsSchema, metricsChartPropsSchema and calloutPropsSchema', () => {
  it('requires a metric name and trims it', () => {
    expect(metricPropsSchema.parse({ name: ' ROC AUC ' })).toEqual({ name: 'ROC AUC' });
    expect(metricPropsSchema.safeParse({}).success).toBe(false);
    expect(metricPropsSchema.safeParse({ name: 'AUC', value: 1 }).success).toBe(false);
  });

  it('gives MetricsChart a default title and nothing else', () => {
    expect(metricsChartPropsSchema.parse({})).toEqual({ title: 'Results against baselines' });
    expect(metricsChartPropsSchema.safeParse({ unit: '%' }).success).toBe(false);
  });

  it('defaults Callout to a note and accepts insight and warning', () => {
    expect(calloutPropsSchema.parse({})).toEqual({ type: 'note' });
    expect(calloutPropsSchema.parse({ type: 'insight', title: 'Why' })).toEqual({
      type: 'insight',
      title: 'Why',
    });
    expect(calloutPropsSchema.parse({ type: 'warning' }).type).toBe('warning');
    expect(calloutPropsSchema.safeParse({ type: 'tip' }).success).toBe(false);
  });
});

describe('notebookPropsSchema', () => {
  it('shows every cell, code and outputs by default', () => {
    expect(notebookPropsSchema.parse({ src: './analysis.ipynb' })).toEqual({
      src: './analysis.ipynb',
      input: true,
      outputs: true,
      alt: {},
    });
  });

  it('takes cells by label, id or execution count, input and outputs switches, and alt text by cell', () => {
    expect(
      notebookPropsSchema.parse({
        src: './notebooks/Analysis.IPYNB',
        cells: [' fit ', 'roc', 12],
        input: false,
        outputs: true,
        alt: { roc: ' ROC curve, AUC 0.91 ', 12: 'Pair plot of the four iris features' },
      }),
    ).toEqual({
      src: './notebooks/Analysis.IPYNB',
      cells: ['fit', 'roc', 12],
      input: false,
      outputs: true,
      alt: { roc: 'ROC curve, AUC 0.91', '12': 'Pair plot of the four iris features' },
    });
  });

  it('refuses a src that is no notebook, and a missing one', () => {
    expect(issues(notebookPropsSchema, { src: './analysis.py' })).toEqual([
      'src: expected a Jupyter notebook (a .ipynb file), got "./analysis.py"',
    ]);
    expect(issues(notebookPropsSchema, {})).toEqual([
      'src: Invalid input: expected string, received undefined',
    ]);
  });

  it('refuses an empty cell list, blank labels, counts that are not whole and positive', () => {
    expect(issues(notebookPropsSchema, { src: './a.ipynb', cells: [] })).toEqual([
      'cells: Too small: expected array to have >=1 items',
    ]);
    expect(issues(notebookPropsSchema, { src: './a.ipynb', cells: [' ', 0, 1.5] })).toHaveLength(3);
  });

  it('refuses switches that are not booleans, blank alt text and props it does not know', () => {
    expect(issues(notebookPropsSchema, { src: './a.ipynb', input: 'no' })).toEqual([
      'input: Invalid input: expected boolean, received string',
    ]);
    expect(issues(notebookPropsSchema, { src: './a.ipynb', alt: { roc: '  ' } })).toEqual([
      'alt.roc: Too small: expected string to have >=1 characters',
    ]);
    expect(issues(notebookPropsSchema, { src: './a.ipynb', code: false })).toEqual([
      ': Unrecognized key: "code"',
    ]);
  });
});
