import { describeValue } from '../problems/describe-value.ts';
import { nameString } from './text.ts';

/** The schemes a link in content may use; anything else could run script or leak data. */
export type UrlScheme = 'https' | 'http' | 'mailto';

function listSchemes(schemes: readonly UrlScheme[]): string {
  if (schemes.length === 1) return schemes[0] ?? '';
  return `${schemes.slice(0, -1).join(', ')} and ${schemes.at(-1)}`;
}

/**
 * A URL whose scheme is on an allow-list. `javascript:`, `data:` and
 * `vbscript:` links are rejected here, at the edge, so no page ever has to
 * sanitise an href. Like a name, it may not hold a bidirectional control,
 * which would show one address and lead to another.
 */
export function urlSchema(schemes: readonly UrlScheme[]) {
  return nameString.superRefine((text, ctx) => {
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
      // A backslash is most often an escape from LaTeX or a shell (`\%`, `\_`), not part of the address.
      const fix =
        unsafe[0] === '\\'
          ? 'remove it if it escapes the next character (as \\% and \\_ do in LaTeX), or write it percent-encoded (%5C)'
          : `write it percent-encoded (${encodeURIComponent(unsafe[0])})`;
      ctx.addIssue({
        code: 'custom',
        message: `a URL cannot hold ${describeValue(unsafe[0])} as it is; ${fix}, got ${describeValue(text)}`,
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

/**
 * The schemes a URL written in a body (an MDX body, a notebook's Markdown
 * and outputs) may use; a URL without a scheme is relative.
 */
export const BODY_SCHEMES: ReadonlySet<string> = new Set(['https', 'http', 'mailto']);

export const URL_NOT_ALLOWED = 'only https, http, mailto and relative links are allowed';
export const URL_FIX = 'use a web address or a file beside the case study instead';

/**
 * What is wrong with a URL written in a body (MDX, a notebook's Markdown), if anything: its scheme,
 * read as a browser reads it (character references decoded, leading and
 * trailing spaces and controls trimmed, tabs and line breaks dropped), is
 * not https, http or mailto. A URL without a scheme is relative: allowed.
 */
export function urlProblem(written: string): string | undefined {
  const scheme = urlScheme(written);
  if (scheme === undefined || BODY_SCHEMES.has(scheme)) return undefined;
  return `${URL_NOT_ALLOWED}, got ${describeValue(written)}; ${URL_FIX}`;
}

/**
 * A URL's scheme in lower case (`javascript`, `https`), read as a browser
 * reads it; undefined for a relative URL.
 */
export function urlScheme(written: string): string | undefined {
  const url = trimControls(decodeEntities(written)).replace(/[\t\n\r]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
}

/**
 * Text without the spaces and controls (U+0000 to U+0020) a browser trims
 * from a URL. By index, not by pattern: `[\0- ]+$` tried from every space
 * of a long run inside the text, which took minutes.
 */
function trimControls(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return text.slice(start, end);
}

/**
 * The character references a browser would decode in an attribute: numeric
 * ones (with or without `;`) and the named ones that can spell a scheme
 * (`&colon;`, `&Tab;`...). MDX decodes them once already; this second pass
 * makes `&amp;#106;avascript:` count as what it spells, too.
 */
const NAMED: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  nbsp: '\u00a0',
  amp: '&',
  sol: '/',
  bsol: '\\',
  period: '.',
  plus: '+',
  hyphen: '-',
  dash: '-',
  lpar: '(',
  rpar: ')',
  semi: ';',
  comma: ',',
  quest: '?',
  num: '#',
  percnt: '%',
  equals: '=',
  commat: '@',
  lowbar: '_',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));?/gi, (match, hex, decimal, named) => {
    if (named !== undefined) return NAMED[String(named).toLowerCase()] ?? match;
    const code = hex !== undefined ? parseInt(String(hex), 16) : Number(decimal);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}
