import { copyFileSync, cpSync, linkSync, renameSync, rmSync } from 'node:fs';

/**
 * Moves a file or folder to `target`: a rename when it can be one, otherwise
 * (another file system, or a folder already at `target`, whose contents are
 * kept) a copy, after which `source` is removed.
 */
export function moveInto(source: string, target: string): void {
  try {
    renameSync(source, target);
  } catch {
    cpSync(source, target, { recursive: true });
    rmSync(source, { recursive: true, force: true });
  }
}

/**
 * Puts the file `source` at `target` too: a hard link when it can be one,
 * otherwise (another file system, one without links, a file already at
 * `target`) a copy. A link makes no second file: at 1,000 Open Graph cards
 * that is 1,000 files fewer to create and to delete, and creating files
 * costs more than writing them on a file system that has just deleted many
 * (ext4 without a journal does not reuse an inode freed within the last
 * minute, and looks past each one). The two names share their bytes, so
 * neither may be written to in place afterwards; both are only read, moved
 * or removed.
 */
export function linkOrCopy(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}
