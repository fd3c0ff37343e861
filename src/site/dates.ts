/**
 * Calendar dates as content writes them: `YYYY-MM` or `YYYY-MM-DD`, or
 * `present`. Kept as strings end to end so output never depends on the
 * machine's time zone.
 */

const CALENDAR_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** True for a real month or day: `2025-02-30` and `2025-13` are rejected. */
export function isCalendarDate(text: string): boolean {
  return CALENDAR_DATE.test(text) && whyNotARealDate(text) === undefined;
}

/**
 * Why text written as `YYYY-MM` or `YYYY-MM-DD` names no real month or day:
 * `June has 30 days`, `February 2025 has 28 days`, `months run from 01 to
 * 12`. Undefined for a real date, and for text in another form.
 */
export function whyNotARealDate(text: string): string | undefined {
  const match = CALENDAR_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return 'months run from 01 to 12';
  if (match[3] === undefined) return undefined;
  const day = Number(match[3]);
  if (day === 0) return 'days run from 01';
  const days = daysInMonth(year, month);
  if (day <= days) return undefined;
  // February's length depends on the year, so the year is named with it.
  const monthName = month === 2 ? `February ${year}` : MONTH_NAMES[month - 1];
  return `${monthName} has ${days} days`;
}

/** Gregorian month lengths, with no `Date` (which reads years 0-99 as 1900-1999). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A `Date` from a YAML parser, as the UTC day it names. */
export function toIsoDay(date: Date): string {
  return Number.isNaN(date.getTime()) ? 'invalid date' : date.toISOString().slice(0, 10);
}

/**
 * Whether `end` is on or after `start`. A month and a day in that month count
 * as ordered either way round, since the month covers the day.
 */
export function isPeriodOrdered(start: string, end: string | undefined): boolean {
  if (end === undefined || end === 'present') return true;
  const precision = Math.min(start.length, end.length);
  return end.slice(0, precision) >= start.slice(0, precision);
}

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
