import { describe, expect, it } from 'vitest';
import type { ChartConfig } from '../../../../src/charts/config.ts';
import { parseChartConfig } from '../../../../src/charts/client/charts.ts';
import {
  CHART_MARKER_LIMIT,
  MARKER_LIMIT,
  buildChartConfiguration,
  formatAxisNumber,
  formatValue,
  hasWholeX,
  toPoints,
  toValues,
  usesLinearX,
  type CasefolioChartConfiguration,
  type ChartTheme,
} from '../../../../src/charts/configuration.ts';

const MINUS = '\u2212';

const theme: ChartTheme = {
  series: ['rgb(1, 1, 1)', 'rgb(2, 2, 2)', 'rgb(3, 3, 3)'],
  text: 'rgb(10, 10, 10)',
  muted: 'rgb(20, 20, 20)',
  border: 'rgb(30, 30, 30)',
  background: 'rgb(255, 255, 255)',
  font: 'system-ui',
};

/** The data island exactly as the server escapes it. */
function island(config: unknown): string {
  return JSON.stringify(config)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

type Loose = Record<string, unknown>;

/** A scale's options, loosely typed: the Chart.js types are a union over chart kinds. */
function scale(configuration: CasefolioChartConfiguration, axis: 'x' | 'y'): Loose {
  return (configuration.options?.scales?.[axis] ?? {}) as Loose;
}

function tick(configuration: CasefolioChartConfiguration, axis: 'x' | 'y', value: number): unknown {
  const ticks = scale(configuration, axis)['ticks'] as { callback?: (value: number) => unknown };
  return ticks.callback?.(value);
}

function dataset(configuration: CasefolioChartConfiguration, index: number): Loose {
  return configuration.data.datasets[index] as unknown as Loose;
}

describe('formatValue', () => {
  it('writes units the way the rest of the site does', () => {
    expect(formatValue(64, '%')).toBe('64%');
    expect(formatValue(3, 'x')).toBe('3x');
    expect(formatValue(1200, '$')).toBe('$1,200');
    expect(formatValue(35, 'ms')).toBe('35 ms');
    expect(formatValue(0.91)).toBe('0.91');
  });

  it('puts the minus sign before a currency symbol', () => {
    expect(formatValue(-300, '$')).toBe(`${MINUS}$300`);
    expect(formatValue(-2.5, '%')).toBe(`${MINUS}2.5%`);
  });

  it('fixes decimals when given and drops float noise otherwise', () => {
    expect(formatValue(10, 'ms', 1)).toBe('10.0 ms');
    expect(formatValue(0.12345, undefined, 2)).toBe('0.12');
    expect(formatValue(0.6930999755859375)).toBe('0.6931');
    expect(formatValue(0.1 + 0.2, '%')).toBe('0.3%');
  });
});

describe('formatAxisNumber', () => {
  it('leaves years ungrouped but groups larger numbers', () => {
    expect(formatAxisNumber(2024)).toBe('2024');
    expect(formatAxisNumber(10000)).toBe('10,000');
  });

  it('drops float noise and uses the typographic minus', () => {
    expect(formatAxisNumber(0.30000000000000004)).toBe('0.3');
    expect(formatAxisNumber(-0.5)).toBe(`${MINUS}0.5`);
    expect(formatAxisNumber(Number.NaN)).toBe('');
  });
});

describe('parseChartConfig', () => {
  it('reads the escaped data island back to the original text', () => {
    const config = parseChartConfig(
      island({
        type: 'bar',
        labels: ['<b>F1</b> & co', 'line\u2028break'],
        series: [{ label: 'a</script>', data: [1, 2] }],
      }),
    );
    expect(config.labels).toEqual(['<b>F1</b> & co', 'line\u2028break']);
    expect(config.series[0]?.label).toBe('a</script>');
  });

  it('throws on configs it cannot draw, so the table stays', () => {
    expect(() => parseChartConfig('not json')).toThrow();
    expect(() => parseChartConfig('[]')).toThrow('not an object');
    expect(() => parseChartConfig(island({ type: 'pie', series: [] }))).toThrow(
      'unknown chart type "pie"',
    );
    expect(() => parseChartConfig(island({ type: 'line', series: [] }))).toThrow('no series');
    expect(() => parseChartConfig(island({ type: 'line', series: [{ data: [1] }] }))).toThrow(
      'label and a data array',
    );
  });
});

describe('toPoints', () => {
  it('pairs values with numeric labels and keeps gaps', () => {
    const config: ChartConfig = {
      type: 'line',
      labels: [0, '5', 10],
      series: [{ label: 'loss', data: [0.7, null, 0.4] }],
      numericX: true,
    };
    expect(toPoints(config, config.series[0]!)).toEqual([
      { x: 0, y: 0.7 },
      { x: 5, y: null },
      { x: 10, y: 0.4 },
    ]);
  });

  it('uses the index when labels are missing and NaN for labels that are not numbers', () => {
    expect(toPoints({}, { label: 'a', data: [1, 2] })).toEqual([
      { x: 0, y: 1 },
      { x: 1, y: 2 },
    ]);
    expect(toPoints({ labels: ['', 'n/a'] }, { label: 'a', data: [1, 2] }).map((p) => p.x)).toEqual(
      [Number.NaN, Number.NaN],
    );
  });

  it('passes scatter points through', () => {
    const points = [
      { x: 0.1, y: 0.6 },
      { x: 0.3, y: 0.85 },
    ];
    expect(toPoints({}, { label: 'roc', data: points })).toEqual(points);
  });
});

describe('toValues', () => {
  it('keeps numbers and nulls, and takes y from points', () => {
    expect(toValues({ label: 'a', data: [1, null, 3] })).toEqual([1, null, 3]);
    expect(toValues({ label: 'a', data: [{ x: 1, y: 4 }] })).toEqual([4]);
  });
});

describe('usesLinearX and hasWholeX', () => {
  it('chooses a linear x for scatter plots and numeric line charts only', () => {
    const series = [{ label: 'a', data: [1, 2] }];
    expect(usesLinearX({ type: 'scatter', series: [{ label: 'a', data: [{ x: 1, y: 2 }] }] })).toBe(
      true,
    );
    expect(usesLinearX({ type: 'line', series, numericX: true })).toBe(true);
    expect(usesLinearX({ type: 'line', series })).toBe(false);
    expect(usesLinearX({ type: 'bar', series, numericX: true })).toBe(false);
  });

  it('detects whole-number x values (epochs, years)', () => {
    const series = [{ label: 'a', data: [1, 2] }];
    expect(hasWholeX({ type: 'line', labels: [2023, 2024], series, numericX: true })).toBe(true);
    expect(hasWholeX({ type: 'line', labels: [0, 0.5], series, numericX: true })).toBe(false);
  });
});

describe('buildChartConfiguration', () => {
  const epochs = Array.from({ length: MARKER_LIMIT + 1 }, (_, i) => i);
  const lineConfig: ChartConfig = {
    type: 'line',
    labels: epochs,
    series: [
      { label: 'loss', data: epochs.map((e) => 1 / (e + 1)) },
      { label: 'baseline', data: epochs.map(() => 0.5), dashed: true },
    ],
    xLabel: 'epoch',
    yLabel: 'loss',
    unit: '%',
    decimals: 1,
    numericX: true,
  };

  it('draws numeric line charts on a linear x with whole-number ticks', () => {
    const built = buildChartConfiguration(lineConfig, theme);
    expect(built.type).toBe('line');
    expect(built.data.labels).toBeUndefined();
    expect(scale(built, 'x')).toMatchObject({ type: 'linear', ticks: { precision: 0 } });
    expect(scale(built, 'x')['title']).toEqual({
      display: true,
      text: 'epoch',
      color: theme.text,
      font: { family: theme.font },
    });
    // Chart.js reads no chart-wide font: every text sets the page's own.
    expect(scale(built, 'x')['ticks']).toMatchObject({ font: { family: theme.font } });
    expect(scale(built, 'y')['ticks']).toMatchObject({ font: { family: theme.font } });
    expect(scale(built, 'y')).toMatchObject({ type: 'linear', beginAtZero: false });
    expect(dataset(built, 0)['data']).toEqual(epochs.map((e) => ({ x: e, y: 1 / (e + 1) })));
    expect(built.options?.maintainAspectRatio).toBe(false);
    // Never animated: the live chart replaces a drawing the reader already sees.
    expect(built.options?.animation).toBe(false);
  });

  it('drops markers when the lines hold too many points together, however short each is', () => {
    const lines = (count: number, points: number): ChartConfig => ({
      type: 'line',
      labels: Array.from({ length: points }, (_, i) => i),
      series: Array.from({ length: count }, (_, s) => ({
        label: `c${s}`,
        data: Array.from({ length: points }, (_, i) => i + s),
      })),
    });
    // Five lines of fifty points: 250 markers, each line short enough for them.
    expect(dataset(buildChartConfiguration(lines(5, 50), theme), 0)).toMatchObject({
      pointRadius: 3,
    });
    // Fifty such lines: 2,500 dots over one another.
    const crowded = buildChartConfiguration(lines(50, 50), theme);
    expect(50 * 50).toBeGreaterThan(CHART_MARKER_LIMIT);
    expect(dataset(crowded, 0)).toMatchObject({ pointRadius: 0 });
  });

  it('drops markers on long lines, keeps tension 0 and dashes baselines without fill', () => {
    const built = buildChartConfiguration(lineConfig, theme);
    expect(dataset(built, 0)).toMatchObject({
      pointRadius: 0,
      tension: 0,
      borderDash: [],
      borderColor: theme.series[0],
      backgroundColor: theme.series[0],
    });
    expect(dataset(built, 1)).toMatchObject({
      borderDash: [6, 4],
      fill: false,
      backgroundColor: 'transparent',
      borderColor: theme.series[1],
    });
    const short = buildChartConfiguration(
      { ...lineConfig, labels: [1, 2], series: [{ label: 'a', data: [1, 2] }] },
      theme,
    );
    expect(dataset(short, 0)['pointRadius']).toBe(3);
  });

  it('formats value ticks with unit and decimals, and x ticks as plain numbers', () => {
    const built = buildChartConfiguration(lineConfig, theme);
    expect(tick(built, 'y', 50)).toBe('50.0%');
    expect(tick(built, 'x', 2024)).toBe('2024');
  });

  it('lays horizontal bars on their side, value axis from zero', () => {
    const built = buildChartConfiguration(
      {
        type: 'horizontalBar',
        labels: ['small', 'large'],
        series: [{ label: 'p50', data: [12, 80] }],
        xLabel: 'model',
        yLabel: 'latency',
        unit: 'ms',
      },
      theme,
    );
    expect(built.type).toBe('bar');
    expect(built.options?.indexAxis).toBe('y');
    expect(built.data.labels).toEqual(['small', 'large']);
    expect(scale(built, 'x')).toMatchObject({
      type: 'linear',
      beginAtZero: true,
      title: { text: 'latency' },
    });
    expect(scale(built, 'y')).toMatchObject({ type: 'category', title: { text: 'model' } });
    expect(tick(built, 'x', 40)).toBe('40 ms');
  });

  it('draws dashed bars hollow, for the outline plugin to dash', () => {
    const built = buildChartConfiguration(
      {
        type: 'bar',
        labels: ['Accuracy', 2024],
        series: [
          { label: 'Result', data: [91, 84] },
          { label: 'Baseline', data: [80, null], dashed: true },
        ],
      },
      theme,
    );
    expect(built.data.labels).toEqual(['Accuracy', '2024']);
    expect(dataset(built, 1)).toMatchObject({ backgroundColor: 'transparent', borderWidth: 0 });
    expect(built.plugins?.map((plugin) => plugin.id)).toEqual(['casefolioDashedBars']);
  });

  it('draws scatter plots as dots, and dashed scatter series as reference lines', () => {
    const built = buildChartConfiguration(
      {
        type: 'scatter',
        series: [
          { label: 'model', data: [{ x: 0.1, y: 0.6 }] },
          {
            label: 'chance',
            data: [
              { x: 0, y: 0 },
              { x: 1, y: 1 },
            ],
            dashed: true,
          },
        ],
      },
      theme,
    );
    expect(built.type).toBe('line');
    expect(scale(built, 'x')['type']).toBe('linear');
    expect(dataset(built, 0)).toMatchObject({ showLine: false, pointRadius: 3 });
    expect(dataset(built, 1)).toMatchObject({ showLine: true, pointRadius: 0, borderDash: [6, 4] });
  });

  it('cycles the palette when there are more series than colours', () => {
    const series = Array.from({ length: 4 }, (_, i) => ({ label: `s${i}`, data: [i] }));
    const built = buildChartConfiguration({ type: 'bar', labels: ['a'], series }, theme);
    expect(dataset(built, 3)['backgroundColor']).toBe(theme.series[0]);
  });

  it('writes tooltips with the unit and the x label', () => {
    const built = buildChartConfiguration(lineConfig, theme);
    const callbacks = built.options?.plugins?.tooltip?.callbacks as unknown as {
      title: (items: unknown[]) => string;
      label: (item: unknown) => string;
    };
    const item = { parsed: { x: 30, y: 0.25 }, label: '30', dataset: { label: 'loss' } };
    expect(callbacks.title([item])).toBe('epoch: 30');
    expect(callbacks.label(item)).toBe('loss: 0.3%');
  });
});
