import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { caseStudyHref, homeHref } from '../site/hrefs.ts';
import { getCaseStudies, getSiteIdentity } from '../site/portfolio.ts';
import { firstDay } from '../seo/json-ld.ts';
import { pageUi } from '../site/ui.ts';

/**
 * Without `site` there is no address to make links absolute with, and
 * @astrojs/rss requires one. The feed is then built against this placeholder
 * origin, which is stripped again, so links stay site-relative (as the
 * integration's warning says) instead of pointing at a made-up host.
 */
const PLACEHOLDER_ORIGIN = 'https://casefolio.invalid';

/** An RSS 2.0 feed of the published case studies, in display order; pubDate is the period's start. */
export const GET: APIRoute = async ({ site, locals }) => {
  const [identity, studies] = await Promise.all([getSiteIdentity(), getCaseStudies()]);
  const { locale, t } = pageUi(locals);
  const response = await rss({
    title: identity.siteName,
    description: t.feedDescription(identity.siteName, identity.headline),
    // The channel links to the home page, under the base path.
    site: new URL(homeHref, site ?? PLACEHOLDER_ORIGIN),
    items: studies.map((study) => ({
      title: study.title,
      description: study.summary,
      link: caseStudyHref(study.slug, study.member),
      pubDate: new Date(`${firstDay(study.period.start)}T00:00:00Z`),
      categories: [...study.tags],
    })),
    // RSS names languages as HTML does (RFC 1766 tags): the site's.
    customData: `<language>${locale}</language>`,
  });
  if (site) return response;
  const xml = (await response.text()).replaceAll(`>${PLACEHOLDER_ORIGIN}/`, '>/');
  return new Response(xml, { headers: response.headers });
};
