import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';

/** The avatar's width and height on the home page, in CSS pixels: a square. */
export const AVATAR_SIZE = 128;

/**
 * The address of the avatar as the home page shows it, for structured data:
 * the same optimised copy as the page's `<img>` (one file, and never the
 * original, which may carry camera metadata).
 */
export async function avatarSrc(avatar: ImageMetadata): Promise<string> {
  const image = await getImage({ src: avatar, width: AVATAR_SIZE, height: AVATAR_SIZE });
  return image.src;
}
