/**
 * giscus on a case-study page, from the checked options: the data attributes
 * its client script reads (giscus.app/client.js, created in the page only
 * when a reader opens the comments: scripts/comments.ts), where its
 * discussions live for readers without JavaScript, and the origins the
 * Content-Security-Policy must then allow. Pure: from the options, checked
 * by schemas/comments.ts, nothing else.
 */
import type { Locale } from '../i18n/locales.ts';
import type { CommentsOptions } from '../schemas/comments.ts';

const GISCUS_ORIGIN = 'https://giscus.app';

export interface CommentsEmbed {
  /** The script a click adds to the page. */
  src: string;
  /**
   * Its `data-*` attributes, named without the `data-` (`repo-id`): the
   * section carries them as `data-giscus-*` until the script is made. No
   * `theme` means the site's: the script follows the theme toggle.
   */
  attributes: Record<string, string>;
  /** The repository's Discussions, where a reader without JavaScript reads and writes. */
  discussions: string;
  /**
   * Origins the policy must allow: the client script (script-src), the
   * stylesheet it puts in the page's head (style-src, giscus.app/default.css)
   * and the frame it shows the comments in (frame-src).
   */
  scriptOrigins: string[];
  styleOrigins: string[];
  frameOrigins: string[];
}

const flag = (value: boolean) => (value ? '1' : '0');

export function commentsEmbed({ giscus }: CommentsOptions): CommentsEmbed {
  return {
    src: `${GISCUS_ORIGIN}/client.js`,
    attributes: {
      repo: giscus.repo,
      'repo-id': giscus.repoId,
      category: giscus.category,
      'category-id': giscus.categoryId,
      mapping: giscus.mapping,
      ...(giscus.term === undefined ? {} : { term: giscus.term }),
      strict: flag(giscus.strict),
      'reactions-enabled': flag(giscus.reactionsEnabled),
      // Metadata messages would go to a page that reads none of them.
      'emit-metadata': '0',
      'input-position': giscus.inputPosition,
      ...(giscus.lang === undefined ? {} : { lang: giscus.lang }),
      ...(giscus.theme === undefined ? {} : { theme: giscus.theme }),
    },
    discussions: `https://github.com/${giscus.repo}/discussions`,
    scriptOrigins: [GISCUS_ORIGIN],
    styleOrigins: [GISCUS_ORIGIN],
    frameOrigins: [GISCUS_ORIGIN],
  };
}

/**
 * giscus's language for a page in `locale`, when the options name none: its
 * own tag for each language Casefolio has (Simplified Chinese is `zh-CN`
 * there), so the comment box speaks the page's language.
 */
const GISCUS_LANGUAGES: Record<Locale, string> = {
  en: 'en',
  de: 'de',
  es: 'es',
  fr: 'fr',
  pt: 'pt',
  'zh-Hans': 'zh-CN',
  ar: 'ar',
};

/** The embed's attributes on a page in `locale`: giscus's `lang` follows the page unless the options set it. */
export function attributesFor(embed: CommentsEmbed, locale: Locale): Record<string, string> {
  return { lang: GISCUS_LANGUAGES[locale], ...embed.attributes };
}
