import {
  OG_COLORS,
  OG_IMAGE_HEIGHT,
  OG_IMAGE_WIDTH,
  OG_TITLE_MAX_LINES,
  titleFontSize,
  type OgCard,
  type OgMetric,
} from './card.ts';

/**
 * Where every word of an Open Graph card goes: a list of rectangles and text
 * runs in pixels, computed from the card and a text-measuring function. Pure,
 * so line breaking, clamping and spacing are tested without fonts; the
 * renderer (og/image.ts) only paints the list.
 */

export interface OgFont {
  /** Pixels. */
  size: number;
  weight: 400 | 700;
  /** Extra pixels after every character (the eyebrow's tracking). */
  letterSpacing?: number;
}

/** Width in pixels of `text` set in `font`, letter spacing excluded. */
export type MeasureText = (text: string, font: OgFont) => number;

export type OgOp =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; color: string }
  /**
   * One line of text. `y` is the middle of its line box, or with `baseline:
   * 'alphabetic'` the baseline (to line up runs of different sizes).
   */
  | {
      kind: 'text';
      text: string;
      x: number;
      y: number;
      font: OgFont;
      color: string;
      baseline?: 'middle' | 'alphabetic';
    };

export interface OgDrawing {
  width: number;
  height: number;
  background: string;
  ops: OgOp[];
  /**
   * `rtl`: the ops are laid out left to right and painted mirrored, each
   * text run ending where it would have started, so a right-to-left card
   * reads from its right edge.
   */
  direction?: 'rtl' | undefined;
}

/** The box model of the card, in pixels. */
export const OG_LAYOUT = {
  accentBar: 16,
  paddingTop: 64,
  paddingX: 72,
  paddingBottom: 56,
  eyebrow: { size: 26, weight: 700, letterSpacing: 3 } satisfies OgFont,
  eyebrowGap: 20,
  titleLineHeight: 1.15,
  subtitle: { size: 34, weight: 400 } satisfies OgFont,
  subtitleGap: 20,
  metricValue: { size: 44, weight: 700 } satisfies OgFont,
  metricDelta: { size: 36, weight: 700 } satisfies OgFont,
  metricGap: 16,
  rule: 2,
  ruleGap: 28,
  footerGap: 22,
  footer: { size: 30, weight: 400 } satisfies OgFont,
  lineHeight: 1.2,
} as const;

const ELLIPSIS = '…';

/** Scripts written without spaces, where a line may break between any two characters. */
const UNSPACED = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}`;
/** CJK punctuation, which stays on the line of the character before it. */
const CJK_PUNCTUATION = String.raw`\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f`;
const TOKEN = new RegExp(
  String.raw`\s+|[${UNSPACED}][${CJK_PUNCTUATION}]*|[^\s${UNSPACED}]+`,
  'gu',
);

/** Break opportunities: runs of spaces, single characters of unspaced scripts, and words. */
function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function widthOf(text: string, font: OgFont, measure: MeasureText): number {
  const spacing = font.letterSpacing ?? 0;
  return measure(text, font) + spacing * [...text].length;
}

/** Cuts `line` until it fits with an ellipsis after it. */
function withEllipsis(line: string, maxWidth: number, font: OgFont, measure: MeasureText): string {
  const chars = [...line.trimEnd()];
  while (chars.length > 0 && widthOf(chars.join('') + ELLIPSIS, font, measure) > maxWidth) {
    chars.pop();
  }
  return chars.join('').trimEnd() + ELLIPSIS;
}

/**
 * Greedy line breaking: words (and single CJK characters) fill each line up
 * to `maxWidth`; a word longer than a line is split between characters. At
 * most `maxLines` lines; text that does not fit ends the last one with an
 * ellipsis.
 */
export function wrapLines(
  text: string,
  maxWidth: number,
  font: OgFont,
  measure: MeasureText,
  maxLines: number,
): string[] {
  const fits = (candidate: string) => widthOf(candidate.trimEnd(), font, measure) <= maxWidth;
  const lines: string[] = [];
  let line = '';
  const pending = tokens(text.trim().replace(/\s+/g, ' '));
  while (pending.length > 0) {
    const token = pending.shift() as string;
    if (/^\s+$/.test(token)) {
      if (line !== '') line += ' ';
      continue;
    }
    if (fits(line + token)) {
      line += token;
      continue;
    }
    if (line === '') {
      // A single word wider than the line: split it where it overflows.
      const chars = [...token];
      let fit = 1;
      while (fit < chars.length && fits(chars.slice(0, fit + 1).join(''))) fit++;
      line = chars.slice(0, fit).join('');
      pending.unshift(chars.slice(fit).join(''));
    } else {
      pending.unshift(token);
    }
    // `line` is full and more text follows.
    if (lines.length === maxLines - 1)
      return [...lines, withEllipsis(line, maxWidth, font, measure)];
    lines.push(line.trimEnd());
    line = '';
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/** Text runs of one line box each, stacked from `top`; returns the drawn ops and the bottom. */
function stack(
  lines: readonly string[],
  font: OgFont,
  lineHeight: number,
  x: number,
  top: number,
  color: string,
): { ops: OgOp[]; bottom: number } {
  const box = font.size * lineHeight;
  const ops = lines.map((text, index): OgOp => ({
    kind: 'text',
    text,
    x,
    y: top + box * index + box / 2,
    font,
    color,
  }));
  return { ops, bottom: top + box * lines.length };
}

function verdictColor(metric: OgMetric): string {
  if (metric.verdict === 'better') return OG_COLORS.better;
  if (metric.verdict === 'worse') return OG_COLORS.worse;
  return OG_COLORS.muted;
}

/**
 * The 1200x630 card: an accent bar on the left; eyebrow, title (up to three
 * lines, sized to its length) and subtitle from the top; headline result,
 * rule and owner from the bottom.
 */
export function layoutOgCard(card: OgCard, measure: MeasureText): OgDrawing {
  const L = OG_LAYOUT;
  const left = L.accentBar + L.paddingX;
  const width = OG_IMAGE_WIDTH - left - L.paddingX;
  const ops: OgOp[] = [
    {
      kind: 'rect',
      x: 0,
      y: 0,
      width: L.accentBar,
      height: OG_IMAGE_HEIGHT,
      color: OG_COLORS.accent,
    },
  ];

  // From the top down.
  const eyebrowLines = wrapLines(card.eyebrow.toUpperCase(), width, L.eyebrow, measure, 1);
  const eyebrow = stack(
    eyebrowLines,
    L.eyebrow,
    L.lineHeight,
    left,
    L.paddingTop,
    OG_COLORS.accent,
  );
  const titleFont: OgFont = { size: titleFontSize(card.title), weight: 700 };
  const titleLines = wrapLines(card.title, width, titleFont, measure, OG_TITLE_MAX_LINES);
  const title = stack(
    titleLines,
    titleFont,
    L.titleLineHeight,
    left,
    eyebrow.bottom + L.eyebrowGap,
    OG_COLORS.text,
  );
  ops.push(...eyebrow.ops, ...title.ops);
  if (card.subtitle) {
    const lines = wrapLines(card.subtitle, width, L.subtitle, measure, 1);
    ops.push(
      ...stack(lines, L.subtitle, L.lineHeight, left, title.bottom + L.subtitleGap, OG_COLORS.muted)
        .ops,
    );
  }

  // From the bottom up: owner, rule, headline result.
  const footerBox = L.footer.size * L.lineHeight;
  const footerTop = OG_IMAGE_HEIGHT - L.paddingBottom - footerBox;
  const footerLines = wrapLines(card.footer, width, L.footer, measure, 1);
  ops.push(...stack(footerLines, L.footer, L.lineHeight, left, footerTop, OG_COLORS.muted).ops);
  const ruleY = footerTop - L.footerGap - L.rule;
  ops.push({ kind: 'rect', x: left, y: ruleY, width, height: L.rule, color: OG_COLORS.rule });
  if (card.metric) ops.push(...metricOps(card.metric, left, width, ruleY - L.ruleGap, measure));

  return {
    width: OG_IMAGE_WIDTH,
    height: OG_IMAGE_HEIGHT,
    background: OG_COLORS.background,
    ops,
    ...(card.direction ? { direction: card.direction } : {}),
  };
}

/**
 * "PR AUC 0.71 · +0.33 vs baseline" on one line when it fits, otherwise the
 * delta on a line of its own; either way ending at `bottom`.
 */
function metricOps(
  metric: OgMetric,
  left: number,
  width: number,
  bottom: number,
  measure: MeasureText,
): OgOp[] {
  const L = OG_LAYOUT;
  const valueBox = L.metricValue.size * L.lineHeight;
  const value = wrapLines(metric.value, width, L.metricValue, measure, 1);
  if (!metric.delta)
    return stack(value, L.metricValue, L.lineHeight, left, bottom - valueBox, OG_COLORS.text).ops;
  const deltaText = `· ${metric.delta}`;
  const valueWidth = measure(value[0] ?? '', L.metricValue);
  const sameLine = valueWidth + L.metricGap + measure(deltaText, L.metricDelta) <= width;
  const color = verdictColor(metric);
  if (sameLine) {
    // Both runs sit on one baseline, about a third of the value's size below the box's middle.
    const baseline = bottom - valueBox / 2 + L.metricValue.size * 0.35;
    return [
      {
        kind: 'text',
        text: value[0] ?? '',
        x: left,
        y: baseline,
        font: L.metricValue,
        color: OG_COLORS.text,
        baseline: 'alphabetic',
      },
      {
        kind: 'text',
        text: deltaText,
        x: left + valueWidth + L.metricGap,
        y: baseline,
        font: L.metricDelta,
        color,
        baseline: 'alphabetic',
      },
    ];
  }
  const deltaBox = L.metricDelta.size * L.lineHeight;
  const delta = wrapLines(deltaText, width, L.metricDelta, measure, 1);
  return [
    ...stack(value, L.metricValue, L.lineHeight, left, bottom - deltaBox - valueBox, OG_COLORS.text)
      .ops,
    ...stack(delta, L.metricDelta, L.lineHeight, left, bottom - deltaBox, color).ops,
  ];
}
