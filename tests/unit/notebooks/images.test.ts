import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { readImageFile, writeNotebookImage } from '../../../src/notebooks/images.ts';
import { PNG_1X1, tempDir } from './notebooks.ts';

let jpeg = '';
beforeAll(async () => {
  const bytes = await sharp({ create: { width: 3, height: 2, channels: 3, background: 'red' } })
    .jpeg()
    .toBuffer();
  jpeg = bytes.toString('base64');
});

describe('writeNotebookImage', () => {
  it('writes a PNG once, named by its SHA-256, with its size from the bytes', () => {
    const dir = tempDir();
    // Jupyter saves base64 with a line break at the end.
    const written = writeNotebookImage(`${PNG_1X1}\n`, 'image/png', dir);
    const bytes = Buffer.from(PNG_1X1, 'base64');
    const file = path.join(dir, `${createHash('sha256').update(bytes).digest('hex')}.png`);
    expect(written).toEqual({ ok: true, image: { file, mime: 'image/png', width: 1, height: 1 } });
    expect(fs.readFileSync(file)).toEqual(bytes);
    expect(writeNotebookImage(PNG_1X1, 'image/png', dir)).toEqual(written);
    expect(fs.readdirSync(dir)).toHaveLength(1);
  });

  it('reads a JPEG', () => {
    expect(writeNotebookImage(jpeg, 'image/jpeg', tempDir())).toMatchObject({
      ok: true,
      image: { mime: 'image/jpeg', width: 3, height: 2, file: expect.stringMatching(/\.jpg$/) },
    });
  });

  it('refuses invalid base64, and writes nothing', () => {
    const dir = tempDir();
    for (const data of ['not base64!', 'iVBORw0KGgo', '', 'iVBO\u0000RW0K']) {
      expect(writeNotebookImage(data, 'image/png', dir)).toEqual({
        ok: false,
        message: 'its image/png data is not valid base64, so it is no image',
      });
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a PNG saved as a JPEG, and bytes that are no image', () => {
    expect(writeNotebookImage(PNG_1X1, 'image/jpeg', tempDir())).toEqual({
      ok: false,
      message: 'its image/jpeg data is not a JPEG image: its bytes are a PNG',
    });
    expect(
      writeNotebookImage(Buffer.from('<html>hi</html>').toString('base64'), 'image/png', tempDir()),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^its image\/png data is not a PNG image/),
    });
  });

  it('writes an SVG cleaned, sized from its width and height in points', () => {
    const dir = tempDir();
    const written = writeNotebookImage(
      '<svg xmlns="http://www.w3.org/2000/svg" width="72pt" height="36pt" onload="alert(1)"><script>alert(1)</script><rect width="1" height="1"/></svg>',
      'image/svg+xml',
      dir,
    );
    expect(written).toMatchObject({
      ok: true,
      image: { mime: 'image/svg+xml', width: 96, height: 48 },
    });
    const text = fs.readFileSync(written.ok ? written.image.file : '', 'utf8');
    expect(text).not.toMatch(/script|onload/);
    expect(
      writeNotebookImage(
        '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>',
        'image/svg+xml',
        dir,
      ),
    ).toEqual({
      ok: false,
      message:
        'its image/svg+xml data is an SVG without a width, height or viewBox, so its size cannot be known',
    });
    expect(writeNotebookImage('<p>no</p>', 'image/svg+xml', dir)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^its image\/svg\+xml data holds no <svg> element/),
    });
  });
});

describe('readImageFile', () => {
  it('tells what an image beside the notebook is, and refuses what is none', () => {
    const dir = tempDir();
    const png = path.join(dir, 'fig.png');
    fs.writeFileSync(png, Buffer.from(PNG_1X1, 'base64'));
    expect(readImageFile(png)).toEqual({
      ok: true,
      image: { file: png, mime: 'image/png', width: 1, height: 1 },
    });
    const text = path.join(dir, 'fig.jpg');
    fs.writeFileSync(text, 'hello');
    expect(readImageFile(text)).toEqual({
      ok: false,
      message: 'is no image format Casefolio reads (PNG, JPEG, GIF, WebP, SVG)',
    });
  });
});
