import { readFileSync } from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import type { ContentProblem } from '../problems/problem.ts';
import { walkFiles } from '../files/walk.ts';

/** Photo formats that carry EXIF and GPS blocks. */
const PHOTO = /\.(jpe?g|png|webp|tiff?|heic|heif|avif)$/i;

/**
 * Every photo under a folder, whatever its name: Astro publishes every file
 * in public/ (`.well-known/` too), and a frontmatter path may name any file
 * in content/ (`./_drafts/cover.jpg`), so no name is passed over.
 */
function photosUnder(dir: string): string[] {
  // Links are followed wherever they lead (loops excepted): Astro copies what
  // a link in public/ points at, so that is what is checked.
  return walkFiles(dir, { names: 'every', within: path.parse(path.resolve(dir)).root })
    .map(({ path: file }) => file)
    .filter((file) => PHOTO.test(file));
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
