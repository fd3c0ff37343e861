import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, loadPage, textOf, type BuildResult } from '../helpers/build.ts';

/** keras_history.json's metrics as a chart plots them: each training metric beside its validation twin. */
const KERAS_PAIRS = ['accuracy', 'val_accuracy', 'auc', 'val_auc', 'loss', 'val_loss'];

/**
 * A case study whose metrics and chart come from `json.dump(history.history)`
 * written by a real Keras fit (tests/fixtures/artifacts/keras_history.json).
 */
describe('a case study built from a Keras history.history JSON', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildSite({ fixture: 'keras-history' });
  });

  const page = () => loadPage(result.outDir, 'case-studies/tumour-keras/');

  it('builds', () => {
    expect(result.code).toBe(0);
  });

  it('shows the values read from the history, with the epoch they come from', () => {
    const $ = page();
    expect(
      $('.result')
        .map((_, li) => textOf($(li)))
        .get(),
    ).toEqual([
      // val_auc peaks at 0.99213... at epochs 6 and 7: @best keeps the first.
      'Validation AUC Headline result 0.9921 Higher is better From history.json · val_auc, best value, at epoch 6',
      // val_loss falls every epoch: the best (lowest) is the last, epoch 7.
      'Validation loss 0.1925 Lower is better From history.json · val_loss, best value, at epoch 7',
      // The fourth list item: epochs count from 0, as in a CSVLogger file.
      'Validation accuracy at epoch 3 0.9561 Higher is better From history.json · val_accuracy, at epoch 3',
    ]);
  });

  it('charts every metric by epoch, training next to validation, with its data table', () => {
    const $ = page();
    const configs = $('script[data-chart-config]')
      .map(
        (_, script) =>
          JSON.parse($(script).text()) as {
            xLabel?: string;
            labels: number[];
            series: { label: string; data: number[] }[];
          },
      )
      .get();
    expect(configs).toHaveLength(1);
    const [config] = configs;
    expect(config?.xLabel).toBe('epoch');
    expect(config?.labels).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(config?.series.map((series) => series.label)).toEqual(KERAS_PAIRS);
    expect(config?.series[3]?.data[0]).toBe(0.8852709531784058);
    const head = $('.chart__data thead th')
      .map((_, th) => $(th).text().trim())
      .get();
    expect(head).toEqual(['epoch', ...KERAS_PAIRS]);
    const rows = $('.chart__data tbody tr');
    expect(rows).toHaveLength(8);
    expect(textOf(rows.first().find('th, td').first())).toBe('0');
    expect(textOf(rows.last().find('th, td').first())).toBe('7');
  });
});
