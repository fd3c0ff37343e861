import { z } from 'astro/zod';
import { describeValue } from '../problems/describe-value.ts';
import { isCalendarDate, isPeriodOrdered, toIsoDay, whyNotARealDate } from './calendar.ts';

const DATE_HINT = 'a date as YYYY-MM or YYYY-MM-DD';

/**
 * The message for a value that is not a date: an impossible date written in
 * the right form says what is impossible about it (`2025-06-31 is not a real
 * date (June has 30 days)`), anything else what form is expected.
 */
function notADate(value: unknown, expected: string): string {
  const impossible = typeof value === 'string' ? whyNotARealDate(value) : undefined;
  if (impossible) return `${value as string} is not a real date (${impossible})`;
  return value === undefined
    ? `required field is missing (expected ${expected})`
    : `expected ${expected}, got ${describeValue(value)}`;
}

/**
 * A month (`2025-06`) or a day (`2025-06-15`), normalised to that string.
 * YAML parsers disagree on bare dates (some return a `Date`), so both forms
 * are accepted and turned back into text that sorts and prints predictably.
 */
export const calendarDateSchema = z.unknown().transform((value, ctx): string => {
  const text = value instanceof Date ? toIsoDay(value) : value;
  if (typeof text === 'string' && isCalendarDate(text)) return text;
  ctx.addIssue({ code: 'custom', message: notADate(value, DATE_HINT) });
  return z.NEVER;
});

/** Like {@link calendarDateSchema}, or the word `present` for ongoing work. */
export const endDateSchema = z.unknown().transform((value, ctx): string => {
  if (value === 'present') return value;
  const text = value instanceof Date ? toIsoDay(value) : value;
  if (typeof text === 'string' && isCalendarDate(text)) return text;
  ctx.addIssue({ code: 'custom', message: notADate(value, `${DATE_HINT} or "present"`) });
  return z.NEVER;
});

/** Adds the "end is not before start" rule to any object with `start` and `end`. */
export function withOrderedDates<T extends z.ZodType<{ start: string; end?: string | undefined }>>(
  schema: T,
) {
  return schema.superRefine((value, ctx) => {
    if (!isPeriodOrdered(value.start, value.end)) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: `must not be before start (${value.start}), got ${value.end}`,
      });
    }
  });
}

/** When the work happened. */
export const periodSchema = withOrderedDates(
  z.strictObject({
    /** First month (or day) of the work: `2025-06` or `2025-06-02`. */
    start: calendarDateSchema,
    /** Last month (or day), or `present` for ongoing work. Omit for a single month. */
    end: endDateSchema.optional(),
  }),
);
