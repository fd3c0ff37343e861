import { z } from 'astro/zod';
import { bidiControlText, unshowableText } from './characters.ts';
import { labelSlugProblem, uniqueLabels } from './labels.ts';

function refine(problem: (text: string) => string | undefined) {
  return (text: string, ctx: z.core.$RefinementCtx<string>) => {
    const message = problem(text);
    if (message !== undefined) ctx.addIssue({ code: 'custom', message });
  };
}

/**
 * Any string an intern writes: refused when it holds a character no page or
 * feed can show ({@link unshowableText}). The base of every text field.
 */
export const plainString = z.string().superRefine(refine(unshowableText));

/**
 * A string that names a file or a page (a path, a title, a tag): also
 * refused with a bidirectional control in it ({@link bidiControlText}).
 */
export const nameString = plainString.superRefine(refine(bidiControlText));

/** A non-empty line of text, trimmed; `max` bounds what a layout can hold. */
export function textSchema(max?: number) {
  const text = plainString.trim().min(1);
  return max === undefined ? text : text.max(max);
}

/** A {@link textSchema} that names a page or a file: a title, a tag, a skill. */
export function nameSchema(max: number) {
  return nameString.trim().min(1).max(max);
}

/**
 * The problems of the text in a map of names to values (hyperparameters,
 * a row of inline chart data), each at its key: a record's own key errors
 * would only say "Invalid key in record".
 */
export function plainRecordEntries(record: Record<string, unknown>, ctx: z.core.$RefinementCtx) {
  for (const [key, value] of Object.entries(record)) {
    const problem =
      unshowableText(key) ?? (typeof value === 'string' ? unshowableText(value) : undefined);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: problem });
  }
}

/**
 * A list of short labels (tags, skills): blank entries rejected, and so are
 * entries with no letter or digit to name their page by; entries that would
 * lead to the same page (`Churn`, `churn`) kept once, as first written.
 * `npm run check` warns about the repeats.
 */
export const labelListSchema = z
  .array(nameSchema(60).superRefine(refine(labelSlugProblem)))
  .transform(uniqueLabels);
