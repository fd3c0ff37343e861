/**
 * The content contract's calendar dates: `YYYY-MM` or `YYYY-MM-DD`, or
 * `present`, kept as strings end to end so output never depends on the
 * machine's time zone. The rules the schemas apply; site/dates.ts writes
 * dates for readers.
 */

export const CALENDAR_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** English month names, for the calendar's messages (pages name months with Intl, in their language). */
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
