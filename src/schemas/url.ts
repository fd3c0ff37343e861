import { describeValue } from '../problems/describe-value.ts';
import { plainString } from './text.ts';

/** The schemes a link in content may use; anything else could run script or leak data. */
export type UrlScheme = 'https' | 'http' | 'mailto';

function listSchemes(schemes: readonly UrlScheme[]): string {
  if (schemes.length === 1) return schemes[0] ?? '';
  return `${schemes.slice(0, -1).join(', ')} and ${schemes.at(-1)}`;
}

/**
 * A URL whose scheme is on an allow-list. `javascript:`, `data:` and
 * `vbscript:` links are rejected here, at the edge, so no page ever has to
 * sanitise an href.
 */
export function urlSchema(schemes: readonly UrlScheme[]) {
  return plainString.superRefine((text, ctx) => {
    let url: URL;
    try {
      url = new URL(text.trim());
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: `expected a full URL such as "https://example.com", got ${describeValue(text)}`,
      });
      return;
    }
    // Browsers accept these and percent-encode them, but a page that writes
    // them into an href is not valid HTML: the link must say what it means.
    const unsafe = /[\s<>"`{}|\\^]/.exec(text.trim());
    if (unsafe) {
      ctx.addIssue({
        code: 'custom',
        message: `a URL cannot hold ${describeValue(unsafe[0])} as it is; write it percent-encoded (${encodeURIComponent(unsafe[0])}), got ${describeValue(text)}`,
      });
      return;
    }
    const scheme = url.protocol.replace(/:$/, '') as UrlScheme;
    if (!schemes.includes(scheme)) {
      ctx.addIssue({
        code: 'custom',
        message: `only ${listSchemes(schemes)} links are allowed, got ${describeValue(text)}`,
      });
    }
  });
}

/** An http(s) link: datasets, repositories, demos. */
export const webUrlSchema = urlSchema(['https', 'http']);
