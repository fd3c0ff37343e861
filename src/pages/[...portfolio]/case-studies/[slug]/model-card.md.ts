import type { APIRoute, GetStaticPaths } from 'astro';
import { caseStudyHref } from '../../../../site/hrefs.ts';
import { getCaseStudies, getProfile, type CaseStudy } from '../../../../site/portfolio.ts';
import { portfolioRoute } from '../../../../site/portfolios.ts';
import { isModelCardWritten } from '../../../../model-card/handed-over.ts';
import { modelCardMarkdown } from '../../../../model-card/model-card.ts';
import { modelCardPath } from '../../../../model-card/write.ts';

/**
 * `/case-studies/<slug>/model-card.md` (a member's under `/people/<member>/`):
 * the case study's model card in Hugging Face's layout, from the same
 * checked data as its page (metric values as the check read them; no file
 * is opened here). A production build has written the cards already, in
 * the check's process: those are published as written, and only a card
 * written for other inputs (or none, in `astro dev`) is rendered here.
 */

/** The page the card links to: absolute when the site's address is set; the base path is part of the href. */
function pageUrl(study: CaseStudy, site: URL | string | undefined): string {
  const href = caseStudyHref(study.slug, study.member);
  return site ? new URL(href, site).href : href;
}

export const getStaticPaths = (async () => {
  const studies = await getCaseStudies();
  const routes = [];
  for (const study of studies) {
    const { name } = await getProfile(study.member);
    const url = pageUrl(study, import.meta.env.SITE);
    if (await isModelCardWritten(study, name, url, modelCardPath(study.slug, study.member))) {
      continue;
    }
    routes.push({
      params: { ...portfolioRoute(study.member).params, slug: study.slug },
      props: { study },
    });
  }
  return routes;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ study: CaseStudy }> = async ({ props, site }) => {
  const { name } = await getProfile(props.study.member);
  return new Response(modelCardMarkdown(props.study, name, pageUrl(props.study, site)), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
};
