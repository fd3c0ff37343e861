import { sortCaseStudies, type Sortable } from '../site/sorting.ts';
import { withSharedSpellings } from '../site/taxonomy.ts';
import { caseStudyPath, withBase } from '../site/urls.ts';
import { keyedModelCard } from './handed-over.ts';
import { portfolioPath } from '../schemas/cohort.ts';
import type { ModelCardStudy } from './sections.ts';

/**
 * Every model card of a production build, written at once in a child
 * process (the check's, integration/build-child.ts) from the published
 * studies as the content check read them, into the build's scratch folder;
 * the build publishes each one whose route has the same inputs
 * (model-card/handed-over.ts).
 */

/** A published study as the check read it: what the page's `CaseStudy` holds but its entry. */
type CheckedStudy = ModelCardStudy & Sortable & { skills: string[] };

/** What the writer is told besides the studies: where the pages are published. */
export interface ModelCardJob {
  /** Astro's `site`, when it is set: the card then links to the page's full address. */
  site: string | undefined;
  /** Astro's `base`. */
  base: string;
}

/** A published study with its author (the profile's name) and, in a cohort, its member. */
export type AuthoredStudy = CheckedStudy & { author: string; member?: string | undefined };

/** A card as the writer makes it, for the build to publish as it is. */
export interface WrittenModelCard {
  /** `modelCardKey` of its inputs: the route publishes it only for the very same inputs. */
  key: string;
  /** Where it is published, relative to the output folder. */
  path: string;
  markdown: string;
}

/**
 * The name a card's file has in the build's scratch folder: its path in the
 * output, as one name. One flat folder, so removing it afterwards is one
 * folder, not a thousand emptied ones.
 */
export function stagedModelCardName(publishedPath: string): string {
  return encodeURIComponent(publishedPath);
}

/** Where a study's model card is published, relative to the output folder (the base path is only in its URL). */
export function modelCardPath(slug: string, member?: string): string {
  return `${portfolioPath(member)}${caseStudyPath(slug)}model-card.md`;
}

/**
 * One function per card of `studies`, each writing it under its key, by its
 * author: a caller that must keep its event loop turning (the build's check
 * process, feeding Pagefind meanwhile) writes them a few at a time.
 */
export function modelCardWriters(
  input: readonly AuthoredStudy[],
  { site, base }: ModelCardJob,
): (() => WrittenModelCard)[] {
  // What the route is handed, as site/portfolio.ts gives it: every study of
  // the site (every member's, in a cohort) sorted, each tag spelled as its
  // first use in that order spells it.
  const studies = withSharedSpellings(sortCaseStudies(input));
  return studies.map((study) => () => {
    // As the route: absolute when the site's address is set, under the base path.
    const href = withBase(base, `${portfolioPath(study.member)}${caseStudyPath(study.slug)}`);
    const [key, markdown] = keyedModelCard(
      study,
      study.author,
      site ? new URL(href, site).href : href,
    );
    return { key, path: modelCardPath(study.slug, study.member), markdown };
  });
}

/** The cards of `studies`, each by its author. */
export function writeModelCards(
  input: readonly AuthoredStudy[],
  job: ModelCardJob,
): WrittenModelCard[] {
  return modelCardWriters(input, job).map((write) => write());
}
