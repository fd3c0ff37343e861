import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { walkFiles } from '../files/walk.ts';

const IMAGE = /\.(png|jpe?g|gif|webp|avif|tiff?|svg)$/i;
const TEXT = /\.(html|css|js|mjs|json|xml|txt|webmanifest)$/i;

/** Every file under a folder of the build's output, whatever its name (`_astro/`). */
function filesUnder(dir: string): string[] {
  return walkFiles(dir, { names: 'every' }).map(({ path: file }) => file);
}

/**
 * Removes bundled images no page refers to. Astro copies the original of an
 * image imported in code (`<Figure>`'s lazy imports) even though pages only
 * use the optimised copies, and an original keeps its camera metadata.
 * Returns the removed files, relative to `dist`.
 */
export function pruneUnreferencedImages(dist: string): string[] {
  const assets = path.join(dist, '_astro');
  const images = filesUnder(assets).filter((file) => IMAGE.test(file));
  // Reading every page is only worth it when there is an image to keep or remove.
  if (images.length === 0) return [];
  const referenced = new Set<string>();
  for (const file of filesUnder(dist)) {
    if (!TEXT.test(file) || file.includes(`${path.sep}pagefind${path.sep}`)) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(/_astro\/([^"'\s)?#,<>\\]+)/g)) {
      if (match[1]) referenced.add(match[1]);
    }
  }
  const removed: string[] = [];
  for (const image of images) {
    const name = path.relative(assets, image).split(path.sep).join('/');
    if (referenced.has(name)) continue;
    rmSync(image);
    removed.push(`_astro/${name}`);
  }
  return removed;
}
