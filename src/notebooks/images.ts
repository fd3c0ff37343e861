import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { readFileWithin } from '../files/read.ts';
import { MAX_NOTEBOOK_BYTES, megabytes } from '../files/size-limit.ts';
import { TOO_DEEP_MARKUP } from './nesting.ts';
import { sanitizeSvg, svgActiveParts } from './sanitize.ts';
import type { NotebookImage } from './view.ts';

/**
 * Images a notebook shows, as files: an output's or an attachment's base64
 * decoded and checked to be the image its MIME type says (by its bytes, not
 * its word), SVG cleaned of anything that runs, each written once under a
 * name made of its SHA-256 (so a build writes the same files every time);
 * an image beside the notebook read to learn what it is. Width and height
 * come from the bytes (image-size), an SVG's from its width, height or
 * viewBox.
 */

export type ImageMime = NotebookImage['mime'];

/**
 * An image found and its file written, or why not: for data, the rest of a
 * sentence about it (`its image/png data is not valid base64...`) for the
 * caller to add the fix; for a file, what follows its path.
 */
export type ImageResult = { ok: true; image: NotebookImage } | { ok: false; message: string };

/** The image types a notebook's images may be, in the order an output's are preferred. */
export const IMAGE_MIMES: readonly ImageMime[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/svg+xml',
];

const EXTENSIONS: Readonly<Record<ImageMime, string>> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/svg+xml': '.svg',
};

const NAMES: Readonly<Record<ImageMime, string>> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'image/svg+xml': 'SVG',
};

/** image-size's name for each type it tells by the bytes. */
const SNIFFED: Readonly<Record<string, ImageMime>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};

export function isImageMime(mime: string): mime is ImageMime {
  return (IMAGE_MIMES as readonly string[]).includes(mime);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes image data saved in a notebook (base64, or SVG's text) and writes
 * it to `imagesDir`. Refused: invalid base64, bytes that are not the image
 * the MIME type says, an image whose size cannot be read, an SVG that is
 * not one.
 */
export function writeNotebookImage(data: unknown, mime: ImageMime, imagesDir: string): ImageResult {
  if (typeof data !== 'string') return { ok: false, message: `its ${mime} data is not text` };
  let bytes: Buffer;
  if (mime === 'image/svg+xml') {
    const clean = sanitizeSvg(data);
    if (!clean.ok) return { ok: false, message: `its ${mime} data ${clean.message}` };
    bytes = Buffer.from(clean.svg, 'utf8');
  } else {
    const base64 = data.replace(/\s+/g, '');
    if (base64 === '' || !BASE64.test(base64)) {
      return {
        ok: false,
        message: `its ${mime} data is not valid base64, so it is no image`,
      };
    }
    bytes = Buffer.from(base64, 'base64');
  }
  const measured = measure(bytes, mime);
  if (!measured.ok) return { ok: false, message: `its ${mime} data ${measured.message}` };
  const file = path.join(
    imagesDir,
    `${createHash('sha256').update(bytes).digest('hex')}${EXTENSIONS[mime]}`,
  );
  writeOnce(file, bytes);
  return { ok: true, image: { file, mime, width: measured.width, height: measured.height } };
}

/** Writes a file by a name made of its content, once: whole (through a temporary name) or not at all. */
function writeOnce(file: string, bytes: Buffer): void {
  if (existsSync(file)) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
}

/**
 * The names writeNotebookImage gives files (`<sha256>.png`), and its
 * temporary files (`<sha256>.png.<pid>.tmp`): pruning touches nothing else.
 */
const WRITTEN_NAME = /^[0-9a-f]{64}\.(?:png|jpg|gif|webp|svg)(?:\.\d+\.tmp)?$/;

/**
 * Removes from `imagesDir` the images decoded for notebooks the content no
 * longer shows: every file written there by writeNotebookImage that `keep`
 * (absolute paths) does not list and that was last changed before `before`
 * (milliseconds since the epoch). A file written later is another process's
 * (`astro dev` or another build sharing the cache), for content this one
 * did not see, and is left. Never throws: a file that cannot be removed
 * stays for the next build. Returns the files removed.
 */
export function pruneNotebookImages(
  imagesDir: string,
  keep: ReadonlySet<string>,
  before: number,
): string[] {
  let names: string[];
  try {
    names = readdirSync(imagesDir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const file = path.join(imagesDir, name);
    if (!WRITTEN_NAME.test(name) || keep.has(file)) continue;
    try {
      const stat = statSync(file);
      if (!stat.isFile() || stat.mtimeMs >= before) continue;
      rmSync(file, { force: true });
      removed.push(file);
    } catch {
      // Removed by another process meanwhile, or not ours to remove.
    }
  }
  return removed;
}

type Measured =
  { ok: true; mime: ImageMime; width: number; height: number } | { ok: false; message: string };

/** What the bytes are, by their signature, and their size; `expected` when they must be one type. */
function measure(bytes: Buffer, expected?: ImageMime): Measured {
  let size: { type?: string; width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    // A cleaned SVG is an SVG: image-size throws only when it cannot tell its size.
    if (expected === 'image/svg+xml') return { ok: false, message: SIZELESS_SVG };
    return {
      ok: false,
      message: expected
        ? `is not ${article(expected)} ${NAMES[expected]} image (its bytes are no image format Casefolio reads)`
        : 'is no image format Casefolio reads (PNG, JPEG, GIF, WebP, SVG)',
    };
  }
  const mime = size.type === undefined ? undefined : SNIFFED[size.type];
  if (mime === undefined || (expected !== undefined && mime !== expected)) {
    const actual = mime
      ? `${article(mime)} ${NAMES[mime]}`
      : `a ${(size.type ?? 'unknown').toUpperCase()} file`;
    return {
      ok: false,
      message: expected
        ? `is not ${article(expected)} ${NAMES[expected]} image: its bytes are ${actual}`
        : `is ${actual}, which Casefolio does not publish (PNG, JPEG, GIF, WebP, SVG)`,
    };
  }
  const { width, height } = size;
  if (!width || !height) {
    return {
      ok: false,
      message:
        mime === 'image/svg+xml'
          ? SIZELESS_SVG
          : `is ${article(mime)} ${NAMES[mime]} whose size cannot be read`,
    };
  }
  if (mime !== 'image/svg+xml' && width * height > MAX_IMAGE_PIXELS) {
    return {
      ok: false,
      message: `is ${article(mime)} ${NAMES[mime]} of ${width} × ${height} pixels, more than the ${Math.floor(MAX_IMAGE_PIXELS / 1e6)} megapixels Astro's image pipeline reads (the page would get it unresized, for every reader to decode): save the figure smaller or at a lower dpi`,
    };
  }
  return { ok: true, mime, width, height };
}

/**
 * The most pixels a raster image may have: sharp's `limitInputPixels`
 * (16383²), above which Astro's image pipeline gives up and publishes the
 * file as it is. A small file can claim any size (a PNG of zeros compresses
 * a thousandfold), so the size read from its header is what counts.
 */
const MAX_IMAGE_PIXELS = 0x3fff * 0x3fff;

const SIZELESS_SVG = 'is an SVG without a width, height or viewBox, so its size cannot be known';

function article(mime: ImageMime): string {
  return mime === 'image/svg+xml' ? 'an' : 'a';
}

/**
 * Why an SVG published as it is (at an address of the site, opened on its
 * own outside every page's CSP) may not be: what in it would run or load,
 * or its nesting; undefined for a figure as plotting tools draw it. Words
 * follow the file's path: `is an SVG holding a <script>, ...`.
 */
export function activeSvgMessage(svg: string): string | undefined {
  const active = svgActiveParts(svg);
  if (!active) return `is an SVG that ${TOO_DEEP_MARKUP}`;
  if (active.length === 0) return undefined;
  return `is an SVG holding ${new Intl.ListFormat('en').format(active)}, which would run or load when the file is opened on its own; export the figure again without it, or as a PNG`;
}

/**
 * An image file beside the notebook (a Markdown cell's `![](figs/roc.png)`,
 * already resolved inside content/): read within the notebook limit to tell
 * what it is and its size. The file is published as it is, like a
 * `<Figure>`'s: an SVG that holds anything that would run or load when the
 * file is opened on its own is refused (sanitize.ts's `svgActiveParts`).
 */
export function readImageFile(absolute: string): ImageResult {
  const read = readFileWithin(
    absolute,
    MAX_NOTEBOOK_BYTES,
    (bytes) =>
      `is ${megabytes(bytes)}, over the ${MAX_NOTEBOOK_BYTES / 1024 / 1024} MB limit for images; resize it`,
  );
  if (!read.ok) return { ok: false, message: read.message };
  const measured = measure(read.bytes);
  if (!measured.ok) return { ok: false, message: measured.message };
  if (measured.mime === 'image/svg+xml') {
    const active = activeSvgMessage(read.bytes.toString('utf8'));
    if (active) return { ok: false, message: active };
  }
  return {
    ok: true,
    image: { file: absolute, mime: measured.mime, width: measured.width, height: measured.height },
  };
}
