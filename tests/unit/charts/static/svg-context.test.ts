import { describe, expect, it } from 'vitest';
import {
  SvgContext,
  escapeXml,
  num,
  parseFont,
} from '../../../../src/charts/static/svg-context.ts';
import { parseXml, type XmlElement } from '../../../helpers/xml.ts';

const COLOURS: Record<string, string> = { '#000001': '1', '#000010': 't', '#000012': 'b' };

function context(): SvgContext {
  return new SvgContext({
    width: 200,
    height: 100,
    // Every character is 6 px wide at 12 px.
    measure: (text, font) => text.length * parseFont(font).size * 0.5,
    paint: (colour, use) => {
      if (colour === 'transparent') return 'none';
      const role = COLOURS[colour];
      if (!role) throw new Error(`unknown colour ${colour}`);
      return { class: `${use === 'fill' ? 'f' : 's'}${role}` };
    },
  });
}

/** The drawing as a parsed `<svg>`, which also proves it well-formed. */
function drawn(ctx: SvgContext): XmlElement {
  return parseXml(`<svg>${ctx.content()}</svg>`);
}

describe('SvgContext', () => {
  it('writes a stroked path with its dash pattern, width and class', () => {
    const ctx = context();
    ctx.strokeStyle = '#000001';
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    ctx.moveTo(0, 0);
    ctx.lineTo(10, 10);
    ctx.lineTo(20, 5.25);
    ctx.stroke();
    expect(ctx.content()).toBe(
      '<path d="M0 0l10 10 10-4.7" class="s1" fill="none" stroke-width="2" stroke-dasharray="6 4"/>',
    );
  });

  it('joins consecutive paths painted alike into one element, and keeps others apart', () => {
    const ctx = context();
    ctx.strokeStyle = '#000012';
    for (const x of [10, 20, 30]) {
      ctx.beginPath();
      ctx.moveTo(x, 0);
      ctx.lineTo(x, 100);
      ctx.stroke();
    }
    ctx.strokeStyle = '#000001';
    ctx.beginPath();
    ctx.moveTo(0, 50);
    ctx.lineTo(200, 50);
    ctx.stroke();
    const svg = drawn(ctx);
    expect(svg.children.map((child) => [child.attributes['class'], child.attributes['d']])).toEqual(
      [
        ['sb', 'M10 0l0 100M20 0l0 100M30 0l0 100'],
        ['s1', 'M0 50l200 0'],
      ],
    );
  });

  it('writes a long line relative to the pen, without rounding errors adding up', () => {
    const ctx = context();
    ctx.strokeStyle = '#000001';
    ctx.beginPath();
    // A seeded walk of 2,000 points with steps of every size and sign.
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    const points = Array.from({ length: 2000 }, (_, i) => ({
      x: i * 0.3183 + random() * 0.05,
      y: 50 + Math.sin(i / 40) * 40 + random() * 0.5,
    }));
    points.forEach(({ x, y }, index) => (index === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.stroke();
    const d = drawn(ctx).children[0]?.attributes['d'] ?? '';
    expect(d).toMatch(/^M[\d.]+ [\d.]+l/);
    // Read it back as a browser would: every point within half a tenth of a pixel.
    const numbers = (d.match(/-?(?:\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
    let x = numbers[0] ?? 0;
    let y = numbers[1] ?? 0;
    const read = [{ x, y }];
    for (let i = 2; i < numbers.length; i += 2) {
      x += numbers[i] ?? 0;
      y += numbers[i + 1] ?? 0;
      read.push({ x, y });
    }
    expect(read).toHaveLength(points.length);
    const worst = Math.max(
      ...points.map((point, i) =>
        Math.max(Math.abs(point.x - (read[i]?.x ?? 0)), Math.abs(point.y - (read[i]?.y ?? 0))),
      ),
    );
    expect(worst).toBeLessThanOrEqual(0.05 + 1e-9);
  });

  it('writes a full arc as a circle and a filled rectangle as a rect', () => {
    const ctx = context();
    ctx.fillStyle = '#000001';
    ctx.beginPath();
    ctx.arc(50, 40, 3, 0, Math.PI * 2);
    ctx.closePath();
    ctx.fill();
    ctx.fillRect(10, 20, 30, 40);
    expect(ctx.content()).toBe(
      '<circle cx="50" cy="40" r="3" class="f1"/><rect x="10" y="20" width="30" height="40" class="f1"/>',
    );
  });

  it('draws a partial arc as an SVG arc in the canvas direction', () => {
    const ctx = context();
    ctx.strokeStyle = '#000001';
    ctx.beginPath();
    ctx.arc(0, 0, 10, 0, Math.PI / 2);
    ctx.stroke();
    expect(ctx.content()).toContain('d="M10 0A10 10 0 0 1 0 10"');
  });

  it('paints nothing transparent', () => {
    const ctx = context();
    ctx.fillStyle = 'transparent';
    ctx.fillRect(0, 0, 10, 10);
    expect(ctx.content()).toBe('');
  });

  it('clips to a rectangle with a nested viewport, closed when the state is restored', () => {
    const ctx = context();
    ctx.save();
    ctx.beginPath();
    ctx.rect(10, 10, 100, 50);
    ctx.clip();
    ctx.fillStyle = '#000001';
    ctx.fillRect(0, 0, 200, 100);
    ctx.restore();
    ctx.fillStyle = '#000001';
    ctx.fillRect(0, 0, 5, 5);
    const svg = drawn(ctx);
    expect(svg.children.map((child) => child.name)).toEqual(['svg', 'rect']);
    expect(svg.children[0]?.attributes).toEqual({
      x: '10',
      y: '10',
      width: '100',
      height: '50',
      viewBox: '10 10 100 50',
    });
    expect(svg.children[0]?.children.map((child) => child.name)).toEqual(['rect']);
  });

  it('closes a clip left open when the drawing is taken', () => {
    const ctx = context();
    ctx.save();
    ctx.rect(0, 0, 10, 10);
    ctx.clip();
    expect(() => drawn(ctx)).not.toThrow();
  });

  it('anchors text as the canvas aligns it, and sets its baseline', () => {
    const ctx = context();
    ctx.fillStyle = '#000010';
    ctx.font = 'normal 12px Noto Sans';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.fillText('0.5', 40, 20);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.font = 'bold 14px Noto Sans';
    ctx.fillText('epoch', 100, 90);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    ctx.fillText('a', 1, 2);
    expect(drawn(ctx).children.map((child) => child.attributes)).toEqual([
      {
        x: '40',
        y: '20',
        'font-size': '12',
        'text-anchor': 'end',
        'dominant-baseline': 'central',
        class: 'ft',
      },
      {
        x: '100',
        y: '90',
        'font-size': '14',
        'font-weight': 'bold',
        'text-anchor': 'middle',
        'dominant-baseline': 'text-before-edge',
        class: 'ft',
      },
      { x: '1', y: '2', 'font-size': '14', 'font-weight': 'bold', class: 'ft' },
    ]);
  });

  it('writes rotated text with its transform, and moved text at its place', () => {
    const ctx = context();
    ctx.fillStyle = '#000010';
    ctx.save();
    ctx.translate(10, 50);
    ctx.fillText('moved', 0, 0);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText('loss', 0, 0);
    ctx.restore();
    const [moved, rotated] = drawn(ctx).children;
    expect(moved?.attributes).toMatchObject({ x: '10', y: '50' });
    expect(rotated?.attributes['transform']).toBe('matrix(0 -1 1 0 10 50)');
  });

  it('writes hostile text as text: escaped, control characters replaced', () => {
    const ctx = context();
    ctx.fillStyle = '#000010';
    const label = '</text><script>alert(1)</script>&amp;"\u0001';
    ctx.fillText(label, 0, 10);
    const svg = drawn(ctx);
    expect(svg.children).toHaveLength(1);
    expect(svg.children[0]?.name).toBe('text');
    expect(svg.children[0]?.text).toBe('</text><script>alert(1)</script>&amp;"\ufffd');
  });

  it('measures text with the measure it was given, at the font size set', () => {
    const ctx = context();
    ctx.font = '10px sans-serif';
    expect(ctx.measureText('abcd').width).toBe(20);
  });

  it('refuses a canvas call it cannot draw, rather than drawing something else', () => {
    const ctx = context();
    expect(() => ctx.drawImage()).toThrow(/drawImage/);
    ctx.beginPath();
    ctx.arc(10, 10, 5, 0, Math.PI * 2);
    expect(() => ctx.clip()).toThrow(/rectangular/);
  });
});

describe('helpers', () => {
  it('rounds coordinates to a tenth of a pixel, without a negative zero', () => {
    expect(num(1.25)).toBe('1.3');
    expect(num(-0.04)).toBe('0');
    expect(num(3)).toBe('3');
  });

  it('escapes the characters markup would read', () => {
    expect(escapeXml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });

  it('reads size and weight from a canvas font string', () => {
    expect(parseFont("bold 12px 'Helvetica Neue', Arial")).toEqual({ size: 12, bold: true });
    expect(parseFont('normal 600 9.5px Noto Sans')).toEqual({ size: 9.5, bold: true });
    expect(parseFont('12px Noto Sans')).toEqual({ size: 12, bold: false });
  });
});
