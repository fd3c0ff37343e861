import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../src/lib/png.ts';

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

  it('refuses a buffer of the wrong size', () => {
    expect(() => encodePng(new Uint8Array(10), 2, 2)).toThrow(
      'expected 16 bytes of RGBA pixels, got 10',
    );
  });
});
