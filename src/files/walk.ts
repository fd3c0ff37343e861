import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { isInside, type LinkProblem } from './paths.ts';

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
  /**
   * The folder a followed link must lead into, after every link on the way
   * is resolved: the walked folder unless given (content/ for a run folder
   * inside it). A link that leads out of it, nowhere, or back into a folder
   * the walk is already in is not followed but refused (`walkFolder`).
   */
  within?: string;
  /** How many levels to list: 1 is the folder's own files, 2 adds those of its subfolders. */
  maxDepth?: number;
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

/** A link the walk did not follow, and why. */
export interface RefusedLink {
  /** Absolute path of the link. */
  path: string;
  /** Relative to the walked folder, with forward slashes; `''` when the walked folder itself is the link. */
  relative: string;
  problem: LinkProblem;
  /** Whether it leads to a folder (known only when it leads somewhere). */
  folder: boolean;
}

export interface FolderWalk {
  files: WalkedFile[];
  refused: RefusedLink[];
  /**
   * Folders that could not be listed (no permission, say), with the error's
   * code: passed over, so a walk never throws; files/broken-links.ts names them.
   */
  unreadable: { path: string; relative: string; code: string }[];
}

/**
 * Where a link leads, when a walk inside the folders `inside` (real paths)
 * may follow it; else why not.
 */
function followLink(
  link: string,
  inside: ReadonlySet<string>,
  boundary: string,
): { real: string; stats: Stats } | { problem: LinkProblem; folder: boolean } {
  let real: string;
  let stats: Stats;
  try {
    real = realpathSync.native(link);
    stats = statSync(real);
  } catch (error) {
    const loop = (error as NodeJS.ErrnoException).code === 'ELOOP';
    return { problem: loop ? 'loop' : 'dangling', folder: false };
  }
  const folder = stats.isDirectory();
  if (folder && inside.has(real)) return { problem: 'loop', folder };
  if (!isInside(real, boundary)) return { problem: 'outside', folder };
  return { real, stats };
}

/** A folder's real path, when it has one. */
function realPath(dir: string): string | undefined {
  try {
    return realpathSync.native(dir);
  } catch {
    return undefined;
  }
}

/**
 * Every file under a folder, passing over ignored names (`isIgnoredName`)
 * unless `names` is `every`; in name order at each level, a folder's files
 * where its name sorts. None when the folder does not exist. Entries are
 * typed as they are listed, so only links cost more than the listing.
 *
 * Links are followed only into `within`: a link that leads out of it (after
 * every link on the way is resolved), to nothing, or in a loop (into a folder
 * the walk is already inside) is listed in `refused` instead, and nothing
 * behind it is read. So a walk never throws on a link and never ends.
 */
export function walkFolder(dir: string, options: WalkOptions = {}): FolderWalk {
  const { names = 'unignored', skipFolder, followLinks = true, maxDepth = Infinity } = options;
  const files: WalkedFile[] = [];
  const refused: RefusedLink[] = [];
  const unreadable: FolderWalk['unreadable'] = [];
  const top = realPath(dir);
  if (top === undefined || !statSync(top).isDirectory()) return { files, refused, unreadable };
  const boundary = options.within === undefined ? top : (realPath(options.within) ?? top);
  if (top !== boundary && !isInside(top, boundary)) {
    refused.push({ path: dir, relative: '', problem: 'outside', folder: true });
    return { files, refused, unreadable };
  }
  // The real paths of the folders the walk is inside: a link back into one is a loop.
  const inside = new Set<string>();
  const walk = (folder: string, real: string, prefix: string, depth: number) => {
    inside.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      unreadable.push({ path: folder, relative: prefix.replace(/\/$/, ''), code });
      inside.delete(real);
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (names === 'unignored' && isIgnoredName(entry.name)) continue;
      const full = path.join(folder, entry.name);
      const relative = `${prefix}${entry.name}`;
      let target: Dirent | Stats = entry;
      let targetReal = path.join(real, entry.name);
      if (followLinks && entry.isSymbolicLink()) {
        const followed = followLink(full, inside, boundary);
        if ('problem' in followed) {
          refused.push({ path: full, relative, ...followed });
          continue;
        }
        target = followed.stats;
        targetReal = followed.real;
      }
      if (!target.isDirectory()) files.push({ path: full, relative, regular: target.isFile() });
      else if (depth < maxDepth && !skipFolder?.(relative)) {
        walk(full, targetReal, `${relative}/`, depth + 1);
      }
    }
    inside.delete(real);
  };
  walk(dir, top, '', 1);
  return { files, refused, unreadable };
}

/** The files of `walkFolder`, without the links it refused. */
export function walkFiles(dir: string, options: WalkOptions = {}): WalkedFile[] {
  return walkFolder(dir, options).files;
}
