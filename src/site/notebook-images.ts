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

/** The widths an image is made in, up to its own; the column is 42rem wide. */
export function imageWidths(width: number): number[] {
  return [480, 800, 1200].filter((candidate) => candidate <= width);
}

export const IMAGE_SIZES = '(min-width: 42rem) 42rem, 100vw';

async function metadata(file: string): Promise<ImageMetadata> {
  const load = images[file];
  // The check decodes every image a page can show before Vite lists them.
  if (!load) throw new Error(`notebook image not found: ${file}; save the case study again`);
  return (await load()).default;
}

async function inline(file: string): Promise<ImageAttributes> {
  const image = await metadata(file);
  const made = await getImage({ src: image, widths: imageWidths(image.width), sizes: IMAGE_SIZES });
  return {
    src: made.src,
    width: image.width,
    height: image.height,
    ...(made.srcSet.values.length > 0 ? { srcset: made.srcSet.attribute, sizes: IMAGE_SIZES } : {}),
  };
}

/** The images of the notebooks on this site's pages. */
export const notebookImages: NotebookImages<ImageMetadata> = { output: metadata, inline };
