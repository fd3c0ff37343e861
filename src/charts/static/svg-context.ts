/**
 * A Canvas 2D context that records what Chart.js draws as SVG, for the
 * static drawing of a chart the build puts in the page. Only the part of the
 * Canvas API that Chart.js's line and bar charts use is implemented; any
 * other call throws, so a Chart.js upgrade that draws differently fails the
 * drawing (and its tests) instead of drawing something wrong.
 *
 * Why not Skia's SVG canvas (`@napi-rs/canvas`)? It turns every dash of a
 * dashed line into a filled polygon and every glyph into a positioned
 * character: 172 KB for a 30-point chart with a dashed baseline, where this
 * recorder writes about 5 KB, and text laid out for a font the reader may not
 * have. SVG has dashes and text anchors of its own; this context uses them.
 *
 * Colours are not written as values: `paint` names the class each colour
 * gets, so the page's CSS colours the drawing for the current theme (light,
 * dark or print) from the same custom properties as the rest of the page.
 * Text is escaped; it is the only content-derived string in the output.
 */

/** How a colour is written: a class the page's CSS colours, or nothing at all. */
export type Paint = { class: string } | 'none';

export interface SvgContextOptions {
  width: number;
  height: number;
  /** The width of `text` in CSS pixels, set in the given CSS font (size and family). */
  measure: (text: string, font: string) => number;
  /**
   * The class a colour is painted with. Colours come from the theme the
   * drawing was configured with; an unknown colour is a programming error.
   */
  paint: (colour: string, use: 'fill' | 'stroke') => Paint;
}

/** An affine transform, as in `DOMMatrix`: x' = a·x + c·y + e, y' = b·x + d·y + f. */
interface Matrix {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

const IDENTITY: Matrix = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };

/** The drawing style Chart.js sets by property, as on a canvas context. */
const STYLE = [
  'fillStyle',
  'strokeStyle',
  'lineWidth',
  'lineCap',
  'lineJoin',
  'miterLimit',
  'lineDashOffset',
  'font',
  'textAlign',
  'textBaseline',
  'direction',
  'globalAlpha',
] as const;

/** What `save` keeps and `restore` puts back. */
interface State {
  style: Pick<SvgContext, (typeof STYLE)[number]>;
  lineDash: number[];
  transform: Matrix;
  clips: number;
}

/** One segment of the current path, in device coordinates (the transform applied). */
type Segment =
  | { op: 'M' | 'L'; x: number; y: number }
  | { op: 'Q'; x1: number; y1: number; x: number; y: number }
  | { op: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
  | { op: 'A'; r: number; large: boolean; sweep: boolean; x: number; y: number }
  | { op: 'Z' };

/** A shape the path is exactly, for a shorter element. */
type Shape =
  | { kind: 'circle'; cx: number; cy: number; r: number }
  | { kind: 'rect'; x: number; y: number; width: number; height: number };

const TAU = Math.PI * 2;

/**
 * A coordinate as written: a tenth of a pixel is finer than any screen shows
 * at this size. Built from whole tenths, which is three times faster than
 * printing the rounded float: a chart writes thousands.
 */
export function num(value: number): string {
  const tenths = Math.round(value * 10);
  if (!Number.isFinite(tenths)) return '0';
  if (tenths % 10 === 0) return tenths === 0 ? '0' : String(tenths / 10);
  const whole = Math.abs(tenths);
  return `${tenths < 0 ? '-' : ''}${Math.trunc(whole / 10)}.${whole % 10}`;
}

/** A number in path data, as short as it reads: `.5`, `-.5`, `12.3`. */
function compact(value: number): string {
  return num(value).replace(/^(-?)0\./, '$1.');
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};

/** Text for an element's content or an attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => ESCAPES[character] ?? character);
}

/**
 * XML 1.0 and HTML both refuse most control characters; a label read from a
 * file may hold one. Replaced, not dropped, so the text keeps its length.
 */
function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '\ufffd');
}

function multiply(m: Matrix, n: Matrix): Matrix {
  return {
    a: m.a * n.a + m.c * n.b,
    b: m.b * n.a + m.d * n.b,
    c: m.a * n.c + m.c * n.d,
    d: m.b * n.c + m.d * n.d,
    e: m.a * n.e + m.c * n.f + m.e,
    f: m.b * n.e + m.d * n.f + m.f,
  };
}

function isTranslation(m: Matrix): boolean {
  return m.a === 1 && m.b === 0 && m.c === 0 && m.d === 1;
}

/** The CSS pixel size and weight in a canvas font string such as `bold 12px "Noto Sans"`. */
export function parseFont(font: string): { size: number; bold: boolean } {
  const size = /(\d+(?:\.\d+)?)px/.exec(font);
  return {
    size: size ? Number(size[1]) : 10,
    bold: /(^|\s)(bold|bolder|[6-9]00)(\s|$)/.test(font),
  };
}

const ANCHORS: Record<string, string | undefined> = {
  center: 'middle',
  right: 'end',
  end: 'end',
};

/**
 * Canvas baselines as SVG's: `middle` is the middle of the em box, which SVG
 * calls `central`; the alphabetic baseline is both's default.
 */
const BASELINES: Record<string, string | undefined> = {
  top: 'text-before-edge',
  hanging: 'hanging',
  middle: 'central',
  ideographic: 'ideographic',
  bottom: 'text-after-edge',
};

/**
 * Implements the Canvas 2D calls Chart.js makes. Property names and method
 * signatures follow `CanvasRenderingContext2D`, so Chart.js takes it for one.
 */
export class SvgContext {
  /** What Chart.js takes for the canvas: it reads the context back from it. */
  readonly canvas: {
    width: number;
    height: number;
    style: Record<string, string>;
    getContext: () => SvgContext;
  };

  // The drawing style: public, as on a canvas context; `save` and `restore` keep it.
  fillStyle = '#000000';
  strokeStyle = '#000000';
  lineWidth = 1;
  lineCap = 'butt';
  lineJoin = 'miter';
  miterLimit = 10;
  lineDashOffset = 0;
  font = '10px sans-serif';
  textAlign = 'start';
  textBaseline = 'alphabetic';
  direction = 'ltr';
  globalAlpha = 1;

  private lineDash: number[] = [];
  private transform: Matrix = IDENTITY;
  /** How many clip viewports the current state opened, closed again by `restore`. */
  private clips = 0;
  private readonly stack: State[] = [];
  private path: Segment[] = [];
  /** The current point, in device coordinates, or null after beginPath. */
  private current: { x: number; y: number } | null = null;
  /** Where the current subpath started, for closePath. */
  private subpathStart: { x: number; y: number } | null = null;
  private readonly parts: string[] = [];
  /** The last element written, kept open so the next one with the same look can join its path. */
  private pending: { attributes: string; d: string } | undefined;
  private readonly options: SvgContextOptions;

  constructor(options: SvgContextOptions) {
    this.options = options;
    this.canvas = {
      width: options.width,
      height: options.height,
      style: {},
      getContext: () => this,
    };
  }

  // ---- state -------------------------------------------------------------

  save(): void {
    const style = Object.fromEntries(STYLE.map((key) => [key, this[key]])) as State['style'];
    this.stack.push({
      style,
      lineDash: this.lineDash,
      transform: this.transform,
      clips: this.clips,
    });
    this.clips = 0;
  }

  restore(): void {
    const previous = this.stack.pop();
    if (!previous) return;
    if (this.clips > 0) {
      this.flush();
      this.parts.push('</svg>'.repeat(this.clips));
    }
    Object.assign(this, previous.style);
    this.lineDash = previous.lineDash;
    this.transform = previous.transform;
    this.clips = previous.clips;
  }

  setLineDash(segments: number[]): void {
    if (segments.every((value) => Number.isFinite(value) && value >= 0)) {
      this.lineDash = [...segments];
    }
  }

  // ---- transforms --------------------------------------------------------

  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.transform = { a, b, c, d, e, f };
  }

  resetTransform(): void {
    this.transform = IDENTITY;
  }

  translate(x: number, y: number): void {
    this.transform = multiply(this.transform, { ...IDENTITY, e: x, f: y });
  }

  rotate(angle: number): void {
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    this.transform = multiply(this.transform, {
      a: cos,
      b: sin,
      c: -sin,
      d: cos,
      e: 0,
      f: 0,
    });
  }

  private point(x: number, y: number): { x: number; y: number } {
    const m = this.transform;
    return { x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f };
  }

  /** How much the transform scales lengths (line widths, radii). */
  private lengthScale(): number {
    const m = this.transform;
    return Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
  }

  // ---- paths -------------------------------------------------------------

  beginPath(): void {
    this.path = [];
    this.current = null;
    this.subpathStart = null;
  }

  moveTo(x: number, y: number): void {
    const p = this.point(x, y);
    this.path.push({ op: 'M', ...p });
    this.current = p;
    this.subpathStart = p;
  }

  lineTo(x: number, y: number): void {
    const p = this.point(x, y);
    this.path.push({ op: this.current ? 'L' : 'M', ...p });
    if (!this.current) this.subpathStart = p;
    this.current = p;
  }

  closePath(): void {
    if (!this.current) return;
    this.path.push({ op: 'Z' });
    this.current = this.subpathStart;
  }

  quadraticCurveTo(x1: number, y1: number, x: number, y: number): void {
    if (!this.current) this.moveTo(x1, y1);
    const c = this.point(x1, y1);
    const p = this.point(x, y);
    this.path.push({ op: 'Q', x1: c.x, y1: c.y, ...p });
    this.current = p;
  }

  bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): void {
    if (!this.current) this.moveTo(x1, y1);
    const c1 = this.point(x1, y1);
    const c2 = this.point(x2, y2);
    const p = this.point(x, y);
    this.path.push({ op: 'C', x1: c1.x, y1: c1.y, x2: c2.x, y2: c2.y, ...p });
    this.current = p;
  }

  rect(x: number, y: number, width: number, height: number): void {
    this.moveTo(x, y);
    this.lineTo(x + width, y);
    this.lineTo(x + width, y + height);
    this.lineTo(x, y + height);
    this.closePath();
  }

  /**
   * Canvas arcs run clockwise on screen for increasing angles; a full turn or
   * more is a circle, written as two half arcs (one SVG arc cannot close).
   */
  arc(
    x: number,
    y: number,
    radius: number,
    startAngle: number,
    endAngle: number,
    counterclockwise = false,
  ): void {
    if (!(radius >= 0)) throw new RangeError('arc radius must not be negative');
    let sweep = counterclockwise ? startAngle - endAngle : endAngle - startAngle;
    const full = sweep >= TAU;
    if (!full) sweep = ((sweep % TAU) + TAU) % TAU;
    const at = (angle: number) =>
      this.point(x + radius * Math.cos(angle), y + radius * Math.sin(angle));
    const start = at(startAngle);
    if (this.current) this.path.push({ op: 'L', ...start });
    else {
      this.path.push({ op: 'M', ...start });
      this.subpathStart = start;
    }
    // A transform's rotation carries the angles along; its scale, the radius.
    const r = radius * this.lengthScale();
    const clockwise = !counterclockwise;
    if (full) {
      const direction = counterclockwise ? -1 : 1;
      const half = at(startAngle + direction * Math.PI);
      this.path.push({ op: 'A', r, large: false, sweep: clockwise, ...half });
      this.path.push({ op: 'A', r, large: false, sweep: clockwise, ...start });
      this.current = start;
      return;
    }
    const end = at(counterclockwise ? startAngle - sweep : startAngle + sweep);
    if (sweep > 0) {
      this.path.push({ op: 'A', r, large: sweep > Math.PI, sweep: clockwise, ...end });
    }
    this.current = end;
  }

  // ---- drawing -----------------------------------------------------------

  fill(): void {
    this.emitPath('fill');
  }

  stroke(): void {
    this.emitPath('stroke');
  }

  fillRect(x: number, y: number, width: number, height: number): void {
    this.drawRect(x, y, width, height, 'fill');
  }

  strokeRect(x: number, y: number, width: number, height: number): void {
    this.drawRect(x, y, width, height, 'stroke');
  }

  /** A rectangle painted on its own, leaving the current path as it was, as the canvas does. */
  private drawRect(x: number, y: number, width: number, height: number, use: 'fill' | 'stroke') {
    const saved = { path: this.path, current: this.current, subpathStart: this.subpathStart };
    this.beginPath();
    this.rect(x, y, width, height);
    this.emitPath(use);
    ({ path: this.path, current: this.current, subpathStart: this.subpathStart } = saved);
  }

  /** The drawing starts blank, and Chart.js clears only before drawing. */
  clearRect(): void {}

  /**
   * Clips to the current path, which Chart.js always makes one rectangle
   * (the chart area): a nested viewport clips without an id, so two
   * drawings on one page never share one.
   */
  clip(): void {
    const box = this.shape();
    if (!box || box.kind !== 'rect') throw new Error('only a rectangular clip can be drawn');
    this.flush();
    const { x, y, width, height } = box;
    const view = `${num(x)} ${num(y)} ${num(width)} ${num(height)}`;
    this.parts.push(
      `<svg x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}" viewBox="${view}">`,
    );
    this.clips += 1;
  }

  fillText(text: string, x: number, y: number): void {
    this.emitText(text, x, y, 'fill');
  }

  strokeText(text: string, x: number, y: number): void {
    this.emitText(text, x, y, 'stroke');
  }

  measureText(text: string): {
    width: number;
    actualBoundingBoxLeft: number;
    actualBoundingBoxRight: number;
    actualBoundingBoxAscent: number;
    actualBoundingBoxDescent: number;
  } {
    const width = this.options.measure(text, this.font);
    const { size } = parseFont(this.font);
    return {
      width,
      actualBoundingBoxLeft: 0,
      actualBoundingBoxRight: width,
      actualBoundingBoxAscent: size * 0.8,
      actualBoundingBoxDescent: size * 0.2,
    };
  }

  /** The drawing as the children of an `<svg>` element. */
  content(): string {
    this.flush();
    return this.parts.join('') + '</svg>'.repeat(this.openClips());
  }

  /** The drawing so far, as `content()`, leaving the context blank for the next one. */
  take(): string {
    const content = this.content();
    this.parts.length = 0;
    return content;
  }

  private openClips(): number {
    return this.stack.reduce((sum, state) => sum + state.clips, this.clips);
  }

  // ---- output ------------------------------------------------------------

  /** The path as one circle or one axis-aligned rectangle, when it is exactly that. */
  private shape(): Shape | undefined {
    // A closing Z after a circle or a rectangle draws nothing more.
    const path = this.path.at(-1)?.op === 'Z' ? this.path.slice(0, -1) : this.path;
    if (
      path.length === 3 &&
      path[0]?.op === 'M' &&
      path[1]?.op === 'A' &&
      path[2]?.op === 'A' &&
      path[1].sweep === path[2].sweep &&
      Math.abs(path[2].x - path[0].x) < 1e-9 &&
      Math.abs(path[2].y - path[0].y) < 1e-9
    ) {
      return {
        kind: 'circle',
        cx: (path[0].x + path[1].x) / 2,
        cy: (path[0].y + path[1].y) / 2,
        r: path[1].r,
      };
    }
    const ops = path.map((segment) => segment.op).join('');
    if (ops !== 'MLLL') return undefined;
    const corners = path.slice(0, 4) as { x: number; y: number }[];
    const xs = corners.map((corner) => corner.x);
    const ys = corners.map((corner) => corner.y);
    const aligned = corners.every((corner, index) => {
      const next = corners[(index + 1) % 4] as { x: number; y: number };
      return corner.x === next.x || corner.y === next.y;
    });
    if (!aligned) return undefined;
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { kind: 'rect', x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
  }

  /**
   * The path as SVG path data. Lines are written relative to the pen (`l`),
   * which halves a long series: 808 points of a training curve took 6.4 KiB
   * of gzip absolute and 2.7 KiB relative. Each step is measured from where
   * the pen was written, rounded, so rounding never adds up along a line.
   */
  private pathData(): string {
    let d = '';
    let previous = '';
    // The pen as written (rounded), and where its subpath started.
    let penX = 0;
    let penY = 0;
    let startX = 0;
    let startY = 0;
    const moveTo = (x: number, y: number) => {
      penX = Math.round(x * 10) / 10;
      penY = Math.round(y * 10) / 10;
    };
    for (const segment of this.path) {
      switch (segment.op) {
        case 'Z':
          d += 'Z';
          previous = 'Z';
          penX = startX;
          penY = startY;
          break;
        case 'M':
          d += `M${num(segment.x)} ${num(segment.y)}`;
          previous = 'M';
          moveTo(segment.x, segment.y);
          startX = penX;
          startY = penY;
          break;
        case 'L': {
          const dx = Math.round((segment.x - penX) * 10) / 10;
          const dy = Math.round((segment.y - penY) * 10) / 10;
          // A run of lines writes its letter once, and a minus sign separates numbers.
          const x = compact(dx);
          const y = compact(dy);
          d += `${previous === 'l' ? (x.startsWith('-') ? '' : ' ') : 'l'}${x}${y.startsWith('-') ? '' : ' '}${y}`;
          previous = 'l';
          penX = Math.round((penX + dx) * 10) / 10;
          penY = Math.round((penY + dy) * 10) / 10;
          break;
        }
        case 'Q':
          d += `Q${num(segment.x1)} ${num(segment.y1)} ${num(segment.x)} ${num(segment.y)}`;
          previous = 'Q';
          moveTo(segment.x, segment.y);
          break;
        case 'C':
          d += `C${num(segment.x1)} ${num(segment.y1)} ${num(segment.x2)} ${num(segment.y2)} ${num(segment.x)} ${num(segment.y)}`;
          previous = 'C';
          moveTo(segment.x, segment.y);
          break;
        case 'A':
          d += `A${num(segment.r)} ${num(segment.r)} 0 ${segment.large ? 1 : 0} ${segment.sweep ? 1 : 0} ${num(segment.x)} ${num(segment.y)}`;
          previous = 'A';
          moveTo(segment.x, segment.y);
          break;
      }
    }
    return d;
  }

  /** The attributes that paint a shape: its class, then the stroke's geometry. */
  private paintAttributes(use: 'fill' | 'stroke'): string | undefined {
    const colour = use === 'fill' ? this.fillStyle : this.strokeStyle;
    const paint = this.options.paint(colour, use);
    if (paint === 'none' || this.globalAlpha === 0) return undefined;
    let attributes = `class="${paint.class}"`;
    if (this.globalAlpha !== 1) attributes += ` opacity="${num(this.globalAlpha)}"`;
    if (use === 'stroke') {
      const width = this.lineWidth * this.lengthScale();
      attributes += ` fill="none" stroke-width="${num(width)}"`;
      if (this.lineDash.length > 0) {
        attributes += ` stroke-dasharray="${this.lineDash.map(num).join(' ')}"`;
        if (this.lineDashOffset !== 0) {
          attributes += ` stroke-dashoffset="${num(this.lineDashOffset)}"`;
        }
      }
      if (this.lineCap !== 'butt') attributes += ` stroke-linecap="${this.lineCap}"`;
      if (this.lineJoin !== 'miter') {
        attributes += ` stroke-linejoin="${this.lineJoin}"`;
      }
    }
    return attributes;
  }

  private emitPath(use: 'fill' | 'stroke'): void {
    if (this.path.length === 0) return;
    const attributes = this.paintAttributes(use);
    if (attributes === undefined) return;
    const shape = this.shape();
    if (shape?.kind === 'circle') {
      this.write(
        `<circle cx="${num(shape.cx)}" cy="${num(shape.cy)}" r="${num(shape.r)}" ${attributes}/>`,
      );
      return;
    }
    if (shape?.kind === 'rect' && use === 'fill') {
      this.write(
        `<rect x="${num(shape.x)}" y="${num(shape.y)}" width="${num(shape.width)}" height="${num(shape.height)}" ${attributes}/>`,
      );
      return;
    }
    const d = this.pathData();
    // Consecutive paths painted alike join into one element: Chart.js strokes
    // each gridline and tick on its own, and one path per line doubled the size.
    // Paint is opaque, so overlaps look the same either way, and dashes
    // restart at each subpath as they did at each stroke.
    if (this.pending?.attributes === attributes) {
      this.pending.d += d;
      return;
    }
    this.flush();
    this.pending = { attributes, d };
  }

  private write(element: string): void {
    this.flush();
    this.parts.push(element);
  }

  private flush(): void {
    if (!this.pending) return;
    this.parts.push(`<path d="${this.pending.d}" ${this.pending.attributes}/>`);
    this.pending = undefined;
  }

  private emitText(text: string, x: number, y: number, use: 'fill' | 'stroke'): void {
    if (text === '') return;
    const attributes = this.paintAttributes(use);
    if (attributes === undefined) return;
    const { size, bold } = parseFont(this.font);
    const m = this.transform;
    let position: string;
    if (isTranslation(m)) {
      position = `x="${num(x + m.e)}" y="${num(y + m.f)}"`;
    } else {
      const matrix = [m.a, m.b, m.c, m.d, m.e, m.f].map((value) =>
        String(Math.round(value * 1e4) / 1e4),
      );
      position = `x="${num(x)}" y="${num(y)}" transform="matrix(${matrix.join(' ')})"`;
    }
    const rtl = this.direction === 'rtl';
    const align = this.textAlign;
    const anchor =
      align === 'start'
        ? rtl
          ? 'end'
          : undefined
        : align === 'end' && rtl
          ? undefined
          : ANCHORS[align];
    const baseline = BASELINES[this.textBaseline];
    this.write(
      `<text ${position} font-size="${num(size)}"` +
        (bold ? ' font-weight="bold"' : '') +
        (anchor ? ` text-anchor="${anchor}"` : '') +
        (baseline ? ` dominant-baseline="${baseline}"` : '') +
        ` ${attributes}>${escapeXml(printable(text))}</text>`,
    );
  }

  // ---- calls Chart.js never makes for these charts ------------------------

  drawImage(): never {
    throw new Error('drawImage is not drawn in a static chart');
  }

  ellipse(): never {
    throw new Error('ellipse is not drawn in a static chart');
  }
}
