/**
 * The `<script>` an analytics provider asks for, and the origins the
 * Content-Security-Policy must then allow: the script's (script-src) and
 * where it sends its data (connect-src). Pure: from the options, checked by
 * schemas/analytics.ts, nothing else. Each provider's snippet is the one its
 * documentation gives without inline code, which the site's policy refuses.
 */
import type { AnalyticsOptions } from '../schemas/analytics.ts';

export interface AnalyticsTag {
  /** The script's URL. */
  src: string;
  /** Its attributes besides `src`, `defer` included. */
  attributes: Record<string, string | boolean>;
  /** Origins the page loads scripts from, for script-src. */
  scriptOrigins: string[];
  /** Origins the page sends data to, for connect-src. */
  connectOrigins: string[];
}

const origin = (url: string) => new URL(url).origin;

export function analyticsTag(options: AnalyticsOptions): AnalyticsTag {
  if ('script' in options) {
    return {
      src: options.script,
      attributes: { defer: true },
      scriptOrigins: [origin(options.script)],
      connectOrigins: [
        ...new Set([origin(options.script), ...(options.connect ?? []).map(origin)]),
      ],
    };
  }
  switch (options.provider) {
    case 'plausible':
      return {
        src: 'https://plausible.io/js/script.js',
        attributes: { defer: true, 'data-domain': options.domain },
        scriptOrigins: ['https://plausible.io'],
        connectOrigins: ['https://plausible.io'],
      };
    case 'umami':
      return {
        src: 'https://cloud.umami.is/script.js',
        attributes: { defer: true, 'data-website-id': options.websiteId },
        scriptOrigins: ['https://cloud.umami.is'],
        // Umami Cloud loads from one host and collects on others.
        connectOrigins: ['https://cloud.umami.is', 'https://gateway.umami.is'],
      };
    case 'goatcounter':
      return {
        src: 'https://gc.zgo.at/count.js',
        attributes: {
          async: true,
          'data-goatcounter': `https://${options.code}.goatcounter.com/count`,
        },
        scriptOrigins: ['https://gc.zgo.at'],
        connectOrigins: [`https://${options.code}.goatcounter.com`],
      };
    case 'cloudflare':
      return {
        src: 'https://static.cloudflareinsights.com/beacon.min.js',
        attributes: { defer: true, 'data-cf-beacon': JSON.stringify({ token: options.token }) },
        scriptOrigins: ['https://static.cloudflareinsights.com'],
        connectOrigins: ['https://cloudflareinsights.com'],
      };
  }
}
