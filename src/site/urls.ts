import { slugifyLabel } from '../schemas/slugs.ts';

/**
 * Site-relative URLs under the configured base (`/` or `/portfolio/`). Every
 * internal link goes through here, so a GitHub Pages project site works
 * without touching a page.
 */
export function withBase(base: string, pathname: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${pathname.replace(/^\/+/, '')}`;
}

export function caseStudyPath(slug: string): string {
  return `case-studies/${slug}/`;
}

export function tagPath(label: string): string {
  return `tags/${slugifyLabel(label)}/`;
}

export function skillPath(label: string): string {
  return `skills/${slugifyLabel(label)}/`;
}
