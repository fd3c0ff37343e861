import { rmSync } from 'node:fs';
import { moveInto } from '../output/move.ts';
import type { SearchRecord } from './records.ts';

/**
 * Writes the full-text search index (Pagefind) of the published case
 * studies into `outputPath`, replacing what was there. Drafts never get a
 * record, so they are never indexed. Returns how many pages were indexed.
 *
 * A production build runs this in the check's child process (integration/build-child.ts)
 * as soon as the content has been checked, on the core Astro leaves idle
 * while it bundles; the build copies the result into `dist/pagefind/` at
 * the end. Indexing the built pages instead would have to wait for all of
 * them: 3 to 4 s at 1,000 case studies, after everything else.
 */
export async function writeSearchIndex(
  records: readonly SearchRecord[],
  outputPath: string,
  /** Called once Pagefind has every record, before it writes the files. */
  onAdded?: () => void,
): Promise<number> {
  const { createIndex, close } = await import('pagefind');
  try {
    const { index, errors } = await createIndex({});
    if (!index) throw new Error(errors.join('; '));
    // One at a time, in the given order, so two builds write the same files.
    for (const record of records) {
      const added = await index.addCustomRecord(record);
      if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    }
    onAdded?.();
    rmSync(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
    return records.length;
  } finally {
    await close();
  }
}

/** Moves a written index into the build output, replacing any index there. */
export function publishSearchIndex(indexDir: string, target: string): void {
  rmSync(target, { recursive: true, force: true });
  moveInto(indexDir, target);
}
