import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  pruneNotebookImages,
  readImageFile,
  writeNotebookImage,
} from '../../../src/notebooks/images.ts';
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

describe('pruneNotebookImages', () => {
  const HOUR = 60 * 60 * 1000;
  const hash = (n: number) => createHash('sha256').update(String(n)).digest('hex');

  /** A file in `dir`, last changed `age` milliseconds before now. */
  function file(dir: string, name: string, age: number): string {
    const written = path.join(dir, name);
    fs.writeFileSync(written, 'x');
    const when = new Date(Date.now() - age);
    fs.utimesSync(written, when, when);
    return written;
  }

  it('removes the images the content no longer shows, written before the check began, and nothing else', () => {
    const dir = tempDir();
    const shown = file(dir, `${hash(1)}.png`, 2 * HOUR);
    const old = file(dir, `${hash(2)}.svg`, 2 * HOUR);
    const oldPart = file(dir, `${hash(3)}.jpg.4242.tmp`, 2 * HOUR);
    // Written during this check by another process (`astro dev`), for content it saw.
    const another = file(dir, `${hash(4)}.webp`, 0);
    const notOurs = file(dir, 'notes.txt', 2 * HOUR);
    fs.mkdirSync(path.join(dir, `${hash(5)}.png`));
    const removed = pruneNotebookImages(dir, new Set([shown]), Date.now() - HOUR);
    expect(removed.sort()).toEqual([old, oldPart].sort());
    expect(fs.readdirSync(dir).sort()).toEqual(
      [shown, another, notOurs, path.join(dir, `${hash(5)}.png`)]
        .map((f) => path.basename(f))
        .sort(),
    );
  });

  it('keeps every image the content shows, however old', () => {
    const dir = tempDir();
    const images = [1, 2, 3].map((n) => file(dir, `${hash(n)}.png`, 48 * HOUR));
    expect(pruneNotebookImages(dir, new Set(images), Date.now())).toEqual([]);
    expect(fs.readdirSync(dir)).toHaveLength(3);
  });

  it('does nothing for a folder that is not there yet', () => {
    expect(pruneNotebookImages(path.join(tempDir(), 'none'), new Set(), Date.now())).toEqual([]);
  });
});
