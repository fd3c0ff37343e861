import type { Loader } from 'astro/loaders';

/**
 * A content loader that finishes only once Casefolio's content check has
 * passed (`checked` settles). A production build starts loading the
 * collections while the check still runs in its child process; content with
 * problems must end the build with the check's one-line messages, never with
 * an error of Astro's about the same file (a schema or YAML error thrown by
 * the loader) printed first. So whatever the loader did, it waits for the
 * check and only then returns or throws; when the check found problems,
 * `checked` rejects with the build's error, which is thrown in place of the
 * loader's own (integration/build-failure.ts).
 */
export function checkedLoader(loader: Loader, checked: () => Promise<unknown>): Loader {
  return {
    ...loader,
    load: async (context) => {
      try {
        await loader.load(context);
      } finally {
        await checked();
      }
    },
  };
}
