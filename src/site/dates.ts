/**
 * Dates as a reader sees them, in the page's language: `Jun 2025 – Aug
 * 2025` (`Juni 2025 – Aug. 2025`), `3 months` (`3 Monate`), and the
 * machine-readable `<time datetime>`. Month names and units come from Intl,
 * the words for ongoing work from the language's dictionary. What a valid
 * date is lives in schemas/calendar.ts.
 */

import { memoize } from 'es-toolkit/function';
import { CALENDAR_DATE } from '../schemas/calendar.ts';
import { dictionary } from '../i18n/dictionaries.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';

type Period = { start: string; end?: string | undefined };

/** A sortable key for a period's end: `present` sorts after every date. */
export function periodEndKey(period: Period): string {
  const end = period.end ?? period.start;
  return end === 'present' ? '9999-99-99' : end;
}

/** Month and year in `locale`, in UTC so the build machine's time zone never shifts a month. */
const monthFormat = memoize(
  (locale: Locale) =>
    new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
);

/** `2025-06` -> `Jun 2025`; `2025-06-15` -> `Jun 2025` (days are too fine for a portfolio). */
export function formatMonth(date: string, locale: Locale = DEFAULT_LOCALE): string {
  if (date === 'present') return dictionary(locale).dates.present;
  const match = CALENDAR_DATE.exec(date);
  if (!match) return date;
  return monthFormat(locale).format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

/** `Jun 2025 – Aug 2025`, `Jun 2025 – Present`, or one month when start and end agree. */
export function formatPeriod(period: Period, locale: Locale = DEFAULT_LOCALE): string {
  const start = formatMonth(period.start, locale);
  if (period.end === undefined) return start;
  const end = formatMonth(period.end, locale);
  return start === end ? start : `${start} – ${end}`;
}

/** `3 months`, `1 year` in `locale`'s words and plural (Intl's unit formatting). */
const unitFormat = memoize((key: string) => {
  const [locale = DEFAULT_LOCALE, unit = 'month'] = key.split('|');
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' });
});

/**
 * How long the work lasted, in words: `3 months` (both end months count),
 * `1 month`, `2 years`, or `ongoing` for work that runs to `present`
 * (computing it from today's date would make builds differ from day to day).
 */
export function formatDuration(period: Period, locale: Locale = DEFAULT_LOCALE): string {
  if (period.end === 'present') return dictionary(locale).dates.ongoing;
  const end = period.end ?? period.start;
  const [startYear, startMonth] = period.start.split('-').map(Number);
  const [endYear, endMonth] = end.split('-').map(Number);
  if (!startYear || !startMonth || !endYear || !endMonth) return '';
  const months = Math.max(1, (endYear - startYear) * 12 + (endMonth - startMonth) + 1);
  if (months % 12 === 0) return unitFormat(`${locale}|year`).format(months / 12);
  return unitFormat(`${locale}|month`).format(months);
}

/** The machine-readable form for `<time datetime>`. */
export function toDatetimeAttribute(date: string): string | undefined {
  return date === 'present' ? undefined : date;
}
