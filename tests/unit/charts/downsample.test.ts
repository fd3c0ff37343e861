import { describe, expect, it } from 'vitest';
import { lttbIndices } from '../../../src/charts/downsample.ts';

const range = (length: number) => Array.from({ length }, (_, index) => index);

describe('lttbIndices', () => {
  it('returns every index when the series is not longer than the threshold', () => {
    expect(lttbIndices([0, 1, 2, 3, 4], [5, 4, 3, 2, 1], 5)).toEqual([0, 1, 2, 3, 4]);
    expect(lttbIndices([0, 1, 2], [5, 4, 3], 1000)).toEqual([0, 1, 2]);
  });

  it('returns every index for thresholds below 3 (first and last need a middle)', () => {
    expect(lttbIndices([0, 1, 2, 3], [0, 1, 0, 1], 2)).toEqual([0, 1, 2, 3]);
  });

  it('uses the shorter of xs and ys', () => {
    expect(lttbIndices([0, 1, 2, 3], [9, 8], 10)).toEqual([0, 1]);
  });

  it('returns exactly the threshold count, first and last kept, strictly increasing', () => {
    const xs = range(5000);
    const kept = lttbIndices(xs, xs.map(Math.sin), 1000);
    expect(kept).toHaveLength(1000);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(4999);
    expect(kept.every((index, i) => i === 0 || index > (kept[i - 1] ?? Infinity))).toBe(true);
  });

  it('keeps a single spike (index 37 of 100, down to 10 points)', () => {
    const xs = range(100);
    const ys = xs.map((x) => (x === 37 ? 100 : 0));
    const kept = lttbIndices(xs, ys, 10);
    expect(kept).toHaveLength(10);
    expect(kept).toContain(37);
  });

  it('keeps a negative dip as well as a peak', () => {
    const xs = range(2000);
    const ys = xs.map((x) => (x === 500 ? 50 : x === 1500 ? -50 : Math.sin(x / 50)));
    const kept = lttbIndices(xs, ys, 100);
    expect(kept).toContain(500);
    expect(kept).toContain(1500);
  });

  it('picks the largest-triangle point in each bucket (small worked example)', () => {
    expect(lttbIndices([0, 1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5], 4)).toEqual([0, 1, 3, 5]);
    expect(lttbIndices([0, 1, 2, 3, 4], [0, 1, 2, 3, 4], 3)).toEqual([0, 1, 4]);
  });
});
