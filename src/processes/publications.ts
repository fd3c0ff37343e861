import { handover } from './handover.ts';
import type { Publication } from '../publications/publication.ts';

/**
 * Each portfolio's publications as the content check read them
 * (content/publications.bib and profile.yaml's `publications:`), for the
 * home page, the résumé and the case studies that cite them: handed over
 * like the built charts (processes/handover.ts), so no page parses BibTeX.
 */
const publications = handover<null, Publication[]>('casefolio.publications');

/** Whose publications: a cohort member's slug, or '' for a single portfolio. */
export const publicationsKey = (member: string | undefined): string =>
  publications.key(member ?? '', null);

/** Makes the check's publications available to the pages of this process. */
export const sharePublications: (entries: Iterable<readonly [string, Publication[]]>) => void =
  publications.share;

/** The publications of a portfolio (a cohort member's, or the site's); none if it has none. */
export function sharedPublications(member: string | undefined): Publication[] {
  return publications.get(member ?? '', null) ?? [];
}
