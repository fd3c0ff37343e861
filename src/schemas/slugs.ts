import slugify from '@sindresorhus/slugify';
import { memoize } from 'es-toolkit/function';

/** The contract's rule for case-study slugs (folder or file names). */
const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Whether a folder or file name is a valid case-study slug (the contract's pattern). */
export function isValidSlug(text: string): boolean {
  return SLUG_PATTERN.test(text);
}

/**
 * A case study's slug from its entry, relative to the case-studies folder:
 * `churn-model/index.mdx` -> `churn-model`; `pricing.mdx` -> `pricing`. The
 * content check and Astro's collection (src/content.config.ts) both name
 * entries with it, in two processes, so a page's URL is the slug the check
 * validated.
 */
export function slugFromEntry(entry: string): string {
  const parts = entry.split('/');
  const last = parts.at(-1) ?? entry;
  if (parts.length > 1 && last === 'index.mdx') return parts.at(-2) ?? last;
  return last.replace(/\.mdx$/, '');
}

/**
 * A cohort member's case study's id, from its entry relative to the people
 * folder: `ada/case-studies/churn/index.mdx` -> `ada/churn`, and the same
 * for a member that is a repository (`ada/content/case-studies/churn.mdx`).
 */
export function memberEntryId(entry: string): string {
  const [member = '', ...rest] = entry.split('/');
  const inside = rest[0] === 'content' ? rest.slice(2) : rest.slice(1);
  return `${member}/${slugFromEntry(inside.join('/'))}`;
}

/** The member and slug of a case study's id: `ada/churn`, or `churn` outside a cohort. */
export function splitEntryId(id: string): { member?: string; slug: string } {
  const at = id.indexOf('/');
  return at === -1 ? { slug: id } : { member: id.slice(0, at), slug: id.slice(at + 1) };
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

/** The slug used when a text has nothing a URL can keep (only emoji, or no Latin letters). */
const FALLBACK_SLUG = 'case-study';

/**
 * Emoji, whole sequences first (flags, keycaps, skin tones, ZWJ families),
 * then any pictograph or joiner left over. Removed before transliterating so
 * none becomes a word (`♥` would otherwise turn into `love`).
 */
const EMOJI_SEQUENCE = /\p{RGI_Emoji}/gv;
const EMOJI_PART =
  /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0f\u20e3]/gu;

/**
 * A valid case-study slug for any text: the title `npm run new` names a new
 * case study after, or a name that is not a valid slug, for the content
 * check's "rename it to ..." hint. Accents transliterated
 * (`Prédiction` -> `prediction`), emoji and punctuation dropped, words joined
 * by single hyphens, and `case-study` when nothing is left. With `maxLength`,
 * a longer slug is cut between words (a single overlong word is cut).
 */
export function suggestSlug(text: string, maxLength = Number.POSITIVE_INFINITY): string {
  const words = text.normalize('NFC').replace(EMOJI_SEQUENCE, ' ').replace(EMOJI_PART, ' ');
  const slug = capSlug(slugify(words, { decamelize: false }), maxLength);
  return isValidSlug(slug) ? slug : FALLBACK_SLUG;
}

/** Cuts a slug to `maxLength`, dropping whole words; a single overlong word is cut. */
function capSlug(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  let capped = '';
  for (const word of slug.split('-')) {
    const next = capped === '' ? word : `${capped}-${word}`;
    if (next.length > maxLength) break;
    capped = next;
  }
  return capped === '' ? slug.slice(0, maxLength) : capped;
}
