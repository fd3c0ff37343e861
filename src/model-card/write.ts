import { sortCaseStudies, type Sortable } from '../site/sorting.ts';
import { withSharedSpellings } from '../site/taxonomy.ts';
import { caseStudyPath, withBase } from '../site/urls.ts';
import { keyedModelCards } from './handed-over.ts';
import type { ModelCardStudy } from './sections.ts';

/**
 * Every model card of a production build, written at once in a child
 * process (model-card/write-child.ts) from the published studies as the
 * content check read them, for the route to return (model-card/handed-over.ts).
 */

/** A published study as the check read it: what the page's `CaseStudy` holds but its entry. */
export type CheckedStudy = ModelCardStudy & Sortable & { skills: string[] };

/** What the writer is told besides the studies: where the pages are published. */
export interface ModelCardJob {
  /** Astro's `site`, when it is set: the card then links to the page's full address. */
  site: string | undefined;
  /** Astro's `base`. */
  base: string;
}

/** The cards of `studies` under their keys, with `author` (the profile's name). */
export function writeModelCards(
  input: { author: string; studies: readonly CheckedStudy[] },
  { site, base }: ModelCardJob,
): [string, string][] {
  // What the route is handed, as site/portfolio.ts gives it: sorted, each
  // tag spelled as its first use in that order spells it.
  const studies = withSharedSpellings(sortCaseStudies(input.studies));
  return keyedModelCards(studies, input.author, (study) => {
    // As the route: absolute when the site's address is set, under the base path.
    const href = withBase(base, caseStudyPath(study.slug));
    return site ? new URL(href, site).href : href;
  });
}
