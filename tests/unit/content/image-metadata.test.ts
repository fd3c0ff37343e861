import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLocatedImages } from '../../../src/content/image-metadata.ts';

let root: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-gps-'));
  for (const folder of ['public/photos', 'hidden/.well-known', 'hidden/_drafts']) {
    fs.mkdirSync(path.join(root, folder), { recursive: true });
  }
  const image = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } });
  const located = () =>
    image()
      .jpeg()
      .withExif({
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '48/1 51/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '2/1 21/1 0/1',
        },
      });
  await located().toFile(path.join(root, 'public', 'photos', 'paris.jpg'));
  await located().toFile(path.join(root, 'hidden', '.well-known', 'paris.jpg'));
  await located().toFile(path.join(root, 'hidden', '_drafts', 'paris.jpg'));
  await image()
    .jpeg()
    .withExif({ IFD0: { Make: 'No location' } })
    .toFile(path.join(root, 'public', 'plain.jpg'));
  await image()
    .png()
    .toFile(path.join(root, 'public', 'chart.png'));
  fs.writeFileSync(path.join(root, 'public', 'broken.jpg'), 'not an image');
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('findLocatedImages', () => {
  it('names only the images that carry a GPS position', async () => {
    expect(await findLocatedImages([path.join(root, 'public')], root)).toEqual([
      {
        file: 'public/photos/paris.jpg',
        message:
          'the image carries a GPS location in its metadata, which would be published; re-export it without location data (for example `exiftool -gps:all= FILE`) and build again',
      },
    ]);
  });

  // Astro copies every file of public/, and a path in content may name any file.
  it('looks at images in folders whose names the content check ignores', async () => {
    const found = await findLocatedImages([path.join(root, 'hidden')], root);
    expect(found.map(({ file }) => file)).toEqual([
      'hidden/.well-known/paris.jpg',
      'hidden/_drafts/paris.jpg',
    ]);
  });

  it('ignores folders that do not exist', async () => {
    expect(await findLocatedImages([path.join(root, 'nope')], root)).toEqual([]);
  });
});
