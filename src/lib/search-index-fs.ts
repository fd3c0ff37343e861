import path from 'node:path';

/**
 * The full-text search index (Pagefind) of a built site: every case-study
 * page, written to `<dir>/pagefind/`. Drafts were never built, so they are
 * never indexed. Returns how many pages were indexed.
 */
export async function buildSearchIndex(dir: string): Promise<number> {
  const { createIndex, close } = await import('pagefind');
  try {
    const { index, errors } = await createIndex({});
    if (!index) throw new Error(errors.join('; '));
    // Only case-study pages carry searchable text; skipping the rest saves time.
    const added = await index.addDirectory({ path: dir, glob: 'case-studies/**/*.html' });
    await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
    return added.page_count;
  } finally {
    await close();
  }
}

/**
 * Set by `npm run build` (src/cli/build.ts) to a file path: the integration
 * then writes the output folder there instead of indexing it, and the build
 * script indexes it once Astro has exited. Pagefind's indexer needs about
 * 0.6 GB at 1,000 case studies; started from Astro's last hook, it would sit
 * on top of the 2 GB Astro still holds.
 */
export const SEARCH_HANDOFF_ENV = 'CASEFOLIO_SEARCH_HANDOFF';
