import config from 'virtual:casefolio/config';
import { portfolioPath } from '../schemas/cohort.ts';

/**
 * The portfolios a site's pages are made for: a single portfolio at the
 * root, or each cohort member under `people/<member>/`. Routes under
 * `src/pages/[...portfolio]/` take these as their paths, so one page file
 * serves both kinds of site.
 */

/** One portfolio's route parameter (`people/ada`, or none at the root) and its member. */
export interface PortfolioRoute {
  params: { portfolio: string | undefined };
  props: { member: string | undefined };
}

/** The route of a member's portfolio, or the site's own without one. */
export function portfolioRoute(member: string | undefined): PortfolioRoute {
  const prefix = portfolioPath(member).replace(/\/$/, '');
  return { params: { portfolio: prefix === '' ? undefined : prefix }, props: { member } };
}

/** Every portfolio of the site: the one, or each member built in a cohort. */
export function portfolioRoutes(): PortfolioRoute[] {
  const members = config.cohort?.members;
  return members ? members.map(portfolioRoute) : [portfolioRoute(undefined)];
}
