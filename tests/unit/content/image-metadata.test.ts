import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLocatedImages } from '../../../src/content/image-metadata.ts';

let root: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-gps-'));
  fs.mkdirSync(path.join(root, 'public', 'photos'), { recursive: true });
  const image = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } });
  await image()
    .jpeg()
    .withExif({
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 21/1 0/1',
      },
    })
    .toFile(path.join(root, 'public', 'photos', 'paris.jpg'));
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

  it('ignores folders that do not exist', async () => {
    expect(await findLocatedImages([path.join(root, 'nope')], root)).toEqual([]);
  });
});
