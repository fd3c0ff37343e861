import { z } from 'astro/zod';
import { nameString, plainString } from './text.ts';

/**
 * How a schema reads an image path. Inside Astro this is the content layer's
 * `image()` helper (the path becomes optimisable image metadata); the content
 * checker passes a plain path schema and checks the file itself.
 */
export type ImageSchema = z.ZodType;

/** A relative path as written in content, before anything resolves it. */
export const localPathSchema = nameString.trim().min(1);

/** A cover image with its text alternative. */
export function coverSchema<I extends ImageSchema>(image: I) {
  return z.strictObject({
    /** Path to the image, relative to the case study file: `./cover.png`. */
    src: image,
    /** What the image shows, for people who cannot see it. Required. */
    alt: plainString.trim().refine((alt) => alt.length > 0, {
      error: 'alt text is required: describe what the image shows',
    }),
  });
}
