import { z } from 'astro/zod';
import { textSchema } from './text.ts';

/** How much a stakeholder shaped the work. */
const influenceSchema = z.enum(['high', 'medium', 'low']);

/** Someone the work was for. */
export const stakeholderSchema = z.strictObject({
  /** Their job: "Head of Retention". */
  role: textSchema(120),
  /** Their name; omit it to keep the person private. */
  name: textSchema(80).optional(),
  /** Their team: "Marketing". */
  team: textSchema(80).optional(),
  /** What they needed from the work. */
  need: textSchema(300).optional(),
  /** What changed for them. */
  outcome: textSchema(300).optional(),
  /** `high`, `medium` or `low`. */
  influence: influenceSchema.optional(),
});
