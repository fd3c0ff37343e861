/**
 * `astro dev`'s watch on the content folder. Data files and artifacts are
 * read at render time, outside Vite's module graph, so saving one would not
 * refresh the page on its own: every change under content/ re-runs the
 * checks (errors go to the overlay) and reloads the page.
 */

import path from 'node:path';
import type { HookParameters } from 'astro';
import { debounce } from 'es-toolkit/function';
import type { IntegrationState } from './state.ts';
import { reloadNotebookImages } from './vite/virtual-images.ts';

/** Quiet time after the last change under content/ before `astro dev` re-checks and reloads. */
const RELOAD_SETTLE_MS = 150;

/**
 * `run`, never twice at once: called while it runs, it runs once more when
 * it has finished, however often it was called meanwhile. A re-check hands
 * the pages the frontmatter and values it read, so two at once could end in
 * the wrong order, the older one last: a save made while the machine was
 * busy re-checking the one before would then never show.
 */
export function oneAtATime(
  run: () => Promise<void>,
  onError: (error: unknown) => void,
): () => void {
  let running = false;
  let again = false;
  const start = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    void run()
      .catch(onError)
      .finally(() => {
        running = false;
        if (again) start();
      });
  };
  return start;
}

/** astro:server:setup: watches the content folder of `state` on `server`. */
export function watchContent(
  server: HookParameters<'astro:server:setup'>['server'],
  state: IntegrationState,
  logger: Pick<HookParameters<'astro:server:setup'>['logger'], 'error'>,
): void {
  if (!state.resolved) return;
  const { contentDir } = state.resolved;
  // A save can come in two steps (truncate, then write), and the watcher may
  // report only the first: every loader, Astro's included, would then keep
  // the empty file. So once the changes have settled, each changed file is
  // announced again, which makes the loaders read it as saved (they skip a
  // file whose content did not change), then the checks run and the page reloads.
  const changed = new Set<string>();
  const recheckAndReload = debounce(
    oneAtATime(
      async () => {
        for (const file of changed) server.watcher.emit('change', file);
        changed.clear();
        await state.recheck?.();
        // The re-check may have decoded a notebook's new images: list them again.
        reloadNotebookImages(server);
        server.ws.send({ type: 'full-reload' });
      },
      (error) =>
        // One line, and the dev server keeps running: the next save tries again.
        logger.error(`the page could not be reloaded after a save: ${(error as Error).message}`),
    ),
    RELOAD_SETTLE_MS,
  );
  server.watcher.add(contentDir);
  // 'all' sees only real file-system events: chokidar does not repeat an
  // emitted 'change' there, so the announcements above do not loop.
  server.watcher.on('all', (event, file) => {
    const absolute = path.resolve(file);
    if (!absolute.startsWith(contentDir + path.sep)) return;
    if (event === 'change' || event === 'add') changed.add(absolute);
    recheckAndReload();
  });
  // A link that leads nowhere or in a loop is no file to the watcher, which
  // announces neither its making nor its removal: any change the system
  // reports under content/ re-runs the checks too, which name the link.
  server.watcher.on('raw', (_event, file, details) => {
    // fs.watch names a file in the folder it watches; FSEvents, the whole path.
    const folder = (details as { watchedPath?: unknown } | undefined)?.watchedPath;
    const absolute = path.resolve(String(folder ?? ''), String(file ?? ''));
    if (absolute.startsWith(contentDir + path.sep)) recheckAndReload();
  });
}
