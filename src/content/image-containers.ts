import { readSync } from 'node:fs';
import { unzipSync } from 'node:zlib';

/**
 * Where each image format keeps its EXIF and XMP blocks, read from the bytes
 * whatever the file's name. Every block counts, not only the first one a
 * decoder uses: a second EXIF segment of a JPEG or an XMP chunk after a PNG's
 * image data is published all the same, and exiftool shows it. Only the
 * metadata is read (a JPEG up to its image data, a PNG's chunk headers), so a
 * large photo costs a few small reads.
 */

/** The image formats whose metadata is checked, as messages name them. */
export type ImageFormat = 'JPEG' | 'PNG' | 'WebP' | 'TIFF' | 'HEIC' | 'AVIF';

/** How many bytes `imageFormat` needs to see. */

/** The most bytes one metadata block may take (decompressed): an EXIF segment holds 64 KB. */
const MAX_BLOCK_BYTES = 16 * 1024 * 1024;

/** Metadata that cannot be followed to its end: the reason, as a message's parenthesis says it. */
export class UnreadableImage extends Error {}

const pastTheEnd = () => new UnreadableImage('a block runs past the end of the file');
const tooLarge = () =>
  new UnreadableImage(
    `a metadata block is over the ${MAX_BLOCK_BYTES / 1024 / 1024} MB the check reads`,
  );

/**
 * The most segments, chunks, boxes or IFD entries one image may have: real
 * images have dozens, and a file made of nothing else must not take minutes.
 */
const MAX_STEPS = 100_000;
const tooMany = () => new UnreadableImage('it has more than 100,000 metadata entries');

/** Random access to the bytes of a file or of a block in one; a read past the end throws. */
export interface Bytes {
  readonly size: number;
  read(offset: number, length: number): Buffer;
}

/** Random access to bytes already read (a block, an image decoded from a data: URL). */
export function bufferBytes(buffer: Buffer): Bytes {
  return {
    size: buffer.length,
    read(offset, length) {
      if (offset < 0 || length < 0 || offset + length > buffer.length) throw pastTheEnd();
      return buffer.subarray(offset, offset + length);
    },
  };
}

/**
 * A file's bytes through an open descriptor, read in windows of at least 512 bytes, so
 * walking a JPEG's segments or a PNG's chunk headers costs one read per window.
 */
export function fileBytes(fd: number, size: number): Bytes {
  let window = Buffer.alloc(0);
  let windowStart = 0;
  return {
    size,
    read(offset, length) {
      if (offset < 0 || length < 0 || offset + length > size) throw pastTheEnd();
      if (offset < windowStart || offset + length > windowStart + window.length) {
        window = Buffer.allocUnsafe(Math.min(Math.max(length, 512), size - offset));
        windowStart = offset;
        if (readSync(fd, window, 0, window.length, offset) < window.length) throw pastTheEnd();
      }
      return window.subarray(offset - windowStart, offset - windowStart + length);
    },
  };
}

/** A block's bytes, refused above MAX_BLOCK_BYTES before anything is read. */
function readBlock(bytes: Bytes, offset: number, length: number): Buffer {
  if (length > MAX_BLOCK_BYTES) throw tooLarge();
  return bytes.read(offset, length);
}

/** The blocks an image carries: EXIF (each a TIFF structure) and XMP packets. */
export interface MetadataBlocks {
  exif: Bytes[];
  xmp: Buffer[];
}

const HEIF_BRANDS = new Set([
  'heic',
  'heix',
  'heim',
  'heis',
  'hevc',
  'hevx',
  'hevm',
  'hevs',
  'mif1',
  'msf1',
  'mif2',
  'miaf',
]);
const AVIF_BRANDS = new Set(['avif', 'avis']);

/** The format the first bytes of a file announce, or undefined for anything else. */
export function imageFormat(head: Buffer): ImageFormat | undefined {
  const ascii = (start: number, end: number) => head.toString('latin1', start, end);
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'JPEG';
  if (
    head.length >= 8 &&
    head.readUInt32BE(0) === 0x89504e47 &&
    head.readUInt32BE(4) === 0x0d0a1a0a
  ) {
    return 'PNG';
  }
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'WebP';
  if (['II*\0', 'MM\0*', 'II+\0', 'MM\0+'].includes(ascii(0, 4))) return 'TIFF';
  if (ascii(4, 8) === 'ftyp' && head.length >= 12) {
    // The major brand, then the compatible brands, up to the end of the ftyp box.
    const end = Math.min(head.readUInt32BE(0), head.length);
    const brands = [ascii(8, 12)];
    for (let offset = 16; offset + 4 <= end; offset += 4) brands.push(ascii(offset, offset + 4));
    if (brands.some((brand) => AVIF_BRANDS.has(brand))) return 'AVIF';
    if (brands.some((brand) => HEIF_BRANDS.has(brand))) return 'HEIC';
  }
  return undefined;
}

/** Every EXIF and XMP block of an image of the given format. Throws UnreadableImage. */
export function metadataBlocks(bytes: Bytes, format: ImageFormat): MetadataBlocks {
  const blocks: MetadataBlocks = { exif: [], xmp: [] };
  switch (format) {
    case 'JPEG':
      jpegBlocks(bytes, blocks);
      break;
    case 'PNG':
      pngBlocks(bytes, blocks);
      break;
    case 'WebP':
      webpBlocks(bytes, blocks);
      break;
    case 'TIFF':
      // The file is itself the TIFF structure that EXIF blocks are made of.
      blocks.exif.push(bytes);
      break;
    case 'HEIC':
    case 'AVIF':
      heifBlocks(bytes, blocks);
      break;
  }
  return blocks;
}

/** An EXIF payload as found: a TIFF structure, after an `Exif\0\0` header when one is there. */
function exifPayload(data: Buffer): Bytes {
  return bufferBytes(data.toString('latin1', 0, 6) === 'Exif\0\0' ? data.subarray(6) : data);
}

const JPEG_EXIF = 'Exif\0';
const JPEG_XMP = 'http://ns.adobe.com/xap/1.0/\0';
const JPEG_EXTENDED_XMP = 'http://ns.adobe.com/xmp/extension/\0';

/** A JPEG's APPn segments (EXIF, XMP, extended XMP), from its start to its image data. */
function jpegBlocks(bytes: Bytes, blocks: MetadataBlocks) {
  const extended = new Map<string, { offset: number; data: Buffer }[]>();
  let offset = 2;
  for (let steps = 0; ; steps++) {
    if (steps > MAX_STEPS) throw tooMany();
    if (bytes.read(offset, 1)[0] !== 0xff)
      throw new UnreadableImage('a segment does not start with a marker');
    let marker = bytes.read(offset + 1, 1)[0]!;
    for (; marker === 0xff; steps++) marker = bytes.read(++offset + 1, 1)[0]!; // fill bytes
    offset += 2;
    if (marker === 0xda || marker === 0xd9) break; // the image data, or the end
    if ((marker >= 0xd0 && marker <= 0xd8) || marker === 0x01) continue; // no length
    const length = bytes.read(offset, 2).readUInt16BE(0);
    if (length < 2) throw new UnreadableImage('a segment has a length below 2');
    if (marker < 0xe0 || marker > 0xef) {
      offset += length;
      continue;
    }
    // APPn: EXIF, XMP and extended XMP in APP1, and an XMP packet in any other.
    const data = bytes.read(offset + 2, length - 2);
    const starts = (signature: string) =>
      data.toString('latin1', 0, signature.length) === signature;
    if (marker === 0xe1 && starts(JPEG_EXIF)) blocks.exif.push(bufferBytes(data.subarray(6)));
    else if (marker === 0xe1 && starts(JPEG_EXTENDED_XMP)) {
      if (data.length < JPEG_EXTENDED_XMP.length + 40) throw pastTheEnd();
      const guid = data.toString('latin1', JPEG_EXTENDED_XMP.length, JPEG_EXTENDED_XMP.length + 32);
      const part = {
        offset: data.readUInt32BE(JPEG_EXTENDED_XMP.length + 36),
        data: data.subarray(JPEG_EXTENDED_XMP.length + 40),
      };
      extended
        .set(guid, extended.get(guid) ?? [])
        .get(guid)!
        .push(part);
    } else if (starts(JPEG_XMP) || data.includes('<x:xmpmeta') || data.includes('<?xpacket')) {
      blocks.xmp.push(data);
    }
    offset += length;
  }
  for (const parts of extended.values()) {
    parts.sort((a, b) => a.offset - b.offset);
    blocks.xmp.push(Buffer.concat(parts.map(({ data }) => data)));
  }
}

const PNG_XMP_KEYWORD = 'XML:com.adobe.xmp';
/** ImageMagick keeps metadata it cannot place in PNG text chunks, as hexadecimal. */
const PNG_RAW_PROFILE = /^Raw profile type (exif|APP1|xmp)$/i;

/** A PNG's eXIf chunks and its XMP and raw-profile text chunks, wherever they are. */
function pngBlocks(bytes: Bytes, blocks: MetadataBlocks) {
  for (let offset = 8, steps = 0; offset < bytes.size; steps++) {
    if (steps > MAX_STEPS) throw tooMany();
    const head = bytes.read(offset, 8);
    const length = head.readUInt32BE(0);
    const type = head.toString('latin1', 4, 8);
    if (type === 'eXIf') blocks.exif.push(exifPayload(readBlock(bytes, offset + 8, length)));
    if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') {
      pngText(type, readBlock(bytes, offset + 8, length), blocks);
    }
    offset += 12 + length;
    if (type === 'IEND') break;
  }
}

function pngText(type: string, data: Buffer, blocks: MetadataBlocks) {
  const keywordEnd = data.indexOf(0);
  if (keywordEnd < 0) return;
  const keyword = data.toString('latin1', 0, keywordEnd);
  const raw = PNG_RAW_PROFILE.exec(keyword);
  if (keyword !== PNG_XMP_KEYWORD && !raw) return;
  let text: Buffer;
  if (type === 'tEXt') text = data.subarray(keywordEnd + 1);
  else if (type === 'zTXt') text = inflate(data.subarray(keywordEnd + 2));
  else {
    // iTXt: compressed flag, method, language tag\0, translated keyword\0, text.
    const compressed = data[keywordEnd + 1] === 1;
    const language = data.indexOf(0, keywordEnd + 3);
    const translated = language < 0 ? -1 : data.indexOf(0, language + 1);
    if (translated < 0) throw new UnreadableImage('a PNG text chunk is cut short');
    const rest = data.subarray(translated + 1);
    text = compressed ? inflate(rest) : rest;
  }
  if (!raw) blocks.xmp.push(text);
  else {
    // `\nexif\n    1234\n` then the bytes in hexadecimal, over many lines.
    const [, , ...hex] = text.toString('latin1').trim().split(/\s+/);
    const profile = Buffer.from(hex.join(''), 'hex');
    if (raw[1]!.toLowerCase() === 'xmp') blocks.xmp.push(profile);
    else blocks.exif.push(exifPayload(profile));
  }
}

/** zlib or gzip data, decompressed up to the block limit. */
function inflate(data: Buffer): Buffer {
  try {
    return unzipSync(data, { maxOutputLength: MAX_BLOCK_BYTES });
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge();
    throw new UnreadableImage('a compressed block cannot be decompressed');
  }
}

/** A WebP's EXIF and XMP chunks. */
function webpBlocks(bytes: Bytes, blocks: MetadataBlocks) {
  const end = Math.min(bytes.size, 8 + bytes.read(4, 4).readUInt32LE(0));
  for (let offset = 12, steps = 0; offset + 8 <= end; steps++) {
    if (steps > MAX_STEPS) throw tooMany();
    const head = bytes.read(offset, 8);
    const type = head.toString('latin1', 0, 4);
    const length = head.readUInt32LE(4);
    if (offset + 8 + length > end) throw pastTheEnd();
    if (type === 'EXIF') blocks.exif.push(exifPayload(readBlock(bytes, offset + 8, length)));
    if (type === 'XMP ') blocks.xmp.push(readBlock(bytes, offset + 8, length));
    offset += 8 + length + (length % 2);
  }
}

interface Box {
  type: string;
  /** Where its content starts and ends, after the header. */
  start: number;
  end: number;
}

/** The box at `offset`, which must end by `limit`. */
function boxAt(bytes: Bytes, offset: number, limit: number): Box {
  const head = bytes.read(offset, 8);
  const type = head.toString('latin1', 4, 8);
  let size = head.readUInt32BE(0);
  let start = offset + 8;
  if (size === 1) {
    size = Number(bytes.read(offset + 8, 8).readBigUInt64BE(0));
    start += 8;
  } else if (size === 0) size = limit - offset;
  if (type === 'uuid') start += 16;
  if (size < start - offset || offset + size > limit) throw pastTheEnd();
  return { type, start, end: offset + size };
}

/** The boxes inside a box. */
function boxesIn(bytes: Bytes, start: number, end: number): Box[] {
  const boxes: Box[] = [];
  for (let offset = start; offset + 8 <= end;) {
    const box = boxAt(bytes, offset, end);
    if (boxes.push(box) > MAX_STEPS) throw tooMany();
    offset = box.end;
  }
  return boxes;
}

interface HeifItem {
  type: string;
  contentType?: string | undefined;
  encoding?: string | undefined;
}

/**
 * A HEIC or AVIF file's Exif items and XMP items (`mime` items of type
 * application/rdf+xml), found through the top-level `meta` box: `iinf` names
 * the items, `iloc` says where their bytes are (in the file or in `idat`).
 */
function heifBlocks(file: Bytes, blocks: MetadataBlocks) {
  for (const top of boxesIn(file, 0, file.size)) {
    if (top.type !== 'meta') continue;
    const meta = bufferBytes(readBlock(file, top.start, top.end - top.start));
    const children = boxesIn(meta, 4, meta.size); // a full box: version and flags first
    const items = new Map<number, HeifItem>();
    const infos = children.find(({ type }) => type === 'iinf');
    if (infos) {
      const version = meta.read(infos.start, 1)[0];
      const first = infos.start + 4 + (version === 0 ? 2 : 4);
      for (const entry of boxesIn(meta, first, infos.end)) {
        if (entry.type === 'infe') readItemInfo(meta, entry, items);
      }
    }
    const idat = children.find(({ type }) => type === 'idat');
    const locations = children.find(({ type }) => type === 'iloc');
    if (!locations) continue;
    for (const { id, method, extents } of readItemLocations(meta, locations)) {
      const item = items.get(id);
      const isXmp = item?.type === 'mime' && item.contentType === 'application/rdf+xml';
      if (item?.type !== 'Exif' && !isXmp) continue;
      // Construction method 0: offsets in the file; 1: in the idat box.
      const [source, base] = method === 0 ? [file, 0] : idat ? [meta, idat.start] : [];
      if (!source) throw new UnreadableImage('an item is stored in a way the check cannot follow');
      let total = 0;
      const parts = extents.map(({ offset, length }) => {
        total += length;
        if (total > MAX_BLOCK_BYTES) throw tooLarge();
        // A length of 0 is an empty item, as libheif and exiftool read it (exiftool
        // leaves one where it removed the EXIF).
        return source.read(base! + offset, length);
      });
      const data = Buffer.concat(parts);
      if (isXmp) blocks.xmp.push(item.encoding ? inflate(data) : data);
      else if (data.length > 0) {
        // Exif items start with the offset of the TIFF header from after it.
        const header = bufferBytes(data).read(0, 4).readUInt32BE(0);
        blocks.exif.push(bufferBytes(bufferBytes(data).read(4 + header, data.length - 4 - header)));
      }
    }
  }
}

/** One `infe` box: item ID, type, and for `mime` items the content type and encoding. */
function readItemInfo(meta: Bytes, box: Box, items: Map<number, HeifItem>) {
  const data = meta.read(box.start, box.end - box.start);
  const version = data[0]!;
  const strings = (from: number) => data.toString('latin1', from).split('\0');
  if (version < 2) {
    // item ID, protection index, name, content type, encoding
    const [, contentType, encoding] = strings(8);
    items.set(data.readUInt16BE(4), { type: 'mime', contentType, encoding });
    return;
  }
  const idSize = version === 2 ? 2 : 4;
  const id = idSize === 2 ? data.readUInt16BE(4) : data.readUInt32BE(4);
  const type = data.toString('latin1', 6 + idSize, 10 + idSize);
  const [, contentType, encoding] = strings(10 + idSize);
  items.set(id, type === 'mime' ? { type, contentType, encoding } : { type });
}

/** The `iloc` box: where each item's bytes are, as extents (offset, length). */
function readItemLocations(meta: Bytes, box: Box) {
  const data = bufferBytes(meta.read(box.start, box.end - box.start));
  let at = 0;
  const uint = (size: number) => {
    const bytes = data.read(at, size);
    at += size;
    if (size === 0) return 0;
    if (size === 8) return Number(bytes.readBigUInt64BE(0));
    return bytes.readUIntBE(0, size);
  };
  const version = uint(1);
  uint(3); // flags
  const sizes = uint(1);
  const [offsetSize, lengthSize] = [sizes >> 4, sizes & 0xf];
  const more = uint(1);
  const [baseSize, indexSize] = [more >> 4, version === 0 ? 0 : more & 0xf];
  const count = uint(version < 2 ? 2 : 4);
  if (count > MAX_STEPS) throw tooMany();
  const locations: { id: number; method: number; extents: { offset: number; length: number }[] }[] =
    [];
  let steps = 0;
  for (let item = 0; item < count; item++) {
    const id = uint(version < 2 ? 2 : 4);
    const method = version === 0 ? 0 : uint(2) & 0xf;
    const reference = uint(2); // 0: this file
    const base = uint(baseSize);
    const extents = [];
    for (let extent = uint(2); extent > 0; extent--) {
      if (++steps > MAX_STEPS) throw tooMany();
      uint(indexSize);
      extents.push({ offset: base + uint(offsetSize), length: uint(lengthSize) });
    }
    if (reference === 0) locations.push({ id, method, extents });
  }
  return locations;
}

/** Bytes per value of each TIFF field type (BYTE, ASCII, SHORT, LONG, RATIONAL, …, IFD8). */
const TIFF_TYPE_SIZES: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
  16: 8,
  17: 8,
  18: 8,
};
const EXIF_IFD = 0x8769;
const GPS_IFD = 0x8825;
const XMP_TAG = 700;
/** GPSLatitude, GPSLongitude, GPSDestLatitude, GPSDestLongitude. */
const GPS_POSITION_TAGS = new Set([0x0002, 0x0004, 0x0014, 0x0016]);

/** What a TIFF structure holds that can place an image: its GPS positions and XMP packets. */
export interface TiffFindings {
  /** The numbers of each GPS position tag: a rational's numerators, another type's bytes. */
  positions: number[][];
  xmp: Buffer[];
}

/**
 * The GPS positions and XMP of a TIFF structure (a TIFF file, or an EXIF
 * block): every IFD of its chain (a TIFF's pages, EXIF's thumbnail) and the
 * EXIF IFD, each with its GPS IFD, as exiftool reads them. Classic and BigTIFF.
 */
export function readTiff(bytes: Bytes): TiffFindings {
  const head = bytes.read(0, 8);
  const order = head.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM')
    throw new UnreadableImage('its EXIF data has no TIFF header');
  const little = order === 'II';
  const u16 = (buffer: Buffer, at: number) =>
    little ? buffer.readUInt16LE(at) : buffer.readUInt16BE(at);
  const u32 = (buffer: Buffer, at: number) =>
    little ? buffer.readUInt32LE(at) : buffer.readUInt32BE(at);
  const u64 = (buffer: Buffer, at: number) =>
    Number(little ? buffer.readBigUInt64LE(at) : buffer.readBigUInt64BE(at));
  const big = u16(head, 2) === 43;
  if (!big && u16(head, 2) !== 42) throw new UnreadableImage('its EXIF data has no TIFF header');
  const [countSize, entrySize, fieldSize] = big ? [8, 20, 8] : [2, 12, 4];
  const pointer = (buffer: Buffer, at: number) => (big ? u64(buffer, at) : u32(buffer, at));

  let steps = 0;
  /** An IFD's entries, each with a way to read its value, and the next IFD's offset. */
  const ifd = (offset: number) => {
    const count = big ? u64(bytes.read(offset, 8), 0) : u16(bytes.read(offset, 2), 0);
    steps += count + 1;
    if (steps > MAX_STEPS) throw tooMany();
    const table = bytes.read(offset + countSize, count * entrySize);
    const entries = Array.from({ length: count }, (_, index) => {
      const at = index * entrySize;
      const type = u16(table, at + 2);
      const values = big ? u64(table, at + 4) : u32(table, at + 4);
      const field = table.subarray(at + 4 + fieldSize, at + entrySize);
      const size = (TIFF_TYPE_SIZES[type] ?? 1) * values;
      const value = () =>
        size <= fieldSize ? field.subarray(0, size) : readBlock(bytes, pointer(field, 0), size);
      // An IFD's offset: a LONG or IFD, or in a BigTIFF a LONG8 or IFD8.
      const target = () => (TIFF_TYPE_SIZES[type] === 8 && big ? u64(field, 0) : u32(field, 0));
      return { tag: u16(table, at), type, value, target };
    });
    // The next IFD's offset; some writers leave it out of the last one, as libpng's own test image.
    const nextAt = offset + countSize + count * entrySize;
    const next = nextAt + fieldSize <= bytes.size ? pointer(bytes.read(nextAt, fieldSize), 0) : 0;
    return { entries, next };
  };

  const findings: TiffFindings = { positions: [], xmp: [] };
  const seen = new Set<number>();
  const queue = [pointer(bytes.read(big ? 8 : 4, fieldSize), 0)];
  for (let offset = queue.shift(); offset !== undefined; offset = queue.shift()) {
    if (offset === 0 || seen.has(offset)) continue;
    seen.add(offset);
    const { entries, next } = ifd(offset);
    queue.push(next);
    for (const entry of entries) {
      if (entry.tag === EXIF_IFD) queue.push(entry.target());
      if (entry.tag === XMP_TAG) findings.xmp.push(entry.value());
      if (entry.tag !== GPS_IFD) continue;
      const gps = entry.target();
      if (gps === 0) continue;
      for (const field of ifd(gps).entries) {
        if (!GPS_POSITION_TAGS.has(field.tag)) continue;
        const value = field.value();
        const rational = field.type === 5 || field.type === 10;
        findings.positions.push(
          rational
            ? Array.from({ length: value.length / 8 }, (_, index) => u32(value, index * 8))
            : [...value],
        );
      }
    }
  }
  return findings;
}
