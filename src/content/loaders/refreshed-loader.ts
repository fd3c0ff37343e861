import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { resolveInside } from '../../files/paths.ts';
import { readDataFile } from '../../files/read.ts';

/**
 * What a change to a file under `dir` looks like: its path and content, or
 * that it cannot be read (gone, a link out of `dir`, over the size limit:
 * the check says which). Read as every data file is, within the limit.
 */
function fileStamp(file: string, dir: string): string {
  const read = resolveInside(file, dir).ok ? readDataFile(file) : undefined;
  const content = read?.ok ? createHash('sha256').update(read.text).digest('hex') : 'unreadable';
  return `${file}\0${content}`;
}

/**
 * A content loader whose entries change, in `astro dev`, when a file they may
 * read changes, not only their own file.
 *
 * A case study's page reads more than its MDX file: data files for <Chart>,
 * the artifact files and MLflow run folders its metrics come `from`. Astro
 * renders a collection's pages anew (it clears its cache of getStaticPaths,
 * which hold the metrics' values) only when an entry of a collection is
 * stored under a new digest, and the glob loader's digest covers only the
 * entry's own file. So when any other file under `dir` changes, every entry
 * is stored again under a digest of its own file and the changed one.
 *
 * Every entry, not the ones that name the file: a case study may read files
 * anywhere in the content folder (a single-file study reads from a folder
 * beside it, one study's chart may read another's data), and a page also
 * shows other studies' cards and results. Storing a few entries again costs
 * nothing next to the page reload that follows every save anyway.
 *
 * `isEntryFile` tells apart the files that loaders read themselves (each
 * MDX file, profile.yaml): their own loaders store them when they change.
 * Without a watcher (a build), the loader is unchanged.
 */
export function refreshedByFiles(
  loader: Loader,
  dir: string,
  isEntryFile: (file: string) => boolean,
): Loader {
  return {
    ...loader,
    load: async (context) => {
      await loader.load(context);
      const { watcher, store, generateDigest, config } = context;
      if (!watcher) return;
      const root = fileURLToPath(config.root);
      const restamp = async (changed: string) => {
        const file = path.resolve(changed);
        if (!file.startsWith(dir + path.sep) || isEntryFile(file)) return;
        const stamp = fileStamp(file, dir);
        for (const entry of store.values()) {
          if (!entry.filePath) continue;
          const own = await readFile(path.resolve(root, entry.filePath), 'utf8').catch(() => '');
          // Stored again only when the digest differs: the same content saved
          // twice (the dev server re-announces each settled save) changes nothing.
          store.set({ ...entry, digest: generateDigest(`${generateDigest(own)}\0${stamp}`) });
        }
      };
      for (const event of ['add', 'change', 'unlink'] as const) {
        watcher.on(event, (file: string) => void restamp(file));
      }
    },
  };
}
