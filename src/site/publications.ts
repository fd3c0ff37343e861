import { sharedPublications } from '../processes/publications.ts';
import {
  isProfileAuthor,
  publicationLinks,
  sortPublications,
  type Publication,
  type PublicationLink,
} from '../publications/publication.ts';
import { caseStudyHref } from './hrefs.ts';
import type { CaseStudy } from './portfolio.ts';

/**
 * A portfolio's publications as its pages list them: newest first, the
 * owner's name marked in each author list, with their links and the case
 * studies that cite them (`paper:`). Read by the check; never parsed here.
 */
export interface PublicationItem {
  publication: Publication;
  /** Each author, and whether they are the portfolio's owner (shown in bold). */
  authors: { name: string; owner: boolean }[];
  links: PublicationLink[];
  /** The published case studies whose `paper:` is this publication. */
  caseStudies: { title: string; href: string }[];
}

/** The publications of a portfolio, in the order the home page and the résumé list them. */
export function publicationItems(
  member: string | undefined,
  ownerName: string,
  studies: readonly CaseStudy[],
): PublicationItem[] {
  return sortPublications(sharedPublications(member)).map((publication) => ({
    publication,
    authors: publication.authors.map((author) => ({
      name: author.name,
      owner: isProfileAuthor(author, ownerName),
    })),
    links: publicationLinks(publication),
    caseStudies: studies
      .filter((study) => publication.key !== undefined && study.paper === publication.key)
      .map((study) => ({ title: study.title, href: caseStudyHref(study.slug, study.member) })),
  }));
}

/** The publication a case study cites (`paper:`); the check made sure it exists. */
export function citedPublication(
  study: Pick<CaseStudy, 'paper' | 'member'>,
): Publication | undefined {
  if (study.paper === undefined) return undefined;
  return sharedPublications(study.member).find((publication) => publication.key === study.paper);
}
