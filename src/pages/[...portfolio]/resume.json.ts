import type { APIRoute, GetStaticPaths } from 'astro';
import { portfolioHomeHref } from '../../site/hrefs.ts';
import { getPortfolioStudies, getProfile } from '../../site/portfolio.ts';
import { portfolioRoutes, type PortfolioRoute } from '../../site/portfolios.ts';
import { toJsonResume } from '../../resume/resume.ts';
import { publicationItems } from '../../site/publications.ts';
import { siteLocale } from '../../site/ui.ts';

/** `/resume.json` (a member's `/people/<member>/resume.json`): the résumé in the JSON Resume schema. */
export const getStaticPaths = (() => portfolioRoutes()) satisfies GetStaticPaths;

export const GET: APIRoute<PortfolioRoute['props']> = async ({ site, props }) => {
  const [profile, studies] = await Promise.all([
    getProfile(props.member),
    getPortfolioStudies(props.member),
  ]);
  // Absolute URLs only when the site's address is configured; the base path is part of home.
  const home = site ? new URL(portfolioHomeHref(props.member), site) : undefined;
  const publications = publicationItems(props.member, profile.name, studies);
  const resume = toJsonResume(profile, studies, home, siteLocale(), publications);
  return new Response(`${JSON.stringify(resume, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
