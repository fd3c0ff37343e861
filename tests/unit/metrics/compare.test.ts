import { describe, expect, it } from 'vitest';
import {
  compareMetric,
  comparisonProblem,
  formatMetricValue,
  primaryMetric,
  verdictText,
  withUnit,
  type MetricInput,
} from '../../../src/metrics/compare.ts';

const MINUS = '\u2212';

function metric(fields: Partial<MetricInput>): MetricInput {
  return { name: 'm', goal: 'higher', ...fields };
}

describe('compareMetric', () => {
  it('rounds away float noise in the delta: 0.91 vs 0.78 is exactly 0.13', () => {
    const comparison = compareMetric(metric({ value: 0.91, baseline: 0.78 }));
    expect(comparison).toEqual({
      delta: 0.13,
      relative: 0.13 / 0.78,
      verdict: 'better',
      deltaText: '+0.13',
      relativeText: '+16.7%',
      arrow: '▲',
    });
  });

  it('keeps the precision of the more precise number', () => {
    expect(compareMetric(metric({ value: 0.915, baseline: 0.78 }))?.delta).toBe(0.135);
    expect(compareMetric(metric({ value: 10.5, baseline: 10 }))?.deltaText).toBe('+0.5');
    expect(compareMetric(metric({ value: 0.3, baseline: 0.1 }))?.delta).toBe(0.2);
  });

  it('treats a drop as better when the goal is lower, with a real minus sign', () => {
    const comparison = compareMetric(
      metric({ value: 35, baseline: 120, unit: 'ms', goal: 'lower' }),
    );
    expect(comparison).toMatchObject({
      delta: -85,
      verdict: 'better',
      deltaText: `${MINUS}85 ms`,
      relativeText: `${MINUS}70.8%`,
      arrow: '▼',
    });
    expect(comparison?.deltaText).not.toContain('-');
  });

  it('calls a rise worse when the goal is lower', () => {
    expect(compareMetric(metric({ value: 130, baseline: 120, goal: 'lower' }))).toMatchObject({
      verdict: 'worse',
      arrow: '▲',
      deltaText: '+10',
    });
  });

  it('calls a drop worse when the goal is higher', () => {
    expect(compareMetric(metric({ value: 0.7, baseline: 0.78 }))).toMatchObject({
      delta: -0.08,
      verdict: 'worse',
      deltaText: `${MINUS}0.08`,
      arrow: '▼',
    });
  });

  it('shows percentage deltas in percentage points', () => {
    const comparison = compareMetric(metric({ value: 64, baseline: 41, unit: '%' }));
    expect(comparison?.deltaText).toBe('+23 pp');
    expect(comparison?.relativeText).toBe('+56.1%');
    expect(compareMetric(metric({ value: 60.1, baseline: 58.3, unit: '%' }))?.deltaText).toBe(
      '+1.8 pp',
    );
    expect(
      compareMetric(metric({ value: 31.4, baseline: 42.7, unit: '%', goal: 'lower' }))?.deltaText,
    ).toBe(`${MINUS}11.3 pp`);
  });

  it('puts prefix units after the sign', () => {
    expect(
      compareMetric(metric({ value: 83, baseline: 181, unit: '$', goal: 'lower' })),
    ).toMatchObject({ deltaText: `${MINUS}$98`, verdict: 'better' });
    expect(compareMetric(metric({ value: 51.87, baseline: 50.6, unit: '$' }))?.deltaText).toBe(
      '+$1.27',
    );
    expect(compareMetric(metric({ value: 3, baseline: 1, unit: 'x' }))?.deltaText).toBe('+2x');
  });

  it('reports no change as unchanged, without a sign', () => {
    expect(compareMetric(metric({ value: 0.8, baseline: 0.8 }))).toEqual({
      delta: 0,
      relative: 0,
      verdict: 'unchanged',
      deltaText: '0',
      relativeText: '0%',
      arrow: '▬',
    });
    expect(
      compareMetric(metric({ value: 5, baseline: 5, goal: 'lower', unit: '%' })),
    ).toMatchObject({ verdict: 'unchanged', deltaText: '0 pp' });
  });

  it('omits the relative change when the baseline is 0', () => {
    const comparison = compareMetric(metric({ value: 12, baseline: 0 }));
    expect(comparison).toMatchObject({ delta: 12, verdict: 'better', deltaText: '+12' });
    expect(comparison?.relative).toBeUndefined();
    expect(comparison?.relativeText).toBeUndefined();
  });

  it('divides by the absolute baseline', () => {
    const comparison = compareMetric(metric({ value: -1, baseline: -4 }));
    expect(comparison?.relative).toBe(0.75);
    expect(comparison?.relativeText).toBe('+75%');
  });

  it('returns undefined without a baseline or a value', () => {
    expect(compareMetric(metric({ value: 0.91 }))).toBeUndefined();
    expect(compareMetric(metric({ baseline: 0.78 }))).toBeUndefined();
  });

  it('formats large deltas with thousands separators', () => {
    expect(compareMetric(metric({ value: 1250000, baseline: 1000000 }))?.deltaText).toBe(
      '+250,000',
    );
  });
});

describe('comparisonProblem', () => {
  it('refuses a difference beyond the largest number, which would show as +∞', () => {
    expect(
      comparisonProblem(
        metric({ value: 1.7976931348623157e308, baseline: -1.7976931348623157e308 }),
      ),
    ).toBe(
      'the difference between value 1.7976931348623157e+308 and baseline -1.7976931348623157e+308 is beyond the largest number a page can show (about 1.8e308); check both, or use a larger unit',
    );
  });

  it('refuses a relative change beyond the largest number', () => {
    expect(comparisonProblem(metric({ value: 1e10, baseline: 1e-310 }))).toBe(
      'the change between value 10000000000 and baseline 1e-310, as a percentage of the baseline, is beyond the largest number a page can show (about 1.8e308); check the baseline',
    );
  });

  it('accepts every comparison a page can show, and metrics without a baseline', () => {
    expect(comparisonProblem(metric({ value: 1e308, baseline: -1e307 }))).toBeUndefined();
    expect(comparisonProblem(metric({ value: 3e-25, baseline: 1e-25 }))).toBeUndefined();
    expect(comparisonProblem(metric({ value: 1 }))).toBeUndefined();
    expect(compareMetric(metric({ value: 3e-25, baseline: 1e-25 }))).toMatchObject({
      deltaText: '+0.0000000000000000000000002',
      relativeText: '+200%',
    });
  });
});

describe('verdictText', () => {
  it('uses words, not only colour', () => {
    expect(verdictText('better')).toBe('better');
    expect(verdictText('worse')).toBe('worse');
    expect(verdictText('unchanged')).toBe('no change');
  });
});

describe('formatMetricValue and withUnit', () => {
  it('writes the value exactly, with its unit', () => {
    expect(formatMetricValue(0.91, undefined)).toBe('0.91');
    expect(formatMetricValue(64, '%')).toBe('64%');
    expect(formatMetricValue(35, 'ms')).toBe('35 ms');
    expect(formatMetricValue(3, 'x')).toBe('3x');
    expect(formatMetricValue(1200, '$')).toBe('$1,200');
    expect(formatMetricValue(51.87, '$')).toBe('$51.87');
    expect(formatMetricValue(2.5, 'pp')).toBe('2.5 pp');
    expect(formatMetricValue(12, 'req/s')).toBe('12 req/s');
    expect(formatMetricValue(0.000123, undefined)).toBe('0.000123');
  });

  it('groups thousands', () => {
    expect(formatMetricValue(1200000, undefined)).toBe('1,200,000');
    expect(formatMetricValue(1234.5678, 'ms')).toBe('1,234.5678 ms');
  });

  it('puts the sign before a prefix unit', () => {
    expect(withUnit(`${MINUS}98`, '$')).toBe(`${MINUS}$98`);
    expect(withUnit('+1.27', '$')).toBe('+$1.27');
    expect(withUnit('5', '€')).toBe('€5');
    expect(withUnit('5', '')).toBe('5');
    expect(withUnit('5', undefined)).toBe('5');
  });

  it('puts the sign before the unit for a negative dollar value', () => {
    expect(formatMetricValue(-1200, '$')).toMatch(/^[-\u2212]\$1,200$/);
  });
});

describe('primaryMetric', () => {
  it('prefers the metric marked primary', () => {
    const metrics = [
      metric({ name: 'a' }),
      metric({ name: 'b', primary: true }),
      metric({ name: 'c' }),
    ];
    expect(primaryMetric(metrics)?.name).toBe('b');
  });

  it('falls back to the first metric', () => {
    const metrics = [metric({ name: 'a', primary: false }), metric({ name: 'b' })];
    expect(primaryMetric(metrics)?.name).toBe('a');
    expect(primaryMetric([])).toBeUndefined();
  });
});
