import type { Plugin } from 'vite';
import type { PlannedCohort, PlannedProfile } from '../../content/plan.ts';
import type { AnalyticsTag } from '../../analytics/tag.ts';
import type { CommentsEmbed } from '../../comments/giscus.ts';
import type { Locale } from '../../i18n/locales.ts';

/** What the integration resolved at startup, shared with the content config and pages. */
export interface ResolvedConfig {
  /** The site's base path (`/` or `/portfolio/`), after CLI flags are applied. */
  base: string;
  /** The project root, absolute: collection entries' file paths are relative to it. */
  root: string;
  contentDir: string;
  /**
   * The folder the case-study patterns are relative to: content/case-studies,
   * or content/people in a cohort. Filled in by the content check.
   */
  caseStudiesBase: string;
  /** The profile.yaml files the profile collection loads, by entry id; filled in by the content check. */
  profiles: PlannedProfile[];
  /** How case-study entries are named: by slug, or in a cohort `<member>/<slug>`; from the content check. */
  entryIds: 'slug' | 'member/slug';
  /** In a cohort: cohort.yaml, the members built, and who was left out. */
  cohort?: PlannedCohort | undefined;
  /** True in `astro dev`: drafts are listed and marked. */
  showDrafts: boolean;
  /** Glob patterns (relative to caseStudiesBase) the collection loads. */
  caseStudyPatterns: string[];
  /** Where notebooks' images are decoded to: a folder of the build's cache. */
  notebookImagesDir: string;
  /** The largest notebook `<Notebook>` reads, in bytes (`notebookSizeLimit`). */
  notebookMaxBytes: number;
  /** The language of the site's pages (`locale`); a case study may name its own. */
  locale: Locale;
  /** The analytics script every page loads (`analytics`), if one was chosen. */
  analytics?: AnalyticsTag | undefined;
  /** giscus on case-study pages (`comments`), if turned on. */
  comments?: CommentsEmbed | undefined;
}

const ID = 'virtual:casefolio/config';
const COLLECTIONS_ID = 'virtual:casefolio/collections-config';
const RESOLVED = new Map([
  [ID, `\0${ID}`],
  [COLLECTIONS_ID, `\0${COLLECTIONS_ID}`],
]);

type ConfigGetter = () => Promise<ResolvedConfig | undefined> | ResolvedConfig | undefined;

/**
 * Serves the resolved config twice, as soon as each reader may have it:
 *
 * - `virtual:casefolio/config`, for pages and components, once the content
 *   has been checked and passed: a production build checks it while Astro
 *   sets itself up, so nothing is built from content with problems;
 * - `virtual:casefolio/collections-config`, for the content collections, as
 *   soon as the files to load are known (before the check ends), so they
 *   load while the check goes on. Their loaders wait for the check before
 *   they finish (src/content/loaders/checked-loader.ts).
 */
export function virtualConfig(getters: {
  checked: ConfigGetter;
  collections: ConfigGetter;
}): Plugin {
  return {
    name: 'casefolio:config',
    resolveId(id) {
      return RESOLVED.get(id);
    },
    async load(id) {
      if (id === RESOLVED.get(ID))
        return `export default ${JSON.stringify(await getters.checked())};`;
      if (id === RESOLVED.get(COLLECTIONS_ID)) {
        return `export default ${JSON.stringify(await getters.collections())};`;
      }
      return undefined;
    },
  };
}
