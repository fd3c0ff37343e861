import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { findLocatedImages } from '../../../src/content/image-metadata.ts';
import { projectRoot } from '../../helpers/build.ts';

/** Images made with exiftool, one of each format with and without a location (README.md there). */
const fixtures = path.join(projectRoot, 'tests/fixtures/image-metadata');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name));

const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** Writes files into a fresh folder and checks it, naming files relative to it. */
function check(files: Record<string, Buffer | string>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-gps-'));
  made.push(root);
  for (const [name, bytes] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), bytes);
  }
  return findLocatedImages([root], root);
}

const fix =
  'which would be published; re-export it without location data (for example `exiftool -location:all= FILE`) and build again';
const located = (file: string, format: string, where: string) => ({
  file,
  message: `the file is ${format === 'AVIF' ? 'an' : 'a'} ${format} image with a GPS location in its ${where} data, ${fix}`,
});

const formats = [
  ['jpg', 'JPEG'],
  ['png', 'PNG'],
  ['webp', 'WebP'],
  ['avif', 'AVIF'],
  ['heic', 'HEIC'],
  ['tif', 'TIFF'],
] as const;

describe('findLocatedImages, on each format', () => {
  it.each(formats)('passes a .%s without a location (other EXIF and XMP kept)', (ext) => {
    expect(check({ [`plain.${ext}`]: fixture(`plain.${ext}`) })).toEqual([]);
  });

  it.each(formats)('names a .%s with a GPS location in EXIF', (ext, format) => {
    expect(check({ [`photo.${ext}`]: fixture(`exif-gps.${ext}`) })).toEqual([
      located(`photo.${ext}`, format, 'EXIF'),
    ]);
  });

  it.each(formats)('names a .%s with a GPS location in XMP only', (ext, format) => {
    expect(check({ [`photo.${ext}`]: fixture(`xmp-gps.${ext}`) })).toEqual([
      located(`photo.${ext}`, format, 'XMP'),
    ]);
  });
});

describe('findLocatedImages, after the fix its message gives', () => {
  it.each(formats)('passes a .%s once `exiftool -location:all=` has run', (ext) => {
    const files = {
      [`exif.${ext}`]: fixture(`exif-gps-stripped.${ext}`),
      [`xmp.${ext}`]: fixture(`xmp-gps-stripped.${ext}`),
    };
    expect(check(files)).toEqual([]);
  });
});

describe('findLocatedImages, by content rather than name', () => {
  // Astro copies every file of public/, and a path in content may name any file.
  it('looks in folders starting with `.` or `_`', () => {
    const gps = fixture('exif-gps.jpg');
    expect(
      check({ '.well-known/a.jpg': gps, '.hidden/deep/b.jpg': gps, '_drafts/c.jpg': gps }),
    ).toEqual([
      located('.hidden/deep/b.jpg', 'JPEG', 'EXIF'),
      located('.well-known/a.jpg', 'JPEG', 'EXIF'),
      located('_drafts/c.jpg', 'JPEG', 'EXIF'),
    ]);
  });

  it('names an image under another extension, or none', () => {
    expect(
      check({
        'notes.txt': fixture('exif-gps.jpg'),
        'photo.png': fixture('xmp-gps.webp'),
        photo: fixture('exif-gps.heic'),
      }),
    ).toEqual([
      located('notes.txt', 'JPEG', 'EXIF'),
      located('photo', 'HEIC', 'EXIF'),
      located('photo.png', 'WebP', 'XMP'),
    ]);
  });

  it('passes files that are not images, whatever their name', () => {
    expect(
      check({ 'broken.jpg': 'not an image', 'data.csv': 'a,b\n1,2\n', 'empty.png': '' }),
    ).toEqual([]);
  });

  it('names an SVG that holds a located photo as a data: URL, as matplotlib embeds imshow images', () => {
    const embed = (name: string, mime: string) =>
      `<?xml version="1.0" encoding="utf-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">\n <image xlink:href="data:${mime};base64,\n${fixture(name).toString('base64').replace(/.{76}/g, '$&\n')}" width="10" height="10"/>\n</svg>\n`;
    expect(
      check({
        'plot.svg': embed('exif-gps.jpg', 'image/jpeg'),
        'logo.svg': embed('plain.png', 'image/png'),
        'map.svg': embed('xmp-gps.webp', 'image/webp'),
      }),
    ).toEqual([
      {
        file: 'map.svg',
        message: `the file is an SVG image holding a WebP image with a GPS location in its XMP data, ${fix}`,
      },
      {
        file: 'plot.svg',
        message: `the file is an SVG image holding a JPEG image with a GPS location in its EXIF data, ${fix}`,
      },
    ]);
  });

  it('ignores folders that do not exist', () => {
    expect(findLocatedImages([path.join(os.tmpdir(), 'casefolio-no-such-folder')], '/')).toEqual(
      [],
    );
  });
});

/** A JPEG's segments after SOI, up to and including SOS with the rest of the file. */
function jpegSegments(jpeg: Buffer): Buffer[] {
  const segments: Buffer[] = [];
  let offset = 2;
  while (jpeg[offset + 1] !== 0xda) {
    const end = offset + 2 + jpeg.readUInt16BE(offset + 2);
    segments.push(jpeg.subarray(offset, end));
    offset = end;
  }
  return [...segments, jpeg.subarray(offset)];
}

const app1 = (payload: Buffer) => {
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
};
const isExifSegment = (segment: Buffer) =>
  segment[1] === 0xe1 && segment.toString('latin1', 4, 10) === 'Exif\0\0';

/** The plain JPEG with extra segments before its image data. */
const jpegWith = (...extra: Buffer[]) => {
  const segments = jpegSegments(fixture('plain.jpg'));
  const scan = segments.pop()!;
  return Buffer.concat([Buffer.from([0xff, 0xd8]), ...segments, ...extra, scan]);
};
const xmpSegment = (xmp: string) =>
  app1(Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(xmp)]));
const xmpPacket = (properties: string) =>
  `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" ${properties}</rdf:Description></rdf:RDF></x:xmpmeta>`;

/** A PNG's chunks after the signature. */
function pngChunks(png: Buffer): { type: string; bytes: Buffer }[] {
  const chunks = [];
  for (let offset = 8; offset < png.length;) {
    const end = offset + 12 + png.readUInt32BE(offset);
    chunks.push({
      type: png.toString('latin1', offset + 4, offset + 8),
      bytes: png.subarray(offset, end),
    });
    offset = end;
  }
  return chunks;
}
const pngChunk = (type: string, data: Buffer) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
};
const pngSignature = Buffer.from('89504e470d0a1a0a', 'hex');

describe('findLocatedImages, on blocks that first readers miss', () => {
  it('reads every EXIF block of a JPEG, not only the first', () => {
    const gps = jpegSegments(fixture('exif-gps.jpg')).find(isExifSegment)!;
    expect(check({ 'two.jpg': jpegWith(gps) })).toEqual([located('two.jpg', 'JPEG', 'EXIF')]);
  });

  it('reads XMP written as elements, in double quotes, or by a drone', () => {
    const files = {
      'element.jpg': jpegWith(
        xmpSegment(xmpPacket('><exif:GPSLongitude>2,21.132E</exif:GPSLongitude>')),
      ),
      'quotes.jpg': jpegWith(xmpSegment(xmpPacket('exif:GPSLatitude="48,51.396N">'))),
      'drone.jpg': jpegWith(
        xmpSegment(
          xmpPacket(
            'xmlns:drone-dji="http://www.dji.com/drone-dji/1.0/" drone-dji:GpsLatitude="+48.8566">',
          ),
        ),
      ),
    };
    expect(check(files)).toEqual([
      located('drone.jpg', 'JPEG', 'XMP'),
      located('element.jpg', 'JPEG', 'XMP'),
      located('quotes.jpg', 'JPEG', 'XMP'),
    ]);
  });

  it('passes XMP whose GPS properties are empty', () => {
    const xmp = xmpSegment(xmpPacket('exif:GPSLatitude="" exif:GPSVersionID="2.3.0.0">'));
    expect(check({ 'empty.jpg': jpegWith(xmp) })).toEqual([]);
  });

  it('reads extended XMP split over several JPEG segments', () => {
    const text = Buffer.from(xmpPacket(`exif:GPSLatitude="48,51.396N">`));
    const guid = Buffer.from('0123456789ABCDEF0123456789ABCDEF', 'latin1');
    const part = (offset: number, end: number) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(text.length);
      head.writeUInt32BE(offset, 4);
      const sig = Buffer.from('http://ns.adobe.com/xmp/extension/\0', 'latin1');
      return app1(Buffer.concat([sig, guid, head, text.subarray(offset, end)]));
    };
    const cut = text.indexOf('GPSLat') + 3;
    expect(check({ 'extended.jpg': jpegWith(part(cut, text.length), part(0, cut)) })).toEqual([
      located('extended.jpg', 'JPEG', 'XMP'),
    ]);
  });

  it('reads PNG metadata written after the image data', () => {
    const late = (name: string) => {
      const chunks = pngChunks(fixture(name));
      const meta = chunks.filter(({ type }) => type === 'eXIf' || type === 'iTXt');
      const rest = chunks.filter((chunk) => !meta.includes(chunk));
      const end = rest.pop()!;
      return Buffer.concat([pngSignature, ...[...rest, ...meta, end].map(({ bytes }) => bytes)]);
    };
    expect(check({ 'exif.png': late('exif-gps.png'), 'xmp.png': late('xmp-gps.png') })).toEqual([
      located('exif.png', 'PNG', 'EXIF'),
      located('xmp.png', 'PNG', 'XMP'),
    ]);
  });

  it('reads compressed XMP and the raw profiles ImageMagick writes into PNG text', () => {
    const chunks = pngChunks(fixture('plain.png'));
    const withChunk = (chunk: Buffer) =>
      Buffer.concat([
        pngSignature,
        chunks[0]!.bytes,
        chunk,
        ...chunks.slice(1).map(({ bytes }) => bytes),
      ]);
    const exif = jpegSegments(fixture('exif-gps.jpg')).find(isExifSegment)!.subarray(4);
    const hex = exif.toString('hex').replace(/.{1,72}/g, '$&\n');
    const raw = Buffer.from(
      `Raw profile type exif\0\nexif\n${String(exif.length).padStart(8)}\n${hex}`,
      'latin1',
    );
    const xmp = Buffer.concat([
      Buffer.from('XML:com.adobe.xmp\0\x01\x00\0\0', 'latin1'),
      zlib.deflateSync(xmpPacket('exif:GPSLatitude="48,51.396N">')),
    ]);
    expect(
      check({
        'raw.png': withChunk(pngChunk('tEXt', raw)),
        'zxmp.png': withChunk(pngChunk('iTXt', xmp)),
      }),
    ).toEqual([located('raw.png', 'PNG', 'EXIF'), located('zxmp.png', 'PNG', 'XMP')]);
  });

  it("reads EXIF whose last IFD leaves out the next IFD's offset, as libpng's test image does", () => {
    // Header; IFD0 pointing to the GPS IFD; GPSLatitude's three rationals; the GPS IFD, cut short.
    const tiff = Buffer.from(
      '4d4d002a00000008' +
        '0001' +
        '8825' +
        '0004' +
        '00000001' +
        '00000032' +
        '00000000' +
        '00000030000000010000003300000001' +
        '0000000000000001' +
        '0001' +
        '0002' +
        '0005' +
        '00000003' +
        '0000001a',
      'hex',
    );
    const chunks = pngChunks(fixture('plain.png'));
    const png = Buffer.concat([
      pngSignature,
      chunks[0]!.bytes,
      pngChunk('eXIf', tiff),
      ...chunks.slice(1).map(({ bytes }) => bytes),
    ]);
    expect(check({ 'short.png': png })).toEqual([located('short.png', 'PNG', 'EXIF')]);
  });

  it('passes a GPS block whose position is all zeros, as cameras without a fix write it', async () => {
    const zero = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
      .jpeg()
      .withExif({
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '0/1 0/1 0/1', GPSLongitude: '0/1 0/1 0/1' },
      })
      .toBuffer();
    expect(check({ 'zero.jpg': zero })).toEqual([]);
  });
});

describe('findLocatedImages, on images it cannot read', () => {
  const cannot = (file: string, format: string, why: string) => ({
    file,
    message: `the file starts like a ${format} image but its metadata cannot be read (${why}), so it cannot be checked for a GPS location; re-export it, or remove it if it is not meant to be published, and build again`,
  });

  it('reports a truncated image instead of passing it', () => {
    const jpeg = fixture('exif-gps.jpg');
    const webp = fixture('exif-gps.webp');
    expect(
      check({ 'cut.jpg': jpeg.subarray(0, 40), 'cut.webp': webp.subarray(0, webp.length - 20) }),
    ).toEqual([
      cannot('cut.jpg', 'JPEG', 'a block runs past the end of the file'),
      cannot('cut.webp', 'WebP', 'a block runs past the end of the file'),
    ]);
  });

  it('reports EXIF it cannot follow', () => {
    const broken = app1(Buffer.from('Exif\0\0MM\0\x2a\xff\xff\xff\xff', 'latin1'));
    expect(check({ 'bad-exif.jpg': jpegWith(broken) })).toEqual([
      cannot('bad-exif.jpg', 'JPEG', 'a block runs past the end of the file'),
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('reports a file it cannot open', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-gps-'));
    made.push(root);
    fs.writeFileSync(path.join(root, 'locked.jpg'), fixture('exif-gps.jpg'), { mode: 0o000 });
    expect(findLocatedImages([root], root)).toEqual([
      {
        file: 'locked.jpg',
        message:
          'the file cannot be read (EACCES), so it cannot be checked for a GPS location; make it readable, or remove it if it is not meant to be published, and build again',
      },
    ]);
  });

  it('refuses compressed XMP that inflates past the limit', () => {
    const chunks = pngChunks(fixture('plain.png'));
    const bomb = Buffer.concat([
      Buffer.from('XML:com.adobe.xmp\0\x01\x00\0\0', 'latin1'),
      zlib.deflateSync(Buffer.alloc(17 * 1024 * 1024, 0x20)),
    ]);
    const png = Buffer.concat([
      pngSignature,
      chunks[0]!.bytes,
      pngChunk('iTXt', bomb),
      ...chunks.slice(1).map(({ bytes }) => bytes),
    ]);
    expect(check({ 'bomb.png': png })).toEqual([
      cannot('bomb.png', 'PNG', 'a metadata block is over the 16 MB the check reads'),
    ]);
  });
});
