import { constants, crc32, deflateSync } from 'node:zlib';

/**
 * A PNG encoder for indexed-colour images (og/palette.ts makes the palette
 * and the rows), on the calling thread. The Open Graph cards are painted in
 * a low-priority child process so they only use spare CPU; sharp would
 * encode on libuv's shared thread pool at normal priority, and Skia's own
 * encoder takes five times as long, trying every row filter at zlib level 6
 * on four bytes a pixel. Rows are stored unfiltered and deflated looking only
 * for runs (`Z_RLE`): a card is mostly long runs of one colour, and on its
 * indexed rows that was the fastest setting tried (1.2 ms a card, against
 * 1.4 to 1.6 ms at levels 1 to 3 and 4.5 ms at 6) for a file as small as
 * level 2's.
 */

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  // The CRC covers the type and the data.
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * An 8-bit indexed PNG: `rows` are the scanlines (each a filter byte, then an
 * index a pixel), `colours` the palette's red, green and blue triplets.
 */
export function encodeIndexedPng(
  rows: Uint8Array,
  width: number,
  height: number,
  colours: Uint8Array,
): Buffer {
  if (rows.length !== (width + 1) * height) {
    throw new Error(`expected ${(width + 1) * height} bytes of rows, got ${rows.length}`);
  }
  if (colours.length === 0 || colours.length % 3 !== 0 || colours.length > 3 * 256) {
    throw new Error(`expected 1 to 256 colours as RGB triplets, got ${colours.length} bytes`);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 3; // colour type: indexed
  // Compression, filter and interlace methods: all 0 (deflate, adaptive set, none).
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', colours),
    chunk('IDAT', deflateSync(rows, { strategy: constants.Z_RLE })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
