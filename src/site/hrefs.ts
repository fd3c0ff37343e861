import config from 'virtual:casefolio/config';
import { portfolioPath } from '../schemas/cohort.ts';
import { caseStudyPath, skillPath, tagPath, withBase } from './urls.ts';

/**
 * Links to the site's own pages and files, under the configured base path.
 * A portfolio's pages take the member they belong to: in a cohort they live
 * under `people/<member>/`; without one, at the site's root.
 */

/** The site's home: the portfolio's, or the cohort's. */
export const homeHref = withBase(config.base, '');

/** A portfolio's home: the site's, or a cohort member's `/people/<member>/`. */
export function portfolioHomeHref(member?: string): string {
  return withBase(config.base, portfolioPath(member));
}

export function caseStudyHref(slug: string, member?: string): string {
  return withBase(config.base, `${portfolioPath(member)}${caseStudyPath(slug)}`);
}

/** The case study's model card, in Hugging Face's layout: `/case-studies/<slug>/model-card.md`. */
export function modelCardHref(slug: string, member?: string): string {
  return `${caseStudyHref(slug, member)}model-card.md`;
}

/** A portfolio's page by its path within the portfolio: `portfolioPageHref('resume/', 'ada')`. */
export function portfolioPageHref(pathname: string, member?: string): string {
  return withBase(config.base, `${portfolioPath(member)}${pathname}`);
}

export function tagHref(label: string): string {
  return withBase(config.base, tagPath(label));
}

export function skillHref(label: string): string {
  return withBase(config.base, skillPath(label));
}

/** Any page of the site by its path: `pageHref('resume/')`. */
export function pageHref(pathname: string): string {
  return withBase(config.base, pathname);
}

/** A file in public/: `publicHref('favicon.svg')`. */
export function publicHref(file: string): string {
  return withBase(config.base, file);
}
