import { createCanvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { indexPixels, inkPalette } from '../../../src/og/palette.ts';
import { encodeIndexedPng } from '../../../src/og/png.ts';

/** The rows' indices turned back into RGB through the palette: what a PNG reader shows. */
function throughPalette(rows: Uint8Array, width: number, height: number, colours: Uint8Array) {
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    expect(rows[y * (width + 1)]).toBe(0); // filter: none
    for (let x = 0; x < width; x++) {
      const index = rows[y * (width + 1) + 1 + x] as number;
      rgb.set(colours.subarray(3 * index, 3 * index + 3), 3 * (y * width + x));
    }
  }
  return rgb;
}

describe('encodeIndexedPng', () => {
  it('writes an indexed PNG that a real decoder reads back pixel for pixel', async () => {
    const width = 7;
    const height = 5;
    const colours = new Uint8Array([11, 17, 32, 255, 255, 255, 125, 211, 252]);
    const rows = new Uint8Array((width + 1) * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = (x * 2 + y) % 3;
    }
    const png = encodeIndexedPng(rows, width, height, colours);
    const metadata = await sharp(png).metadata();
    expect(metadata).toMatchObject({
      format: 'png',
      width,
      height,
      isPalette: true,
      bitsPerSample: 8,
    });
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(3);
    expect([...data]).toEqual([...throughPalette(rows, width, height, colours)]);
  });

  it('refuses rows or a palette of the wrong size', () => {
    const colours = new Uint8Array([0, 0, 0]);
    expect(() => encodeIndexedPng(new Uint8Array(10), 2, 2, colours)).toThrow(
      'expected 6 bytes of rows, got 10',
    );
    expect(() => encodeIndexedPng(new Uint8Array(6), 2, 2, new Uint8Array(4))).toThrow(
      'expected 1 to 256 colours as RGB triplets, got 4 bytes',
    );
  });
});

describe('inkPalette and indexPixels', () => {
  const background = '#0b1120';
  const inks = ['#ffffff', '#cbd5e1', '#7dd3fc', '#86efac', '#334155'];

  it('keeps the background and every ink exactly, in at most 256 colours', () => {
    const { colours, nearest } = inkPalette(background, inks);
    expect(colours.length / 3).toBeLessThanOrEqual(256);
    const at = (index: number) => [...colours.subarray(3 * index, 3 * index + 3)];
    expect(at(nearest(0x0b, 0x11, 0x20))).toEqual([0x0b, 0x11, 0x20]);
    expect(at(nearest(0x7d, 0xd3, 0xfc))).toEqual([0x7d, 0xd3, 0xfc]);
    expect(at(nearest(0x33, 0x41, 0x55))).toEqual([0x33, 0x41, 0x55]);
  });

  it('paints text that reads back within 3 of 255 of what Skia painted, every pixel', () => {
    const width = 320;
    const height = 120;
    const canvas = createCanvas(width, height);
    const context = canvas.getContext('2d');
    context.fillStyle = background;
    context.fillRect(0, 0, width, height);
    context.fillStyle = '#7dd3fc';
    context.fillRect(0, 0, 8, height);
    context.font = '700 30px sans-serif';
    inks.forEach((ink, line) => {
      context.fillStyle = ink;
      context.fillText(`Ink ${line} — PR AUC 0.71`, 14 + line * 3, 22 + line * 22);
    });
    const painted = canvas.data();
    const rows = indexPixels(painted, width, height, inkPalette(background, ['#7dd3fc', ...inks]));
    const shown = throughPalette(
      rows,
      width,
      height,
      inkPalette(background, ['#7dd3fc', ...inks]).colours,
    );
    let worst = 0;
    let blends = 0;
    for (let pixel = 0; pixel < width * height; pixel++) {
      const [r, g, b] = [0, 1, 2].map((channel) => painted[4 * pixel + channel] as number);
      if (![r, g, b].every((value, channel) => value === [0x0b, 0x11, 0x20][channel])) blends++;
      for (let channel = 0; channel < 3; channel++) {
        const error = Math.abs(
          (shown[3 * pixel + channel] as number) - (painted[4 * pixel + channel] as number),
        );
        worst = Math.max(worst, error);
      }
    }
    // The text was painted (thousands of pixels that are not the background) and survives.
    expect(blends).toBeGreaterThan(3000);
    expect(worst).toBeLessThanOrEqual(3);
  });

  it('copies a row that repeats the one above and writes every row of an image', () => {
    const { colours, nearest } = inkPalette(background, ['#ffffff']);
    const width = 4;
    const height = 3;
    const rgba = new Uint8Array(width * height * 4);
    const set = (x: number, y: number, [r, g, b]: number[]) =>
      rgba.set([r ?? 0, g ?? 0, b ?? 0, 255], 4 * (y * width + x));
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) set(x, y, [11, 17, 32]);
    set(1, 0, [255, 255, 255]);
    set(1, 1, [255, 255, 255]);
    set(2, 2, [133, 136, 144]); // about halfway from the background to white
    const rows = indexPixels(rgba, width, height, inkPalette(background, ['#ffffff']));
    const white = nearest(255, 255, 255);
    expect([...rows]).toEqual([0, 0, white, 0, 0, 0, 0, white, 0, 0, 0, 0, 0, rows[13], 0]);
    const half = [...colours.subarray(3 * (rows[13] as number), 3 * (rows[13] as number) + 3)];
    expect(
      half.every((value, channel) => Math.abs(value - ([133, 136, 144][channel] as number)) <= 3),
    ).toBe(true);
  });

  it('reads pixels that do not start on a 4-byte boundary the same', () => {
    const palette = inkPalette(background, ['#ffffff']);
    const width = 3;
    const height = 2;
    const pixels = [11, 17, 32, 255, 255, 255, 255, 255, 133, 136, 144, 255];
    const aligned = new Uint8Array([...pixels, ...pixels]);
    // A Buffer far into a larger one, as a pooled Buffer can be.
    const backing = new ArrayBuffer(2048);
    const unaligned = Buffer.from(backing, 1001, aligned.length);
    unaligned.set(aligned);
    expect(unaligned.byteOffset % 4).not.toBe(0);
    const expected = [...indexPixels(aligned, width, height, palette)];
    expect([...indexPixels(unaligned, width, height, palette)]).toEqual(expected);
    expect(expected.slice(1, 4)).toEqual([0, palette.nearest(255, 255, 255), expected[3]]);
  });

  it('refuses pixels of the wrong size and colours it cannot read', () => {
    expect(() => indexPixels(new Uint8Array(10), 2, 2, inkPalette(background, inks))).toThrow(
      'expected 16 bytes of RGBA pixels, got 10',
    );
    expect(() => inkPalette('white', inks)).toThrow('expected a colour as #rrggbb, got white');
  });
});
