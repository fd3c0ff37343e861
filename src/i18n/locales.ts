/**
 * The languages Casefolio's pages can be written in, by BCP 47 tag, and
 * which way each is read. `schemas/` validates `casefolio({ locale })` and a
 * case study's `locale:` against this list, so it imports nothing.
 */

/** Every language with a dictionary in this folder; English is the default. */
export const LOCALES = ['en', 'de', 'es', 'fr', 'pt', 'zh-Hans', 'ar'] as const;

export type Locale = (typeof LOCALES)[number];

/** The language of a site that names none. */
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * `rtl` for languages written right to left (Arabic), `ltr` otherwise:
 * what `<html dir>` says. From the Unicode data Intl carries
 * (`Intl.Locale#getTextInfo`, or the older `textInfo` getter), with a
 * table of the right-to-left scripts for a runtime that has neither.
 */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  let direction = directions.get(locale);
  if (direction === undefined) {
    direction = directionOf(locale);
    directions.set(locale, direction);
  }
  return direction;
}

/**
 * Directions already looked up: every component of every page asks, and
 * building an Intl.Locale each time took 0.3 s of a 1,000-study build.
 */
const directions = new Map<string, 'ltr' | 'rtl'>();

function directionOf(locale: string): 'ltr' | 'rtl' {
  const tag = new Intl.Locale(locale) as Intl.Locale & {
    getTextInfo?: () => { direction?: string };
    textInfo?: { direction?: string };
  };
  const direction = tag.getTextInfo?.().direction ?? tag.textInfo?.direction;
  if (direction === 'rtl' || direction === 'ltr') return direction;
  return RTL_LANGUAGES.has(tag.language) ? 'rtl' : 'ltr';
}

/** Languages written right to left, for a runtime whose Intl cannot say. */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'yi', 'dv', 'ckb']);
