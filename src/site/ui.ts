import config from 'virtual:casefolio/config';
import { dictionary } from '../i18n/dictionaries.ts';
import type { Dictionary } from '../i18n/en.ts';
import { textDirection, type Locale } from '../i18n/locales.ts';

/**
 * The language a page is written in, and its strings: what every component
 * reads its words from (`const { t, locale } = pageUi(Astro.locals)`), so
 * no language is threaded through props. The site's (`casefolio({ locale
 * })`), unless the page chose another with `usePageLocale` before
 * rendering: a case study with `locale:` does, in its layout.
 */
export interface PageUi {
  locale: Locale;
  /** `<html dir>`: `rtl` for Arabic. */
  dir: 'ltr' | 'rtl';
  t: Dictionary;
}

/** The site's language, as `casefolio({ locale })` names it. */
export function siteLocale(): Locale {
  return config.locale;
}

/** The language and strings of the page being rendered. */
export function pageUi(locals: App.Locals): PageUi {
  const locale = locals.locale ?? config.locale;
  return { locale, dir: textDirection(locale), t: dictionary(locale) };
}

/**
 * `lang` and `dir` for a piece of content written in another language than
 * the page around it (a case study's title on a card, when the study names
 * its own `locale`), so screen readers pronounce it and Arabic runs right
 * to left inside a German page; nothing when the languages agree.
 */
export function contentLanguage(
  content: Locale | undefined,
  page: Locale,
): { lang?: Locale; dir?: 'ltr' | 'rtl' } {
  if (content === undefined || content === page) return {};
  return { lang: content, dir: textDirection(content) };
}

/** Writes the page being rendered in `locale`; called before its layout renders. */
export function usePageLocale(locals: App.Locals, locale: Locale | undefined): void {
  if (locale !== undefined) locals.locale = locale;
}
