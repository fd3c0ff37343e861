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
import { eastAsianWidth } from 'get-east-asian-width';
import { parseFont } from './svg-context.ts';

/** An em-wide advance for characters Noto Sans's Latin files lack: CJK and other wide scripts. */
const WIDE = 1;
/** The advance of any other character the font lacks: about an average Latin letter. */
const NARROW = 0.55;

/**
 * Noto Sans comes in one file per script (`@fontsource/noto-sans`); a
 * character is measured in the first that has it. Later files are parsed
 * only when a label needs them.
 */
const SUBSETS = ['latin', 'latin-ext', 'greek', 'cyrillic', 'vietnamese'] as const;

/** A weight's faces, parsed on first use. */
type Faces = (() => fontkit.Font)[];

const facesByRoot = new Map<string, Record<'regular' | 'bold', Faces>>();

/**
 * The fonts resolved from the project's node_modules (`root` is the project
 * root): built pages are bundled into another folder, so this module's own
 * location would not find them.
 */
function facesFor(root: string): Record<'regular' | 'bold', Faces> {
  const cached = facesByRoot.get(root);
  if (cached) return cached;
  const require = createRequire(path.join(root, 'package.json'));
  const lazy = (subset: string, weight: number) => {
    let font: fontkit.Font | undefined;
    return () =>
      (font ??= fontkit.create(
        readFileSync(
          require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff2`),
        ),
      ) as fontkit.Font);
  };
  const faces = {
    regular: SUBSETS.map((subset) => lazy(subset, 400)),
    bold: SUBSETS.map((subset) => lazy(subset, 700)),
  };
  facesByRoot.set(root, faces);
  return faces;
}

/** A character's advance in ems: from the first face that has it, else an estimate. */
function advance(faces: Faces, codePoint: number): number {
  for (const face of faces) {
    const font = face();
    if (font.hasGlyphForCodePoint(codePoint)) {
      return font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm;
    }
  }
  // East Asian wide and fullwidth characters (CJK, Hangul, emoji) are set an em wide.
  return eastAsianWidth(codePoint) === 2 ? WIDE : NARROW;
}

/**
 * Widths in ems, kept for the process: tick labels (0.2, 0.4, epoch numbers)
 * repeat across a portfolio's charts. Bounded, as labels come from files.
 */
const widthsByRoot = new Map<string, Map<string, number>>();
const MAX_REMEMBERED = 20_000;

function widthsFor(root: string): Map<string, number> {
  let widths = widthsByRoot.get(root);
  if (!widths) {
    widths = new Map();
    widthsByRoot.set(root, widths);
  }
  if (widths.size > MAX_REMEMBERED) widths.clear();
  return widths;
}

/** A `measure` for `SvgContext`: the width of text in a canvas font string, in CSS pixels. */
export function textWidthMeasure(root: string): (text: string, font: string) => number {
  const faces = facesFor(root);
  const widths = widthsFor(root);
  return (text, font) => {
    const { size, bold } = parseFont(font);
    const key = `${bold ? 'b' : 'r'}${text}`;
    let em = widths.get(key);
    if (em === undefined) {
      const weight = bold ? faces.bold : faces.regular;
      const latin = (weight[0] as () => fontkit.Font)();
      const characters = [...text].map((character) => character.codePointAt(0) ?? 0);
      if (characters.every((codePoint) => latin.hasGlyphForCodePoint(codePoint))) {
        // Laid out, so kerning counts as it does in the browser.
        em = latin.layout(text).advanceWidth / latin.unitsPerEm;
      } else {
        em = characters.reduce((sum, codePoint) => sum + advance(weight, codePoint), 0);
      }
      widths.set(key, em);
    }
    return em * size;
  };
}
