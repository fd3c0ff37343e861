import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * Empties a build's output folder the way Astro does before it writes a new
 * site: everything goes but `.git`, which a site deployed from a branch of
 * its own keeps in that folder.
 */
export function emptyOutDir(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (name === '.git') continue;
    rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}
