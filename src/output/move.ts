import { cpSync, renameSync, rmSync } from 'node:fs';

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
