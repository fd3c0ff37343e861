import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import satori, { type Font } from 'satori';
import { OG_FONT_FAMILY, OG_IMAGE_WIDTH, OG_IMAGE_HEIGHT, type OgElement } from './og-card.ts';

/**
 * Renders Open Graph cards to PNG: satori lays the element tree out as SVG
 * (text turned into glyph outlines), sharp rasterises it. Fonts come from npm
 * packages, so a card looks the same on every machine:
 *
 * - Noto Sans (@fontsource/noto-sans, WOFF): Latin with accents, Vietnamese,
 *   Greek and Cyrillic, split by Fontsource into one file per script;
 * - Noto Sans CJK SC (@embedpdf/fonts-sc, OTF): one file per weight with
 *   Chinese (simplified and traditional), Japanese kana and kanji. Fontsource's
 *   CJK packages split each weight into ~100 slices and ship ~80 MB each; this
 *   one covers Chinese and Japanese in 8 MB per weight.
 *
 * satori picks, for every character, the first font in this list that has it.
 * Characters no font has (Hangul, emoji, rare symbols) are reported, so the
 * build can say which card would show boxes.
 */

const WEIGHTS = [400, 700] as const;
type Weight = (typeof WEIGHTS)[number];

/** Fontsource's script subsets of Noto Sans, in the order satori should try them. */
const NOTO_SANS_SUBSETS = [
  'latin',
  'latin-ext',
  'vietnamese',
  'greek',
  'greek-ext',
  'cyrillic',
  'cyrillic-ext',
] as const;

const CJK_FILES: Record<Weight, string> = {
  400: 'NotoSansHans-Regular.otf',
  700: 'NotoSansHans-Bold.otf',
};

/** Fonts per project root, read once per build (and once per test run). */
const fontCache = new Map<string, Font[]>();

/**
 * The card fonts, resolved from the project's node_modules. `root` is the
 * project root (the folder with package.json): built pages are bundled into
 * another folder, so resolving from this module's own location would not work.
 */
export function loadOgFonts(root: string = process.cwd()): Font[] {
  const cached = fontCache.get(root);
  if (cached) return cached;
  const require = createRequire(path.join(root, 'package.json'));
  const fonts: Font[] = [];
  for (const subset of NOTO_SANS_SUBSETS) {
    for (const weight of WEIGHTS) {
      const file = require.resolve(
        `@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`,
      );
      fonts.push({
        // The Latin subset carries the family name the card asks for; the rest are fallbacks.
        name: subset === 'latin' ? OG_FONT_FAMILY : `${OG_FONT_FAMILY} ${subset}`,
        data: readFileSync(file),
        weight,
        style: 'normal',
      });
    }
  }
  // The package exports only its script entry; the fonts sit in ../fonts beside dist/.
  const cjkDir = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  for (const weight of WEIGHTS) {
    fonts.push({
      name: 'Noto Sans CJK SC',
      data: readFileSync(path.join(cjkDir, CJK_FILES[weight])),
      weight,
      style: 'normal',
    });
  }
  fontCache.set(root, fonts);
  return fonts;
}

// One card at a time is enough, and libvips' operation cache would only keep
// every rasterised card in memory until the build ends.
sharp.cache(false);

/** Every string in a card's element tree. */
function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (typeof node === 'object' && node !== null && 'props' in node) {
    return textOf((node as { props: { children?: unknown } }).props.children);
  }
  return '';
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/**
 * The fonts a card needs: the CJK font (16 MB to lay out) only when its text
 * has CJK characters, which keeps the common card fast.
 */
function fontsFor(text: string, fonts: Font[]): Font[] {
  return CJK.test(text) ? fonts : fonts.filter((font) => font.name !== 'Noto Sans CJK SC');
}

export interface OgRender {
  /** The card as a 1200x630 PNG. */
  png: Uint8Array;
  /** Text that no bundled font could draw (it shows as boxes); empty when every glyph was found. */
  missing: string[];
}

/** Lays out and rasterises one card. */
export async function renderOgImage(tree: OgElement, root?: string): Promise<OgRender> {
  const missing: string[] = [];
  const svg = await satori(tree, {
    width: OG_IMAGE_WIDTH,
    height: OG_IMAGE_HEIGHT,
    fonts: fontsFor(textOf(tree), loadOgFonts(root)),
    // satori asks for more fonts only for text that none of the given fonts covers.
    loadAdditionalAsset: (_code, segment) => {
      missing.push(segment);
      return Promise.resolve([]);
    },
  });
  // satori draws text as outlines, so sharp (libvips) rasterises the SVG without
  // any font; unlike resvg, its memory is released after each card.
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
  return { png: new Uint8Array(png), missing };
}

/**
 * A card as a static endpoint's response. Missing glyphs are not fatal (the
 * image is still useful) but are reported on one line naming the card.
 */
export async function ogImageResponse(
  tree: OgElement,
  label: string,
  root?: string,
): Promise<Response> {
  const { png, missing } = await renderOgImage(tree, root);
  if (missing.length > 0) {
    console.warn(
      `[casefolio] ${label}: no bundled font has glyphs for ${JSON.stringify(missing.join(''))}; they show as boxes in the social preview image.`,
    );
  }
  return new Response(png as Uint8Array<ArrayBuffer>, {
    headers: { 'Content-Type': 'image/png' },
  });
}
