import type { APIRoute, GetStaticPaths } from 'astro';
import config from 'virtual:casefolio/config';
import { getCaseStudies, getProfile, type CaseStudy } from '../../../data/portfolio.ts';
import { caseStudyCard, ogCardTree, ogImagePath } from '../../../lib/og-card.ts';
import { ogImageResponse } from '../../../lib/og-image-fs.ts';

/** One 1200x630 link-preview card per published case study: /og/case-studies/<slug>.png. */
export const getStaticPaths = (async () => {
  const studies = await getCaseStudies();
  return studies.map((study) => ({ params: { slug: study.slug }, props: { study } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ study: CaseStudy }> = async ({ props }) => {
  const { study } = props;
  const profile = await getProfile();
  return ogImageResponse(
    ogCardTree(caseStudyCard(study, profile.name)),
    ogImagePath(study.slug),
    config.root,
  );
};
