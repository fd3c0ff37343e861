import { describe, expect, it } from 'vitest';
import { buildChart } from '../../../src/charts/data.ts';
import { serializeDataIsland } from '../../../src/site/data-island.ts';
import { parseCsv } from '../../../src/artifacts/data-table.ts';
import { chartPropsSchema } from '../../../src/schemas/components.ts';

const XSS = '</script><script>window.__xss=1</script>';
const UNSAFE = /[<>&\u2028\u2029]/;

describe('serializeDataIsland', () => {
  it('escapes <, > and & as \\u sequences', () => {
    expect(serializeDataIsland({ label: XSS })).toBe(
      '{"label":"\\u003c/script\\u003e\\u003cscript\\u003ewindow.__xss=1\\u003c/script\\u003e"}',
    );
    expect(serializeDataIsland('R&D <b>')).toBe('"R\\u0026D \\u003cb\\u003e"');
  });

  it('escapes the line and paragraph separators U+2028 and U+2029', () => {
    expect(serializeDataIsland('a\u2028b\u2029c')).toBe('"a\\u2028b\\u2029c"');
  });

  it('never contains a raw <, >, &, U+2028 or U+2029 character', () => {
    const value = {
      labels: [XSS, '<!--', '-->', 'a && b', 'x > y', '\u2028', '\u2029'],
      nested: { deep: [{ text: '<script src="//evil.example/x.js"></script>' }] },
    };
    expect(serializeDataIsland(value)).not.toMatch(UNSAFE);
  });

  it('parses back with JSON.parse to the same value', () => {
    const value = {
      type: 'line',
      labels: [XSS, 'Smith, J', 'said "hi"', 'back\\slash', 'é ✓ 😀', 'a\u2028b\u2029c', 'R&D'],
      series: [{ label: '<loss>', data: [0.5, null, -1e-7, 1234567.891] }],
      numericX: true,
    };
    expect(JSON.parse(serializeDataIsland(value))).toEqual(value);
  });

  it('keeps a CSV label with a script tag inert from file to island', () => {
    const read = parseCsv(`label,value\r\n${XSS},1\r\nsafe,2\r\n`);
    if (!read.ok) throw new Error(read.message);
    const props = chartPropsSchema.parse({ type: 'bar', src: './x.csv', title: 'XSS' });
    const built = buildChart(props, read.table, './x.csv');
    if (!built.ok) throw new Error(built.problems[0]?.message);
    const island = serializeDataIsland(built.chart.config);
    expect(island).not.toMatch(UNSAFE);
    expect(island).not.toContain('</script');
    expect(JSON.parse(island).labels).toEqual([XSS, 'safe']);
  });
});
