/**
 * How wide a chart's text is, for Chart.js to lay out ticks and titles when
 * the build draws a chart. The page sets chart text in the reader's system
 * font, which the build cannot know; Noto Sans (shipped for the Open Graph
 * cards) stands in for it, read with fontkit so the measurement is the same
 * on every machine and loads no native code into Astro's process. System UI
 * fonts are within a few per cent of it, and the SVG anchors each label at
 * its start, middle or end, so a different font shifts no label off its tick.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { parseFont } from './svg-context.ts';

/** An em-wide advance for characters Noto Sans's Latin files lack: CJK and other wide scripts. */
const WIDE = 1;
/** The advance of any other character the font lacks: about an average Latin letter. */
const NARROW = 0.55;

interface Measurer {
  regular: fontkit.Font;
  bold: fontkit.Font;
}

const measurers = new Map<string, Measurer>();

/**
 * The fonts resolved from the project's node_modules (`root` is the project
 * root): built pages are bundled into another folder, so this module's own
 * location would not find them.
 */
function measurerFor(root: string): Measurer {
  const cached = measurers.get(root);
  if (cached) return cached;
  const require = createRequire(path.join(root, 'package.json'));
  const load = (weight: number) =>
    fontkit.create(
      readFileSync(
        require.resolve(`@fontsource/noto-sans/files/noto-sans-latin-ext-${weight}-normal.woff2`),
      ),
    ) as fontkit.Font;
  const measurer = { regular: load(400), bold: load(700) };
  measurers.set(root, measurer);
  return measurer;
}

/** Whether a code point is set a full em wide (CJK, Hangul, fullwidth forms). */
function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}

/** A `measure` for `SvgContext`: the width of text in a canvas font string, in CSS pixels. */
export function textWidthMeasure(root: string): (text: string, font: string) => number {
  const { regular, bold } = measurerFor(root);
  const widths = new Map<string, number>();
  return (text, font) => {
    const { size, bold: isBold } = parseFont(font);
    const face = isBold ? bold : regular;
    const key = `${isBold ? 'b' : 'r'}${text}`;
    let em = widths.get(key);
    if (em === undefined) {
      em = 0;
      for (const character of text) {
        const codePoint = character.codePointAt(0) ?? 0;
        em += face.hasGlyphForCodePoint(codePoint)
          ? face.glyphForCodePoint(codePoint).advanceWidth / face.unitsPerEm
          : isWide(codePoint)
            ? WIDE
            : NARROW;
      }
      widths.set(key, em);
    }
    return em * size;
  };
}
