import { crc32, deflateSync } from 'node:zlib';

/**
 * A PNG encoder for opaque 8-bit RGBA pixels (what a canvas returns), on the
 * calling thread. The Open Graph cards are painted in a low-priority child
 * process so they only use spare CPU; sharp would encode on libuv's shared
 * thread pool at normal priority, and Skia's own encoder takes five times as
 * long, trying every row filter at zlib level 6. Rows are stored unfiltered
 * and deflated at a low level: the cards are large flat areas with text,
 * which compress well that way.
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

// One buffer for the filtered rows, reused by every image of the same size: a
// fresh 3 MB buffer per Open Graph card is 3 GB of allocations at 1,000
// cards. The filter bytes are zero when allocated and never written again.
let reusedRows: Buffer | undefined;
function rowBuffer(size: number): Buffer {
  if (reusedRows?.length !== size) reusedRows = Buffer.alloc(size);
  return reusedRows;
}

export function encodePng(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  level = 3,
): Buffer {
  const stride = width * 4;
  if (rgba.length !== stride * height) {
    throw new Error(`expected ${stride * height} bytes of RGBA pixels, got ${rgba.length}`);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // Compression, filter and interlace methods: all 0 (deflate, adaptive set, none).
  const rows = rowBuffer((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    // Each row starts with its filter type, 0 (none).
    rows.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
