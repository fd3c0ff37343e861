import { z } from 'astro/zod';
import { describeValue } from '../lib/describe-value.ts';
import { isCalendarDate, isPeriodOrdered, toIsoDay } from '../lib/dates.ts';

const DATE_HINT = 'a date as YYYY-MM or YYYY-MM-DD';

/**
 * A month (`2025-06`) or a day (`2025-06-15`), normalised to that string.
 * YAML parsers disagree on bare dates (some return a `Date`), so both forms
 * are accepted and turned back into text that sorts and prints predictably.
 */
export const calendarDateSchema = z.unknown().transform((value, ctx): string => {
  const text = value instanceof Date ? toIsoDay(value) : value;
  if (typeof text === 'string' && isCalendarDate(text)) return text;
  ctx.addIssue({
    code: 'custom',
    message:
      value === undefined
        ? `required field is missing (expected ${DATE_HINT})`
        : `expected ${DATE_HINT}, got ${describeValue(value)}`,
  });
  return z.NEVER;
});

/** Like {@link calendarDateSchema}, or the word `present` for ongoing work. */
export const endDateSchema = z.unknown().transform((value, ctx): string => {
  if (value === 'present') return value;
  const text = value instanceof Date ? toIsoDay(value) : value;
  if (typeof text === 'string' && isCalendarDate(text)) return text;
  ctx.addIssue({
    code: 'custom',
    message: `expected ${DATE_HINT} or "present", got ${describeValue(value)}`,
  });
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

export type Period = z.output<typeof periodSchema>;
