import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from '../problems/problem.ts';
import { walkFiles } from '../files/walk.ts';
import { HEAD_BYTES } from '../files/read.ts';
import { MAX_NOTEBOOK_BYTES } from '../files/size-limit.ts';
import { cachedHead } from '../artifacts/read-cache.ts';
import {
  bufferBytes,
  fileBytes,
  imageFormat,
  metadataBlocks,
  readTiff,
  UnreadableImage,
  type Bytes,
  type ImageFormat,
} from './image-containers.ts';

/**
 * An XMP property that places the image: exif:GPSLatitude and the like (any
 * prefix, any case, so a drone's `drone-dji:GpsLatitude` too) with a number
 * in its value, as an attribute (`exif:GPSLatitude='48,51.4N'`) or an element.
 */
const XMP_POSITION_ATTRIBUTE =
  /[\s:]gps(?:dest)?(?:latitude|longitude)\s*=\s*(?:"[^"]*\d|'[^']*\d)/i;
const XMP_POSITION_ELEMENT =
  /<(?:[\w.-]+:)?gps(?:dest)?(?:latitude|longitude)(?:\s[^>]*)?(?<!\/)>[^<]*\d/i;

function xmpHasPosition(xmp: Buffer): boolean {
  // Bytes as Latin-1 with NULs dropped reads UTF-8 and UTF-16 packets alike.
  const text = xmp.toString('latin1').replaceAll('\0', '');
  return XMP_POSITION_ATTRIBUTE.test(text) || XMP_POSITION_ELEMENT.test(text);
}

/** Where an image keeps a GPS position: in EXIF, in XMP, both or neither. */
function locationBlocks(bytes: Bytes, format: ImageFormat): string[] {
  const { exif, xmp } = metadataBlocks(bytes, format);
  let inExif = false;
  const packets = [...xmp];
  for (const block of exif) {
    const found = readTiff(block);
    // Cameras without a fix write a position of zeros: no place.
    inExif ||= found.positions.some((numbers) => numbers.some((number) => number !== 0));
    packets.push(...found.xmp);
  }
  const inXmp = packets.some(xmpHasPosition);
  return [...(inExif ? ['EXIF'] : []), ...(inXmp ? ['XMP'] : [])];
}

const article = (format: ImageFormat) => (format === 'AVIF' ? 'an' : 'a');

/**
 * Whether a file's first bytes are markup (SVG, HTML, XML): text that opens
 * with `<`. Such a file may hold images as data: URLs (matplotlib's SVG
 * embeds an `imshow` image so), which are published with it.
 */
function isMarkupHead(head: Buffer): boolean {
  return /^(?:\uFEFF|\xEF\xBB\xBF)?\s*</.test(head.toString('latin1'));
}

/** An image inside markup: `data:image/jpeg;base64,...`, the base64 wrapped or not. */
const DATA_URL_IMAGE = /data:image\/[a-z0-9.+-]+;base64,([a-z0-9+/=\s]+)/gi;

/** The most of a markup file read for the images it holds: an SVG a notebook shows is within the notebook limit. */
const MAX_MARKUP_BYTES = MAX_NOTEBOOK_BYTES;

/**
 * What markup says about where its embedded images were taken: a problem
 * for the first data: URL image with a GPS position, or whose metadata
 * cannot be read through. `what` names the file (`an SVG image`).
 */
function embeddedLocationProblem(fd: number, size: number, head: Buffer): string | undefined {
  const svg = /<svg[\s>]/i.test(head.toString('latin1'));
  const what = svg ? 'an SVG image' : 'markup';
  if (size > MAX_MARKUP_BYTES) {
    // Only an SVG is refused unread: a large XML or HTML data file is no image.
    return svg
      ? `the file is ${what} of ${(size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_MARKUP_BYTES / 1024 / 1024} MB the check reads for images it may hold, so it cannot be checked for a GPS location; export it smaller or as a PNG, and build again`
      : undefined;
  }
  const bytes = Buffer.alloc(size);
  if (readSync(fd, bytes, 0, size, 0) < size) throw new RangeError('short read');
  for (const match of bytes.toString('latin1').matchAll(DATA_URL_IMAGE)) {
    const image = Buffer.from((match[1] ?? '').replace(/\s+/g, ''), 'base64');
    const format = imageFormat(image.subarray(0, HEAD_BYTES));
    if (!format) continue;
    let where: string[];
    try {
      where = locationBlocks(bufferBytes(image), format);
    } catch (error) {
      const reason = error instanceof UnreadableImage ? error.message : 'a block runs past its end';
      return `the file is ${what} holding ${article(format)} ${format} image whose metadata cannot be read (${reason}), so it cannot be checked for a GPS location; re-export it, or remove it if it is not meant to be published, and build again`;
    }
    if (where.length > 0) {
      return `the file is ${what} holding ${article(format)} ${format} image with a GPS location in its ${where.join(' and ')} data, which would be published; re-export it without location data (for example \`exiftool -location:all= FILE\`) and build again`;
    }
  }
  return undefined;
}

/**
 * What a file says about where it was taken, judged by its bytes: a problem
 * when it is an image with a GPS position in its EXIF or XMP data, or an image
 * whose metadata cannot be read through (so it cannot be cleared). Anything
 * that does not start like a JPEG, PNG, WebP, TIFF, HEIC or AVIF is not read further.
 * (Also the check of the images decoded from a notebook, content/lints.ts.)
 */
export function imageLocationProblem(file: string): string | undefined {
  // A data file or artifact the content check has just read: its first bytes
  // are at hand, and one that is no image is not opened again.
  const known = cachedHead(file);
  if (known !== undefined && !imageFormat(known) && !isMarkupHead(known)) return undefined;
  let fd: number | undefined;
  let format: ImageFormat | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    readSync(fd, head, 0, head.length, 0);
    format = imageFormat(head);
    if (!format) return isMarkupHead(head) ? embeddedLocationProblem(fd, size, head) : undefined;
    const where = locationBlocks(fileBytes(fd, size), format);
    if (where.length === 0) return undefined;
    return `the file is ${article(format)} ${format} image with a GPS location in its ${where.join(' and ')} data, which would be published; re-export it without location data (for example \`exiftool -location:all= FILE\`) and build again`;
  } catch (error) {
    // A read past the end of a block throws RangeError; the file system, an error code (EACCES).
    const reason =
      error instanceof UnreadableImage
        ? error.message
        : error instanceof RangeError
          ? 'a block runs past the end of the file'
          : ((error as NodeJS.ErrnoException).code ?? String(error));
    if (!format) {
      return `the file cannot be read (${reason}), so it cannot be checked for a GPS location; make it readable, or remove it if it is not meant to be published, and build again`;
    }
    return `the file starts like ${article(format)} ${format} image but its metadata cannot be read (${reason}), so it cannot be checked for a GPS location; re-export it, or remove it if it is not meant to be published, and build again`;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Images that would publish where they were taken: a GPS position in their
 * EXIF or XMP data. Every file under the folders is looked at, whatever its
 * name or extension, folders starting with `.` or `_` included: Astro
 * publishes every file in public/ (`.well-known/` too) as it is, and a
 * frontmatter path may name any file in content/ (`./_drafts/cover.jpg`).
 * Which files are images is read from their first bytes; of an image only the
 * metadata is read, never the picture. An image whose metadata cannot be read
 * through is a problem too, rather than passed unchecked.
 */
export function findLocatedImages(folders: readonly string[], root: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const folder of folders) {
    // Links are followed wherever they lead (loops excepted): Astro copies
    // what a link in public/ points at, so that is what is checked.
    const everywhere = path.parse(path.resolve(folder)).root;
    for (const { path: file, regular } of walkFiles(folder, {
      names: 'every',
      within: everywhere,
    })) {
      if (!regular) continue; // a socket or a pipe: nothing Astro copies, and reading one may block
      const message = imageLocationProblem(file);
      if (message) {
        problems.push({ file: path.relative(root, file).split(path.sep).join('/'), message });
      }
    }
  }
  return problems;
}
