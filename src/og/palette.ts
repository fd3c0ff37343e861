/**
 * A card's pixels as indices into a palette of at most 256 colours, for an
 * indexed PNG (og/png.ts). A card is painted in a few inks on one
 * background, and every pixel Skia paints is a blend of one ink with the
 * background (the edges of letters), so the palette holds, for each ink,
 * evenly spaced blends from the background to the ink itself. A pixel gets
 * the nearest of them: with five inks that is 51 steps an ink, so a blend is
 * off by at most 1 % of the way between background and ink (2 or 3 of 255
 * in a channel), which no one sees, while the background and each ink are
 * kept exactly.
 *
 * Why: deflating the PNG costs what the bytes it reads cost. One byte a
 * pixel instead of four made deflating a card about three times faster (1.2
 * ms against 3.4 to 3.7 ms); mapping the pixels gives 1.0 to 1.3 ms of that
 * back, and the file is about half as large (measured on the bench's cards).
 */

/** An image's colours as indices: the palette as RGB triplets, and a pixel's index in it. */
export interface Palette {
  /** Red, green and blue of each colour, in index order: what a PNG's PLTE chunk holds. */
  colours: Uint8Array;
  /** The index of the colour nearest to this red, green and blue. */
  nearest: (red: number, green: number, blue: number) => number;
}

type Rgb = readonly [number, number, number];

/** `#rrggbb` as numbers; the cards' colours are written that way (og/card.ts). */
function rgb(hex: string): Rgb {
  if (!/^#[\da-f]{6}$/i.test(hex)) throw new Error(`expected a colour as #rrggbb, got ${hex}`);
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

const MAX_COLOURS = 256;

/** Palettes already made, by their colours: every card of a build has the same few. */
const made = new Map<string, Palette>();

/**
 * The palette for an image painted in `inks` on `background` (each `#rrggbb`):
 * index 0 is the background, then each ink's blends, the ink itself last.
 */
export function inkPalette(background: string, inks: readonly string[]): Palette {
  const distinct = [...new Set(inks.map((ink) => ink.toLowerCase()))].filter(
    (ink) => ink !== background.toLowerCase(),
  );
  const key = [background.toLowerCase(), ...distinct].join(' ');
  const known = made.get(key);
  if (known) return known;
  const base = rgb(background);
  const steps = Math.floor((MAX_COLOURS - 1) / Math.max(1, distinct.length));
  if (steps < 1) throw new Error(`a palette holds at most ${MAX_COLOURS - 1} inks`);
  const colours = new Uint8Array(3 * (1 + distinct.length * steps));
  colours.set(base, 0);
  let at = 3;
  for (const ink of distinct.map(rgb)) {
    for (let step = 1; step <= steps; step++) {
      for (let channel = 0; channel < 3; channel++) {
        const from = base[channel] as number;
        colours[at++] = Math.round(from + (((ink[channel] as number) - from) * step) / steps);
      }
    }
  }
  const count = colours.length / 3;
  // Cards repeat the same few hundred colours, so each is searched for once.
  const found = new Map<number, number>();
  const nearest = (red: number, green: number, blue: number): number => {
    const key = (red << 16) | (green << 8) | blue;
    const known = found.get(key);
    if (known !== undefined) return known;
    let best = 0;
    let bestDistance = Infinity;
    for (let index = 0; index < count; index++) {
      const dr = red - (colours[3 * index] as number);
      const dg = green - (colours[3 * index + 1] as number);
      const db = blue - (colours[3 * index + 2] as number);
      const distance = dr * dr + dg * dg + db * db;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = index;
      }
    }
    found.set(key, best);
    return best;
  };
  const palette = { colours, nearest };
  made.set(key, palette);
  return palette;
}

/** Slots of the direct-mapped cache `indexPixels` keeps in front of `nearest`. */
const CACHE_SLOTS = 4096;
const cachedPixels = new Int32Array(CACHE_SLOTS);
const cachedIndices = new Uint8Array(CACHE_SLOTS);
let cachedFor: Palette | undefined;

// The rows of the last image, reused by the next of the same size: a fresh
// buffer per card would be a gigabyte of allocations at 1,000 cards.
let reusedRows: Uint8Array | undefined;

/**
 * The rows of `rgba` (opaque, as a painted card is) as a PNG's scanlines:
 * each a filter byte of 0 (none) and then one palette index a pixel. A row
 * the same as the one above is copied; a run of one colour is looked up
 * once. The buffer returned is overwritten by the next call.
 */
export function indexPixels(
  rgba: Uint8Array,
  width: number,
  height: number,
  palette: Palette,
): Uint8Array {
  const stride = width * 4;
  if (rgba.length !== stride * height) {
    throw new Error(`expected ${stride * height} bytes of RGBA pixels, got ${rgba.length}`);
  }
  if (reusedRows?.length !== (width + 1) * height)
    reusedRows = new Uint8Array((width + 1) * height);
  const rows = reusedRows;
  if (cachedFor !== palette) {
    cachedPixels.fill(0);
    cachedFor = palette;
  }
  const bytes = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  // Pixels are compared as 32-bit words (a canvas's pixels are aligned), and
  // their channels read as bytes, so the machine's byte order does not matter.
  // A view that is not on a 4-byte boundary is copied first (`new Uint8Array`
  // copies; a Buffer's `slice` would not).
  const pixels =
    rgba.byteOffset % 4 === 0
      ? new Int32Array(rgba.buffer, rgba.byteOffset, width * height)
      : new Int32Array(new Uint8Array(rgba).buffer);
  let previous = 0;
  let previousIndex = 0;
  for (let y = 0; y < height; y++) {
    const out = y * (width + 1);
    rows[out] = 0;
    const from = y * stride;
    if (y > 0 && bytes.compare(bytes, from, from + stride, from - stride, from) === 0) {
      rows.copyWithin(out + 1, out - width, out);
      continue;
    }
    for (let i = y * width, o = out + 1, end = i + width; i < end; i++, o++) {
      const pixel = pixels[i] as number;
      if (pixel !== previous) {
        previous = pixel;
        // A pixel's value hashed to a slot (Fibonacci hashing spreads nearby colours).
        const slot = Math.imul(pixel, 0x9e3779b1) >>> 20;
        if (cachedPixels[slot] === pixel && pixel !== 0) {
          previousIndex = cachedIndices[slot] as number;
        } else {
          const at = i * 4;
          previousIndex = palette.nearest(
            rgba[at] as number,
            rgba[at + 1] as number,
            rgba[at + 2] as number,
          );
          cachedPixels[slot] = pixel;
          cachedIndices[slot] = previousIndex;
        }
      }
      rows[o] = previousIndex;
    }
  }
  return rows;
}
