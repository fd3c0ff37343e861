/**
 * Runs `run` once a burst of calls has gone quiet for `ms` milliseconds.
 *
 * Editors and scripts save a file in more than one step (truncate, then
 * write; or write a temporary file, then rename), and the file watcher
 * reports each step. Reading on the first event can see an empty file, and
 * the watcher may not report the step that completed it, so the dev server
 * would show an error for a file that is fine. Waiting for the burst to
 * settle reads the file once, as saved.
 */
export function settle(run: () => void | Promise<void>, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void run();
    }, ms);
  };
}
