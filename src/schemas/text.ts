import { z } from 'astro/zod';

/** A non-empty line of text, trimmed; `max` bounds what a layout can hold. */
export function textSchema(max?: number) {
  const text = z.string().trim().min(1);
  return max === undefined ? text : text.max(max);
}

/** A list of short labels (tags, skills): blank entries rejected, duplicates dropped. */
export const labelListSchema = z.array(textSchema(60)).transform((labels) => [...new Set(labels)]);
