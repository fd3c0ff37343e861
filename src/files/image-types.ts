/** Image formats astro:assets can optimise, as file extensions. */
export const IMAGE_EXTENSIONS = [
  '.png',
  '.jpg',
  '.jpeg',
  '.webp',
  '.avif',
  '.gif',
  '.svg',
] as const;

export function isImagePath(file: string): boolean {
  const lower = file.toLowerCase();
  return IMAGE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}
