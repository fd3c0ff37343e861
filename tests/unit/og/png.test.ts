import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../../src/og/png.ts';

describe('encodePng', () => {
  it('writes a PNG that a real decoder reads back pixel for pixel', async () => {
    const width = 7;
    const height = 5;
    const rgba = new Uint8Array(width * height * 4);
    for (let i = 0; i < rgba.length; i += 4) {
      rgba.set([(i * 7) % 256, (i * 13) % 256, (i * 29) % 256, 255], i);
    }
    const png = encodePng(rgba, width, height);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect(info).toMatchObject({ width, height, channels: 4, format: 'raw' });
    expect([...data]).toEqual([...rgba]);
    expect((await sharp(png).metadata()).format).toBe('png');
  });

  it('encodes images one after another, of other sizes and pixel types, each exactly', async () => {
    const image = (width: number, height: number, seed: number) => {
      const rgba = new Uint8ClampedArray(width * height * 4);
      for (let i = 0; i < rgba.length; i += 4) {
        rgba.set([(i * seed) % 256, (i + seed) % 256, (i * 3 + seed) % 256, 255], i);
      }
      return { width, height, rgba };
    };
    // The encoder reuses its row buffer between images of one size.
    for (const { width, height, rgba } of [image(7, 5, 3), image(3, 2, 11), image(7, 5, 17)]) {
      const { data, info } = await sharp(encodePng(rgba, width, height))
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect(info).toMatchObject({ width, height, channels: 4 });
      expect([...data]).toEqual([...rgba]);
    }
  });

  it('refuses a buffer of the wrong size', () => {
    expect(() => encodePng(new Uint8Array(10), 2, 2)).toThrow(
      'expected 16 bytes of RGBA pixels, got 10',
    );
  });
});
