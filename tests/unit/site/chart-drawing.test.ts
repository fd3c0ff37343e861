import { afterEach, describe, expect, it } from 'vitest';
import type { ChartConfig } from '../../../src/charts/config.ts';
import { MAX_DRAWN_POINTS } from '../../../src/charts/drawable.ts';
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
  it('draws no chart with more points than a page should carry', () => {
    const wide: ChartConfig = {
      type: 'line',
      labels: Array.from({ length: 50 }, (_, i) => i),
      series: Array.from({ length: 241 }, (_, s) => ({
        label: `c${s}`,
        data: Array.from({ length: 50 }, (_, i) => i * s),
      })),
    };
    expect(241 * 50).toBeGreaterThan(MAX_DRAWN_POINTS);
    expect(staticChartFor(wide, 'Every column')).toBeUndefined();
    // One series fewer is drawn.
    expect(staticChartFor({ ...wide, series: wide.series.slice(0, 240) }, 'x')).toBeDefined();
  });

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
