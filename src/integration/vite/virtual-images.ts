import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { isImagePath } from '../../files/image-types.ts';
import { walkFiles } from '../../files/walk.ts';

const ID = 'virtual:casefolio/images';
const RESOLVED_ID = `\0${ID}`;
const NOTEBOOK_ID = 'virtual:casefolio/notebook-images';
const NOTEBOOK_RESOLVED_ID = `\0${NOTEBOOK_ID}`;

/** Every image under a folder, passing over ignored names and the given folders (drafts). */
function findImages(dir: string, skip: ReadonlySet<string>): string[] {
  return walkFiles(dir, { skipFolder: (relative) => skip.has(path.join(dir, relative)) })
    .map(({ path: file }) => file)
    .filter((file) => isImagePath(file));
}

/**
 * A module of lazy imports, one per image file, keyed by absolute path:
 * each import goes through Astro's image pipeline (optimisable image
 * metadata with width and height), and only the images a page uses are
 * bundled.
 */
function lazyImports(files: readonly string[]): string {
  const entries = files.map(
    (file) => `  ${JSON.stringify(file)}: () => import(${JSON.stringify(file)}),`,
  );
  return `export default {\n${entries.join('\n')}\n};\n`;
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
      return lazyImports(images);
    },
  };
}

/**
 * Serves `virtual:casefolio/notebook-images`: a lazy import per image the
 * content check decoded from a notebook's outputs (files in the build's
 * cache, named by their SHA-256), keyed by absolute path, so `<Notebook>`'s
 * images go through Astro's image pipeline as `<Figure>`'s do. `getImages`
 * waits for the check, which writes the files before this module is loaded;
 * `astro dev` loads it again after a re-check (`reloadNotebookImages`).
 */
export function virtualNotebookImages(
  getImages: () => Promise<readonly string[]> | readonly string[],
): Plugin {
  return {
    name: 'casefolio:notebook-images',
    resolveId(id) {
      return id === NOTEBOOK_ID ? NOTEBOOK_RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== NOTEBOOK_RESOLVED_ID) return undefined;
      return lazyImports([...(await getImages())].sort());
    },
  };
}

/**
 * Makes `astro dev` load virtual:casefolio/notebook-images again (and the
 * modules that import it), after a re-check may have decoded new images.
 */
export function reloadNotebookImages(server: Pick<ViteDevServer, 'environments'>): void {
  for (const environment of Object.values(server.environments)) {
    const graph = environment.moduleGraph;
    const module = graph.getModuleById(NOTEBOOK_RESOLVED_ID);
    if (module) graph.invalidateModule(module);
  }
}
