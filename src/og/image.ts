import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createCanvas, GlobalFonts, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import * as fontkit from 'fontkit';
import { missingGlyphsWarning, ogCardText, type OgCard } from './card.ts';
import { layoutOgCard, type OgDrawing, type OgFont } from './layout.ts';
import { memoize } from 'es-toolkit/function';
import { inkPalette, indexPixels } from './palette.ts';
import { encodeIndexedPng } from './png.ts';

/**
 * Paints Open Graph cards to PNG with Skia (@napi-rs/canvas): og/layout.ts
 * says where each line goes, this module draws it, og/palette.ts maps its
 * colours to a palette and og/png.ts encodes it. A card takes 5 to 8 ms of
 * CPU (satori and an SVG rasteriser took 50); the build paints them in a
 * low-priority child process (og/cards.ts).
 *
 * Fonts come from npm packages, so a card looks the same on every machine:
 *
 * - Noto Sans (@fontsource/noto-sans, WOFF2): Latin with accents, Vietnamese,
 *   Greek and Cyrillic, split by Fontsource into one file per script;
 * - Noto Sans Arabic (@fontsource/noto-sans-arabic, WOFF2): the Arabic
 *   script, whose letters Skia's shaper joins;
 * - Noto Sans CJK SC (@embedpdf/fonts-sc, OTF): one file per weight with
 *   Chinese (simplified and traditional), Japanese kana and kanji. Fontsource's
 *   CJK packages split each weight into ~100 slices and ship ~80 MB each; this
 *   one covers Chinese and Japanese in 8 MB per weight.
 *
 * Each file is registered under its own family name and the card asks for
 * all of them in order, so Skia takes every character from the first font
 * that has it. Characters none of them has (Hangul, emoji, rare symbols) are
 * reported, so the build can say which card would show boxes.
 */

const WEIGHTS = [400, 700] as const;

/** Fontsource's script subsets of Noto Sans, in the order the card tries them. */
const NOTO_SANS_SUBSETS = [
  'latin',
  'latin-ext',
  'vietnamese',
  'greek',
  'greek-ext',
  'cyrillic',
  'cyrillic-ext',
] as const;

const CJK_FILES = {
  400: 'NotoSansHans-Regular.otf',
  700: 'NotoSansHans-Bold.otf',
} as const;

/** The registered fonts: family names in fallback order, and each family's character map. */
export interface OgFonts {
  families: string[];
  /** One parsed font per family (the regular weight; both weights cover the same characters). */
  coverage: fontkit.Font[];
  /** The index of the first family with a glyph for a code point (-1: none), looked up once per character. */
  familyIndex: (codePoint: number) => number;
}

/** Fonts per project root, registered once per process. */
const fontCache = new Map<string, OgFonts>();

/**
 * Registers the card fonts with Skia, resolved from the project's
 * node_modules. `root` is the project root (the folder with package.json):
 * built pages are bundled into another folder, so resolving from this
 * module's own location would not work.
 */
export function loadOgFonts(root: string = process.cwd()): OgFonts {
  const cached = fontCache.get(root);
  if (cached) return cached;
  const require = createRequire(path.join(root, 'package.json'));
  const files: { family: string; weight: number; file: string }[] = [];
  for (const subset of NOTO_SANS_SUBSETS) {
    for (const weight of WEIGHTS) {
      files.push({
        family: `Casefolio Noto Sans ${subset}`,
        weight,
        file: require.resolve(
          `@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff2`,
        ),
      });
    }
  }
  // Arabic script (Arabic, Persian, Urdu), shaped by Skia: letters join as written.
  for (const weight of WEIGHTS) {
    files.push({
      family: 'Casefolio Noto Sans Arabic',
      weight,
      file: require.resolve(
        `@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-${weight}-normal.woff2`,
      ),
    });
  }
  // The package exports only its script entry; the fonts sit in ../fonts beside dist/.
  const cjkDir = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  for (const weight of WEIGHTS) {
    files.push({
      family: 'Casefolio Noto Sans CJK',
      weight,
      file: path.join(cjkDir, CJK_FILES[weight]),
    });
  }
  const families: string[] = [];
  const coverage: fontkit.Font[] = [];
  for (const { family, weight, file } of files) {
    const data = readFileSync(file);
    GlobalFonts.register(data, family);
    if (weight !== 400) continue;
    families.push(family);
    coverage.push(fontkit.create(data) as fontkit.Font);
  }
  const familyIndex = memoize((codePoint: number) =>
    coverage.findIndex((font) => font.hasGlyphForCodePoint(codePoint)),
  );
  const fonts = { families, coverage, familyIndex };
  fontCache.set(root, fonts);
  return fonts;
}

/**
 * The families a run of text needs, in fallback order: for each character
 * the first family that has it. Naming only these keeps Skia from searching
 * eight fonts for every glyph (four times slower for plain Latin text).
 */
function familiesFor(text: string, fonts: OgFonts): string[] {
  const needed = new Set<number>([0]);
  for (const char of text) {
    const index = fonts.familyIndex(char.codePointAt(0) ?? 0);
    if (index >= 0) needed.add(index);
  }
  return [...needed].sort((a, b) => a - b).map((index) => fonts.families[index] ?? '');
}

/** The CSS font shorthand for a run: the weight and size, then the families it needs. */
function cssFont(text: string, font: OgFont, fonts: OgFonts): string {
  const families = familiesFor(text, fonts).map((family) => `"${family}"`);
  return `${font.weight} ${font.size}px ${families.join(', ')}`;
}

/** Characters of `text` that no bundled font has, in order of appearance, without repeats. */
export function missingGlyphs(text: string, fonts: OgFonts): string[] {
  const missing = new Set<string>();
  for (const char of text) {
    if (/\s/u.test(char)) continue;
    if (fonts.familyIndex(char.codePointAt(0) ?? 0) < 0) missing.add(char);
  }
  return [...missing];
}

/** One context kept for measuring text, so layout needs no canvas of its own. */
let measuring: SKRSContext2D | undefined;

function measurer(fonts: OgFonts) {
  measuring ??= createCanvas(1, 1).getContext('2d');
  const context = measuring;
  return (text: string, font: OgFont): number => {
    context.font = cssFont(text, font, fonts);
    return context.measureText(text).width;
  };
}

/**
 * One canvas, repainted for every card. A canvas's 3 MB of pixels live in
 * native memory that V8 does not see, so a canvas per card is freed only
 * whenever V8 happens to collect: painting 1,000 cards in a loop grew the
 * process by gigabytes.
 */
let cardCanvas: Canvas | undefined;

function paint(drawing: OgDrawing, fonts: OgFonts): Canvas {
  if (cardCanvas?.width !== drawing.width || cardCanvas.height !== drawing.height) {
    cardCanvas = createCanvas(drawing.width, drawing.height);
  }
  const canvas = cardCanvas;
  const context = canvas.getContext('2d');
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.fillStyle = drawing.background;
  context.fillRect(0, 0, drawing.width, drawing.height);
  // Mirrored for a right-to-left card: a box from the other edge, and text
  // set right to left from where its left edge was, counted from the right.
  const rtl = drawing.direction === 'rtl';
  context.direction = rtl ? 'rtl' : 'ltr';
  context.textAlign = 'start';
  for (const op of drawing.ops) {
    context.fillStyle = op.color;
    if (op.kind === 'rect') {
      context.fillRect(rtl ? drawing.width - op.x - op.width : op.x, op.y, op.width, op.height);
      continue;
    }
    context.font = cssFont(op.text, op.font, fonts);
    context.letterSpacing = `${op.font.letterSpacing ?? 0}px`;
    context.textBaseline = op.baseline ?? 'middle';
    context.fillText(op.text, rtl ? drawing.width - op.x : op.x, op.y);
  }
  return canvas;
}

export interface OgRender {
  /** The card as a 1200x630 PNG. */
  png: Uint8Array;
  /** Characters that no bundled font could draw (they show as boxes); empty when every glyph was found. */
  missing: string[];
}

/** Lays out, paints and encodes one card as a PNG, on the calling thread (5 to 8 ms here). */
export function ogCardPng(card: OgCard, root?: string): Uint8Array {
  const fonts = loadOgFonts(root);
  const drawing = layoutOgCard(card, measurer(fonts));
  const canvas = paint(drawing, fonts);
  // canvas.data(), not getImageData: the same bytes (the card is opaque, so
  // premultiplied and straight alpha agree; checked for all 1,001 bench
  // cards). With @napi-rs/canvas 1.1 it is the cheaper of the two (with
  // older versions data() painted the recorded operations again on every
  // call): getImageData allocates 3 MB of fresh pixels a card, data() does
  // not, so the painter peaks 90 MB lower and takes about 0.2 ms less a card.
  const palette = inkPalette(
    drawing.background,
    drawing.ops.map((op) => op.color),
  );
  const { width, height } = canvas;
  const rows = indexPixels(canvas.data(), width, height, palette);
  const png = encodeIndexedPng(rows, width, height, palette.colours);
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

/** One card's PNG and the characters it could not draw: what `astro dev`'s preview route serves and warns about. */
export function previewOgCard(card: OgCard, root?: string): OgRender {
  return {
    png: ogCardPng(card, root),
    missing: missingGlyphs(ogCardText(card), loadOgFonts(root)),
  };
}

/**
 * A card as a dev-server endpoint's response. Missing glyphs are not fatal
 * (the image is still useful) but are reported on one line naming the card.
 */
export async function ogImageResponse(
  card: OgCard,
  label: string,
  root?: string,
): Promise<Response> {
  const { png, missing } = previewOgCard(card, root);
  if (missing.length > 0) console.warn(`[casefolio] ${missingGlyphsWarning(label, missing)}`);
  return new Response(png as Uint8Array<ArrayBuffer>, {
    headers: { 'Content-Type': 'image/png' },
  });
}
