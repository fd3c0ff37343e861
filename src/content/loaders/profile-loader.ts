import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parseYaml } from '../frontmatter.ts';

/** A profile.yaml to load and the id of its entry (`profile`, or a cohort member's slug). */
interface ProfileFile {
  id: string;
  path: string;
}

/**
 * Loads each profile.yaml as one entry: content/profile.yaml as `profile`,
 * or in a cohort each member's by the member's slug. The files were
 * validated before Astro started; this only hands them to the collection
 * (so `image()` resolves the avatar) and reloads one when it changes in dev.
 */
export function profileLoader(profiles: readonly ProfileFile[]): Loader {
  return {
    name: 'casefolio-profile',
    load: async ({ store, parseData, generateDigest, watcher, config, logger }) => {
      const sync = async ({ id, path: profilePath }: ProfileFile) => {
        const text = await readFile(profilePath, 'utf8');
        const parsed = parseYaml(text);
        if (!parsed.ok) {
          throw new Error(`${profilePath}: invalid YAML on line ${parsed.line}: ${parsed.message}`);
        }
        // An empty or non-mapping file (mid-save, or a mistake) keeps the last
        // good profile; Casefolio's own check reports the problem in the overlay.
        if (typeof parsed.yaml.data !== 'object' || parsed.yaml.data === null) return;
        const data = await parseData({
          id,
          data: parsed.yaml.data as Record<string, unknown>,
          filePath: profilePath,
        });
        store.set({
          id,
          data,
          digest: generateDigest(text),
          filePath: path.relative(fileURLToPath(config.root), profilePath),
        });
      };
      const ids = new Set(profiles.map(({ id }) => id));
      // Entries of an earlier run whose file is no longer listed (a member removed).
      for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      for (const profile of profiles) await sync(profile);
      // In dev a broken save must not crash the server: the check shows the
      // problem in the overlay, and the next save reloads the profile. A save
      // read half-way is read again: the integration re-announces each changed
      // file once the save has settled.
      const byPath = new Map(profiles.map((profile) => [path.resolve(profile.path), profile]));
      for (const profile of profiles) watcher?.add(profile.path);
      watcher?.on('change', (changed) => {
        const profile = byPath.get(path.resolve(changed));
        if (!profile) return;
        sync(profile).catch((error: unknown) => logger.warn(String(error)));
      });
    },
  };
}
