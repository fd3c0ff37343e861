import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

/**
 * The one rule for names the engine passes over in content/ (and in
 * templates/, and in the run folders content holds): a name that
 * starts with `_` or `.`, file or folder, with everything under it. `_` is
 * the content contract's ("a leading `_` (file or folder) is ignored
 * entirely"): the intern's notes and scratch. `.` is hidden: `.DS_Store`,
 * `.git`, an editor's swap file, never content. Drafts are not a matter of
 * names: the content check reads them, and the build's plan leaves them out.
 */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('_') || name.startsWith('.');
}

export interface WalkOptions {
  /**
   * `every` walks ignored names too, for files that count whatever their
   * name: Astro publishes every file in public/ (`.well-known/` included),
   * a build's output keeps its assets in `_astro/`, and
   * `npm run new -- --fresh` must see every file before it removes a folder.
   */
  names?: 'unignored' | 'every';
  /** Folders not to enter, by their path relative to the walked folder (`artifacts`, `drafty`). */
  skipFolder?: (relative: string) => boolean;
  /**
   * Whether a symbolic link is walked as what it points at (the default, as
   * Astro and Vite read files), or listed as itself, a file that is not
   * regular, so nothing outside the folder is ever reached through it.
   */
  followLinks?: boolean;
  /** How many levels to list: 1 is the folder's own files, 2 adds those of its subfolders. */
  maxDepth?: number;
}

/**
 * What a link points at, or undefined when it cannot be followed: it
 * dangles, is a loop of links, or is a folder that holds it (walking it
 * would never end). Such a link is listed as a file that is not regular, and
 * `files/broken-links.ts` names it.
 */
function followed(link: string): Stats | undefined {
  try {
    const target = statSync(link);
    if (target.isDirectory() && holdsItsLink(link)) return undefined;
    return target;
  } catch {
    return undefined;
  }
}

/** Whether a link to a folder points at the folder it is in, or one above. */
export function holdsItsLink(link: string): boolean {
  const target = realpathSync.native(link);
  const relative = path.relative(target, realpathSync.native(path.dirname(link)));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** A file found under a walked folder. */
export interface WalkedFile {
  /** Absolute path. */
  path: string;
  /** Relative to the walked folder, with forward slashes: `churn/history.csv`. */
  relative: string;
  /** A regular file: not a device or socket, nor a link when links are not followed. */
  regular: boolean;
}

/**
 * Every file under a folder, passing over ignored names (`isIgnoredName`)
 * unless `names` is `every`; in name order at each level, a folder's files
 * where its name sorts. None when the folder does not exist. Entries are
 * typed as they are listed, so only links cost a `stat`.
 */
export function walkFiles(dir: string, options: WalkOptions = {}): WalkedFile[] {
  const { names = 'unignored', skipFolder, followLinks = true, maxDepth = Infinity } = options;
  const found: WalkedFile[] = [];
  const walk = (folder: string, prefix: string, depth: number) => {
    const entries = readdirSync(folder, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (names === 'unignored' && isIgnoredName(entry.name)) continue;
      const full = path.join(folder, entry.name);
      const relative = `${prefix}${entry.name}`;
      const target = followLinks && entry.isSymbolicLink() ? (followed(full) ?? entry) : entry;
      if (!target.isDirectory()) found.push({ path: full, relative, regular: target.isFile() });
      else if (depth < maxDepth && !skipFolder?.(relative)) walk(full, `${relative}/`, depth + 1);
    }
  };
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory()) walk(dir, '', 1);
  return found;
}
