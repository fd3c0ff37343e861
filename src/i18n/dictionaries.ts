import { ar } from './ar.ts';
import { de } from './de.ts';
import { en, type Dictionary, type PluralForms } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import type { Locale } from './locales.ts';
import { pt } from './pt.ts';
import { zhHans } from './zh-Hans.ts';

/** Every language's dictionary, by its tag. */
const DICTIONARIES: Record<Locale, Dictionary> = {
  en,
  de,
  es,
  fr,
  pt,
  'zh-Hans': zhHans,
  ar,
};

/** The strings of `locale`'s pages. */
export function dictionary(locale: Locale): Dictionary {
  return DICTIONARIES[locale];
}

/**
 * The form of `forms` that `count` takes in `locale` (`Intl.PluralRules`),
 * with `{count}` replaced by `text`, the count as the language writes it.
 */
export function plural(forms: PluralForms, count: number, text: string, locale: Locale): string {
  const category = new Intl.PluralRules(locale).select(count);
  return (forms[category] ?? forms.other).replaceAll('{count}', text);
}
