import type { CheerioAPI } from 'cheerio';
import { de } from '../../src/i18n/de.ts';
import { en } from '../../src/i18n/en.ts';
import { textOf } from './build.ts';

/** Every string of a dictionary, by key path (functions left out: their words are checked as rendered). */
export function strings(value: unknown, key = ''): [string, string][] {
  if (typeof value === 'string') return [[key, value]];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([name, item]) => strings(item, `${key}.${name}`));
  }
  return [];
}

/**
 * The English dictionary's phrases of more than one word that German says
 * differently ("Key results", "vs baseline", "Clear filters"), with the
 * placeholders and markup taken out: none may be left on a German page.
 */
const germanOf = new Map(strings(de));
export const ENGLISH_PHRASES = strings(en)
  .filter(([key, phrase]) => phrase.trim().includes(' ') && germanOf.get(key) !== phrase)
  .map(([, phrase]) => phrase.replace(/\{\w+\}|<\/?strong>/g, '').trim())
  .filter((phrase) => phrase.includes(' '));

/**
 * What a reader or a screen reader gets from a page: its text (scripts,
 * styles and code left out: code is the intern's) and the attributes that
 * are read aloud or shown.
 */
export function readable($: CheerioAPI): string {
  $('script, style, code, pre').remove();
  const attributes = $('[aria-label], [alt], [title], [placeholder]')
    .map((_, element) =>
      ['aria-label', 'alt', 'title', 'placeholder'].map((name) => $(element).attr(name) ?? ''),
    )
    .get();
  return [textOf($('html')), ...attributes, $('meta[name="description"]').attr('content') ?? '']
    .join(' ')
    .replace(/\s+/g, ' ');
}
