import { z } from 'astro/zod';
import { uniqueLabels } from './labels.ts';

/** A non-empty line of text, trimmed; `max` bounds what a layout can hold. */
export function textSchema(max?: number) {
  const text = z.string().trim().min(1);
  return max === undefined ? text : text.max(max);
}

/**
 * A list of short labels (tags, skills): blank entries rejected, and entries
 * that would lead to the same page (`Churn`, `churn`) kept once, as first
 * written. `npm run check` warns about the repeats.
 */
export const labelListSchema = z.array(textSchema(60)).transform(uniqueLabels);
