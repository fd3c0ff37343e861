/**
 * Dates as a reader sees them: `Jun 2025 – Aug 2025`, `3 months`, and the
 * machine-readable `<time datetime>`. What a valid date is lives in
 * schemas/calendar.ts.
 */

import { CALENDAR_DATE, MONTH_NAMES } from '../schemas/calendar.ts';

/** A sortable key for a period's end: `present` sorts after every date. */
export function periodEndKey(period: { start: string; end?: string | undefined }): string {
  const end = period.end ?? period.start;
  return end === 'present' ? '9999-99-99' : end;
}

/** `2025-06` -> `Jun 2025`; `2025-06-15` -> `Jun 2025` (days are too fine for a portfolio). */
export function formatMonth(date: string): string {
  if (date === 'present') return 'Present';
  const match = CALENDAR_DATE.exec(date);
  if (!match) return date;
  return `${MONTH_NAMES[Number(match[2]) - 1]?.slice(0, 3)} ${match[1]}`;
}

/** `Jun 2025 – Aug 2025`, `Jun 2025 – Present`, or one month when start and end agree. */
export function formatPeriod(period: { start: string; end?: string | undefined }): string {
  const start = formatMonth(period.start);
  if (period.end === undefined) return start;
  const end = formatMonth(period.end);
  return start === end ? start : `${start} – ${end}`;
}

/**
 * How long the work lasted, in words: `3 months` (both end months count),
 * `1 month`, or `ongoing` for work that runs to `present` (computing it from
 * today's date would make builds differ from day to day).
 */
export function formatDuration(period: { start: string; end?: string | undefined }): string {
  if (period.end === 'present') return 'ongoing';
  const end = period.end ?? period.start;
  const [startYear, startMonth] = period.start.split('-').map(Number);
  const [endYear, endMonth] = end.split('-').map(Number);
  if (!startYear || !startMonth || !endYear || !endMonth) return '';
  const months = Math.max(1, (endYear - startYear) * 12 + (endMonth - startMonth) + 1);
  if (months % 12 === 0) return months === 12 ? '1 year' : `${months / 12} years`;
  return months === 1 ? '1 month' : `${months} months`;
}

/** The machine-readable form for `<time datetime>`. */
export function toDatetimeAttribute(date: string): string | undefined {
  return date === 'present' ? undefined : date;
}
