import type { APIRoute } from 'astro';
import config from 'virtual:casefolio/config';
import { getCaseStudies, getProfile } from '../../data/portfolio.ts';
import { HOME_OG_IMAGE_PATH, homeCard, ogCardTree } from '../../lib/og-card.ts';
import { ogImageResponse } from '../../lib/og-image-fs.ts';

/** The home page's link-preview card; every page without its own card uses it too. */
export const GET: APIRoute = async () => {
  const [profile, studies] = await Promise.all([getProfile(), getCaseStudies()]);
  return ogImageResponse(
    ogCardTree(homeCard(profile, studies.length)),
    HOME_OG_IMAGE_PATH,
    config.root,
  );
};
