import slugify from '@sindresorhus/slugify';
import { memoize } from 'es-toolkit/function';

/** The contract's rule for case-study slugs (folder or file names). */
const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function isValidSlug(text: string): boolean {
  return SLUG_PATTERN.test(text);
}

/**
 * Symbols that carry meaning in skill names and would otherwise vanish
 * (`C++` and `C#` must not both become `c`).
 */
const REPLACEMENTS: [string, string][] = [
  ['++', ' plus plus '],
  ['+', ' plus '],
  ['#', ' sharp '],
  ['&', ' and '],
  ['@', ' at '],
];

/**
 * A URL-safe slug for any label: accents transliterated (`Données` ->
 * `donnees`), camel case kept together (`XGBoost` -> `xgboost`). Scripts with
 * no Latin transliteration (`時系列`) keep their letters, lower-cased, so no
 * label ends up with an empty slug. Remembered per label: the home, tag and
 * skill pages link the same few dozen tags and skills from every card, and
 * transliteration is not cheap.
 */
export const slugifyLabel: (label: string) => string = memoize(slugOf);

function slugOf(label: string): string {
  const latin = slugify(label, { decamelize: false, customReplacements: REPLACEMENTS });
  if (latin !== '' && /[\p{L}\p{N}]/u.test(latin)) return latin;
  return label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** A valid case-study slug derived from a bad name, for the "try ..." hint. */
export function suggestSlug(name: string): string {
  const slug = slugify(name, { decamelize: false });
  return isValidSlug(slug) ? slug : 'case-study';
}
