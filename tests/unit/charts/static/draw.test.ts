import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ChartConfig } from '../../../../src/charts/config.ts';
import { lttbIndices } from '../../../../src/charts/downsample.ts';
import { DRAWING_SIZES, drawStaticChart, paintClass } from '../../../../src/charts/static/draw.ts';
import { parseXml, type XmlElement } from '../../../helpers/xml.ts';

const range = (count: number) => Array.from({ length: count }, (_, index) => index);

/** One chart of each kind the samples draw. */
const KINDS: Record<string, ChartConfig> = {
  'line, numeric x, dashed second series': {
    type: 'line',
    labels: range(30),
    numericX: true,
    xLabel: 'epoch',
    yLabel: 'loss',
    series: [
      { label: 'train', data: range(30).map((i) => 1 / (i + 1)) },
      { label: 'validation', data: range(30).map((i) => 1.2 / (i + 1)), dashed: true },
    ],
  },
  'line on categories with a gap': {
    type: 'line',
    labels: ['Jan', 'Feb', 'Mar', 'Apr'],
    series: [{ label: 'rides', data: [3, null, 5, 4] }],
  },
  'bar with a dashed baseline': {
    type: 'bar',
    labels: ['F1', 'Recall'],
    unit: '%',
    series: [
      { label: 'Result', data: [81, 74] },
      { label: 'Baseline', data: [60, 52], dashed: true },
    ],
  },
  'horizontal bar': {
    type: 'horizontalBar',
    labels: ['Rules', 'Logistic', 'XGBoost'],
    decimals: 2,
    series: [{ label: 'auc', data: [0.78, 0.85, 0.91] }],
  },
  'scatter with its diagonal': {
    type: 'scatter',
    series: [
      {
        label: 'ROC',
        data: [
          { x: 0, y: 0 },
          { x: 0.1, y: 0.6 },
          { x: 1, y: 1 },
        ],
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
  },
};

function elements(svg: XmlElement): XmlElement[] {
  return [svg, ...svg.children.flatMap(elements)];
}

function parsed(svg: string): XmlElement {
  return parseXml(svg);
}

describe('drawStaticChart', () => {
  for (const [kind, config] of Object.entries(KINDS)) {
    it(`draws a ${kind} at both sizes, coloured only by class`, () => {
      const drawing = drawStaticChart(config);
      for (const [name, size] of Object.entries(DRAWING_SIZES)) {
        const svg = parsed(drawing[name as keyof typeof DRAWING_SIZES]);
        expect(svg.attributes['viewBox']).toBe(`0 0 ${size.width} ${size.height}`);
        expect(svg.attributes['class']).toBe(`chart__static chart__static--${name}`);
        expect(svg.attributes['aria-hidden']).toBe('true');
        const all = elements(svg);
        // No colour is written as a value: the page's CSS paints every class.
        for (const element of all) {
          expect(element.attributes['fill'] ?? 'none').toBe('none');
          expect(element.attributes['stroke']).toBeUndefined();
          expect(element.attributes['style']).toBeUndefined();
        }
        const classes = new Set(all.map((element) => element.attributes['class']));
        // Series 1 is painted; ticks are muted text.
        expect([...classes].some((name) => name === 'f1' || name === 's1')).toBe(true);
        expect(classes.has('fm')).toBe(true);
        if (config.series.some((series) => series.dashed === true)) {
          expect(all.some((element) => element.attributes['stroke-dasharray'] === '6 4')).toBe(
            true,
          );
        }
      }
    });
  }

  it('draws the same chart the same way every time', () => {
    const config = KINDS['bar with a dashed baseline'] as ChartConfig;
    expect(drawStaticChart(config)).toEqual(drawStaticChart(config));
  });

  it('writes the axis labels and titles as text, a hostile one included', () => {
    const label = '</script><script>window.__xss=1</script>';
    const svg = parsed(
      drawStaticChart({
        type: 'bar',
        labels: [label, 'Returning'],
        xLabel: 'segment',
        series: [{ label: 'uplift', data: [1.2, 0.8] }],
      }).wide,
    );
    const texts = elements(svg)
      .filter((element) => element.name === 'text')
      .map((element) => element.text);
    expect(texts).toEqual(expect.arrayContaining([label, 'Returning', 'segment']));
    expect(elements(svg).some((element) => element.name === 'script')).toBe(false);
  });

  it('keeps a 1,000-point line small: under 6 KiB gzip for both sizes', () => {
    // 20,000 noisy epochs, downsampled as the build downsamples a chart's rows.
    const xs = range(20_000);
    const ys = xs.map((x) => Math.exp(-x / 4000) + 0.05 * Math.sin(x * 7.3));
    const kept = lttbIndices(xs, ys, 1000);
    const drawing = drawStaticChart({
      type: 'line',
      numericX: true,
      labels: kept.map((index) => xs[index] ?? 0),
      series: [{ label: 'loss', data: kept.map((index) => ys[index] ?? 0) }],
    });
    const both = drawing.narrow + drawing.wide;
    expect(gzipSync(both).length).toBeLessThan(6 * 1024);
  });
});

describe('paintClass', () => {
  it('names the class of each theme colour, and refuses any other colour', () => {
    expect(paintClass('#000001', 'fill')).toEqual({ class: 'f1' });
    expect(paintClass('#000006', 'stroke')).toEqual({ class: 's6' });
    expect(paintClass('#000011', 'fill')).toEqual({ class: 'fm' });
    expect(paintClass('transparent', 'fill')).toBe('none');
    expect(() => paintClass('rgba(0,0,0,0.1)', 'stroke')).toThrow(/no theme colour/);
  });
});
