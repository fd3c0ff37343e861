import type { APIRoute, GetStaticPaths } from 'astro';
import { caseStudyHref } from '../../../../site/hrefs.ts';
import { getCaseStudies, getProfile, type CaseStudy } from '../../../../site/portfolio.ts';
import { portfolioRoute } from '../../../../site/portfolios.ts';
import { modelCardFor } from '../../../../model-card/handed-over.ts';

/**
 * `/case-studies/<slug>/model-card.md` (a member's under `/people/<member>/`):
 * the case study's model card in Hugging Face's layout, from the same
 * checked data as its page (metric values as the check read them; no file
 * is opened here).
 */
export const getStaticPaths = (async () => {
  const studies = await getCaseStudies();
  return studies.map((study) => ({
    params: { ...portfolioRoute(study.member).params, slug: study.slug },
    props: { study },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ study: CaseStudy }> = async ({ props, site }) => {
  const profile = await getProfile(props.study.member);
  const href = caseStudyHref(props.study.slug, props.study.member);
  // Absolute only when the site's address is configured; the base path is part of href.
  const pageUrl = site ? new URL(href, site).href : href;
  return new Response(await modelCardFor(props.study, profile.name, pageUrl), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
};
