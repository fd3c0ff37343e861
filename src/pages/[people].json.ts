import type { APIRoute, GetStaticPaths } from 'astro';
import { portfolioPageHref } from '../site/hrefs.ts';
import { getCohort, getMembers } from '../site/portfolio.ts';
import { peopleJson } from '../site/people-json.ts';
import { RESUME_JSON_PATH, RESUME_PDF_PATH } from '../resume/resume.ts';

/**
 * `/people.json` in a cohort: every member, their résumé addresses and case
 * studies with their headline metrics. A route with a parameter so that a
 * single portfolio gets no such file.
 */
export const getStaticPaths = (() =>
  getCohort() ? [{ params: { people: 'people' } }] : []) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site }) => {
  const cohort = getCohort();
  if (!cohort) return new Response(null, { status: 404 });
  const address = (pathname: string, member: string) => {
    const href = portfolioPageHref(pathname, member);
    // Absolute only when the site's address is configured; the base path is part of href.
    return site ? new URL(href, site).href : href;
  };
  const data = peopleJson(cohort, await getMembers(), address, {
    json: RESUME_JSON_PATH,
    pdf: RESUME_PDF_PATH,
  });
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
