import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import type { ContentProblem } from '../problems/problem.ts';

/** Photo formats that carry EXIF and GPS blocks. */
const PHOTO = /\.(jpe?g|png|webp|tiff?|heic|heif|avif)$/i;

function photosUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    if (name.startsWith('.') || name === 'node_modules') return [];
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return photosUnder(full);
    return PHOTO.test(name) ? [full] : [];
  });
}

/**
 * Images that would publish where they were taken: a GPS position in their
 * EXIF data. Files in public/ are copied as they are, and originals of
 * content images can be too, so these fail the build with the file named.
 */
export async function findLocatedImages(
  folders: readonly string[],
  root: string,
): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  for (const file of folders.flatMap(photosUnder)) {
    let gps: { latitude?: number; longitude?: number } | undefined;
    try {
      gps = (await exifr.gps(readFileSync(file))) ?? undefined;
    } catch {
      gps = undefined; // no readable metadata block: nothing to leak
    }
    if (gps && Number.isFinite(gps.latitude) && Number.isFinite(gps.longitude)) {
      problems.push({
        file: path.relative(root, file).split(path.sep).join('/'),
        message:
          'the image carries a GPS location in its metadata, which would be published; re-export it without location data (for example `exiftool -gps:all= FILE`) and build again',
      });
    }
  }
  return problems;
}
