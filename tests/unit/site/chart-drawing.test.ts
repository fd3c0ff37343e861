import { afterEach, describe, expect, it } from 'vitest';
import type { ChartConfig } from '../../../src/charts/config.ts';
import { drawStaticChart, drawingKey } from '../../../src/charts/static/draw.ts';
import { addChartDrawings } from '../../../src/processes/chart-drawings.ts';
import { staticChartFor } from '../../../src/site/chart-drawing.ts';

const shared = Symbol.for('casefolio.chart-drawings');
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[shared];
});

const config: ChartConfig = {
  type: 'bar',
  labels: ['a', 'b'],
  series: [{ label: 'n', data: [1, 2] }],
};

describe('staticChartFor', () => {
  it('uses the drawing the check handed over for this chart', () => {
    const handed = { narrow: '<svg>narrow</svg>', wide: '<svg>wide</svg>' };
    addChartDrawings([[drawingKey(config), handed]]);
    expect(staticChartFor(config, 'n')).toBe(handed);
  });

  it('draws a chart itself when no drawing was handed over for it, not another chart’s', () => {
    addChartDrawings([
      [
        drawingKey({ ...config, series: [{ label: 'n', data: [1, 3] }] }),
        { narrow: 'x', wide: 'y' },
      ],
    ]);
    expect(staticChartFor(config, 'n')).toEqual(drawStaticChart(config));
  });
});
