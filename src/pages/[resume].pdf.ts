import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import config from 'virtual:casefolio/config';
import { getProfile } from '../site/portfolio.ts';

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
  // The path is relative to profile.yaml; the content check made sure it exists inside content/.
  const file = path.resolve(path.dirname(config.profilePath), profile.resume);
  return new Response(await readFile(file), { headers: { 'Content-Type': 'application/pdf' } });
};
