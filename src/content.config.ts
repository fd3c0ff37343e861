import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import config from 'virtual:casefolio/collections-config';
import { memberEntryId, slugFromEntry } from './schemas/slugs.ts';
import { checkedLoader } from './content/loaders/checked-loader.ts';
import { frontmatterAsChecked } from './content/loaders/checked-frontmatter.ts';
import { profileLoader } from './content/loaders/profile-loader.ts';
import { refreshedByFiles } from './content/loaders/refreshed-loader.ts';
import { caseStudyEntrySchema } from './schemas/case-study.ts';
import { profileSchema } from './schemas/profile.ts';

/**
 * In `astro dev` an invalid entry must not stop the server: Casefolio's own
 * check reports every problem in the error overlay, and the pages refuse to
 * render until it is fixed. So in dev an entry that fails its schema is kept
 * as written instead of throwing. The build keeps the strict schema: its
 * collections load while the check still runs, and a loader that throws
 * waits for the check to report the problem first (content/loaders/checked-loader.ts).
 */
function tolerantInDev<T extends z.ZodType>(schema: T): T {
  if (!config.showDrafts) return schema;
  return z.unknown().transform(async (value) => {
    const result = await schema.safeParseAsync(value);
    return result.success ? result.data : value;
  }) as unknown as T;
}

const profilePaths = new Set(config.profiles.map((profile) => profile.path));

/** Settles once Casefolio's content check has passed: the config pages read is served then. */
const checked = () => import('virtual:casefolio/config');

// Wiring only: which files each collection loads and which schema checks them.
// In dev, a page refreshes when any file under content/ changes, not only
// its MDX: data, artifact and run files are read as it renders.
const caseStudies = defineCollection({
  loader: checkedLoader(
    refreshedByFiles(
      // Each entry's data is its frontmatter as the check read it.
      frontmatterAsChecked(
        glob({
          pattern: config.caseStudyPatterns,
          base: config.caseStudiesBase,
          // In a cohort, `ada/churn`: the member, then the case study's slug.
          generateId: ({ entry }) =>
            config.entryIds === 'member/slug' ? memberEntryId(entry) : slugFromEntry(entry),
          // No page reads an entry's raw MDX (each renders its compiled
          // module; the search records come from the check): keeping it made
          // Astro's data store, written at the end of content sync and
          // bundled into the build, about a megabyte larger at 1,000 studies.
          retainBody: false,
        }),
      ),
      config.contentDir,
      (file) => file.endsWith('.mdx') || profilePaths.has(file),
    ),
    checked,
  ),
  schema: ({ image }) => tolerantInDev(caseStudyEntrySchema(image())),
});

const profile = defineCollection({
  loader: checkedLoader(profileLoader(config.profiles), checked),
  schema: ({ image }) => tolerantInDev(profileSchema(image())),
});

export const collections = { caseStudies, profile };
