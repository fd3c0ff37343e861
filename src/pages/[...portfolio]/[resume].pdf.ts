import type { APIRoute, GetStaticPaths } from 'astro';
import { getProfile } from '../../site/portfolio.ts';
import { portfolioRoutes, type PortfolioRoute } from '../../site/portfolios.ts';
import { readResumePdf } from '../../site/resume-pdf.ts';

/**
 * `/resume.pdf` (a cohort member's `/people/<member>/resume.pdf`): the PDF
 * named by `resume` in profile.yaml, published as is. A route with a
 * parameter so that it can produce no file at all when the profile has no
 * PDF (a plain endpoint would always be built).
 */
export const getStaticPaths = (async () => {
  const routes = await Promise.all(
    portfolioRoutes().map(async (route) =>
      (await getProfile(route.props.member)).resume
        ? [{ ...route, params: { ...route.params, resume: 'resume' } }]
        : [],
    ),
  );
  return routes.flat();
}) satisfies GetStaticPaths;

export const GET: APIRoute<PortfolioRoute['props']> = async ({ props }) => {
  const profile = await getProfile(props.member);
  if (!profile.resume) return new Response(null, { status: 404 });
  return new Response(await readResumePdf(profile.resume, props.member), {
    headers: { 'Content-Type': 'application/pdf' },
  });
};
