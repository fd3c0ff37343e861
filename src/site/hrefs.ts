import config from 'virtual:casefolio/config';
import { caseStudyPath, skillPath, tagPath, withBase } from './urls.ts';

/** Links to the site's own pages and files, under the configured base path. */

export const homeHref = withBase(config.base, '');

export function caseStudyHref(slug: string): string {
  return withBase(config.base, caseStudyPath(slug));
}

/** The case study's model card, in Hugging Face's layout: `/case-studies/<slug>/model-card.md`. */
export function modelCardHref(slug: string): string {
  return withBase(config.base, `${caseStudyPath(slug)}model-card.md`);
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
