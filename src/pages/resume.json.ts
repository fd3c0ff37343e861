import type { APIRoute } from 'astro';
import { homeHref } from '../site/hrefs.ts';
import { getCaseStudies, getProfile } from '../site/portfolio.ts';
import { toJsonResume } from '../resume/resume.ts';

/** `/resume.json`: the résumé in the JSON Resume schema, for tools that import one. */
export const GET: APIRoute = async ({ site }) => {
  const [profile, studies] = await Promise.all([getProfile(), getCaseStudies()]);
  // Absolute URLs only when the site's address is configured; the base path is part of home.
  const home = site ? new URL(homeHref, site) : undefined;
  const resume = toJsonResume(profile, studies, home);
  return new Response(`${JSON.stringify(resume, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
