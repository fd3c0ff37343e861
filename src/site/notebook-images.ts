import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';
import images from 'virtual:casefolio/notebook-images';
import type { ImageAttributes } from './notebook-markdown.ts';
import type { NotebookImages } from './notebook-render.ts';

/**
 * A notebook's images through Astro's image pipeline, as `<Figure>`'s go:
 * each file the content check decoded is a lazy import of
 * virtual:casefolio/notebook-images (image metadata with width and height),
 * and the page gets optimised copies in the sizes below, never the
 * notebook's base64.
 */

const IMAGE_SIZES = '(min-width: 42rem) 42rem, 100vw';

/**
 * The widths an image is made in, up to its own (the column is 42rem wide),
 * and how wide it shows; nothing for an image narrower than the smallest,
 * which is shown as it is (a `sizes` without a `srcset` is invalid HTML).
 */
function imageSizing(width: number): { widths?: number[]; sizes?: string } {
  const widths = [480, 800, 1200].filter((candidate) => candidate <= width);
  return widths.length > 0 ? { widths, sizes: IMAGE_SIZES } : {};
}

/**
 * The `<Image>` props of an image output: shown at the size its notebook
 * gives (a retina figure at half its pixels, sharp on a retina screen
 * through a 2x copy), else made in the widths above.
 */
export function outputSizing(
  width: number,
  display: { width: number; height: number } | undefined,
): { widths?: number[]; sizes?: string } | { width: number; height: number; densities?: number[] } {
  if (!display) return imageSizing(width);
  return {
    width: display.width,
    height: display.height,
    ...(display.width * 2 <= width ? { densities: [1, 2] } : {}),
  };
}

async function metadata(file: string): Promise<ImageMetadata> {
  const load = images[file];
  // The check decodes every image a page can show before Vite lists them.
  if (!load) throw new Error(`notebook image not found: ${file}; save the case study again`);
  return (await load()).default;
}

async function inline(file: string): Promise<ImageAttributes> {
  const image = await metadata(file);
  const sizing = imageSizing(image.width);
  const made = await getImage({ src: image, ...sizing });
  return {
    src: made.src,
    width: image.width,
    height: image.height,
    ...(made.srcSet.values.length > 0 && sizing.sizes
      ? { srcset: made.srcSet.attribute, sizes: sizing.sizes }
      : {}),
  };
}

/** The images of the notebooks on this site's pages. */
export const notebookImages: NotebookImages<ImageMetadata> = { output: metadata, inline };
