import path from 'node:path';
import type { Plugin } from 'vite';
import { isImagePath } from '../../files/image-types.ts';
import { walkFiles } from '../../files/walk.ts';

const ID = 'virtual:casefolio/images';
const RESOLVED_ID = `\0${ID}`;

/** Every image under a folder, passing over ignored names and the given folders (drafts). */
function findImages(dir: string, skip: ReadonlySet<string>): string[] {
  return walkFiles(dir, { skipFolder: (relative) => skip.has(path.join(dir, relative)) })
    .map(({ path: file }) => file)
    .filter((file) => isImagePath(file));
}

/**
 * Serves `virtual:casefolio/images`: a lazy import per image in the content
 * folder, keyed by absolute path, so `<Figure src="./plot.png">` resolves to
 * optimisable image metadata wherever the content lives. Draft folders are
 * skipped in production so their images are never bundled.
 */
export function virtualImages(
  getContent: () =>
    | Promise<{ dir: string; skip: string[] } | undefined>
    | { dir: string; skip: string[] }
    | undefined,
): Plugin {
  return {
    name: 'casefolio:images',
    resolveId(id) {
      return id === ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const content = await getContent();
      const images = content ? findImages(content.dir, new Set(content.skip)) : [];
      const entries = images.map(
        (file) => `  ${JSON.stringify(file)}: () => import(${JSON.stringify(file)}),`,
      );
      return `export default {\n${entries.join('\n')}\n};\n`;
    },
  };
}
