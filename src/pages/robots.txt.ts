import type { APIRoute } from 'astro';
import { pageHref } from '../site/hrefs.ts';

/**
 * Every page may be crawled (drafts are never built, and the 404 page says
 * noindex itself). The sitemap line needs an absolute URL, so it is there only
 * when `site` is set. Crawlers read robots.txt at the host's root only: under a
 * base path, this file is for hosts that serve the site at the root too.
 */
export const GET: APIRoute = ({ site }) => {
  const lines = ['User-agent: *', 'Allow: /'];
  if (site) lines.push('', `Sitemap: ${new URL(pageHref('sitemap-index.xml'), site).href}`);
  return new Response(`${lines.join('\n')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
