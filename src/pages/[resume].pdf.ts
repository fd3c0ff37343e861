import type { APIRoute, GetStaticPaths } from 'astro';
import { getProfile } from '../site/portfolio.ts';
import { readResumePdf } from '../site/resume-pdf.ts';

/**
 * `/resume.pdf`: the PDF named by `resume` in profile.yaml, published as is.
 * A route with a parameter so that it can produce no file at all when the
 * profile has no PDF (a plain endpoint would always be built).
 */
export const getStaticPaths = (async () => {
  const profile = await getProfile();
  return profile.resume ? [{ params: { resume: 'resume' } }] : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const profile = await getProfile();
  if (!profile.resume) return new Response(null, { status: 404 });
  return new Response(await readResumePdf(profile.resume), {
    headers: { 'Content-Type': 'application/pdf' },
  });
};
