import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parseYaml } from '../frontmatter.ts';

/**
 * Loads content/profile.yaml as the single entry `profile`. The file was
 * validated before Astro started; this only hands it to the collection (so
 * `image()` resolves the avatar) and reloads it when it changes in dev.
 */
export function profileLoader(profilePath: string): Loader {
  return {
    name: 'casefolio-profile',
    load: async ({ store, parseData, generateDigest, watcher, config, logger }) => {
      const sync = async () => {
        const text = await readFile(profilePath, 'utf8');
        const parsed = parseYaml(text);
        if (!parsed.ok) {
          throw new Error(`${profilePath}: invalid YAML on line ${parsed.line}: ${parsed.message}`);
        }
        // An empty or non-mapping file (mid-save, or a mistake) keeps the last
        // good profile; Casefolio's own check reports the problem in the overlay.
        if (typeof parsed.yaml.data !== 'object' || parsed.yaml.data === null) return;
        const data = await parseData({
          id: 'profile',
          data: parsed.yaml.data as Record<string, unknown>,
          filePath: profilePath,
        });
        store.clear();
        store.set({
          id: 'profile',
          data,
          digest: generateDigest(text),
          filePath: path.relative(fileURLToPath(config.root), profilePath),
        });
      };
      await sync();
      // In dev a broken save must not crash the server: the check shows the
      // problem in the overlay, and the next save reloads the profile. A save
      // read half-way is read again: the integration re-announces each changed
      // file once the save has settled.
      watcher?.add(profilePath);
      watcher?.on('change', (changed) => {
        if (path.resolve(changed) !== path.resolve(profilePath)) return;
        sync().catch((error: unknown) => logger.warn(String(error)));
      });
    },
  };
}
