import { z } from 'astro/zod';
import { ARTIFACT_FORMATS } from './artifact-formats.ts';
import { localPathSchema } from './image.ts';
import { plainString, textSchema } from './text.ts';

/**
 * Responsible ML: what a model is for, where it fails, and how it does for
 * each group of people or cases it touches. The sections of the Model Cards
 * paper (Mitchell et al., 2019) and of Hugging Face's model card, as
 * frontmatter. Every field is optional.
 */

/**
 * The most groups a breakdown shows: a table and a bar per group stay
 * readable on a phone, and a file of thousands of rows (one per customer by
 * mistake) does not become a page too large to open. A file with more names
 * the ones to show in `groups`.
 */
export const MAX_FAIRNESS_GROUPS = 40;

/** A metric of the fairness file, shown per group: its column, or the column with its goal. */
const fairnessMetricSchema = z.union([
  plainString.trim().min(1).max(80),
  z.strictObject({
    /** The metric's column in the fairness file: `recall`, `false_positive_rate`. */
    name: plainString.trim().min(1).max(80),
    /** `higher` (default) or `lower`: which direction is better, so the gap names the worse group. */
    goal: z.enum(['higher', 'lower']).default('higher'),
    /** What the page calls it, when the column name is not readable: "False-positive rate". */
    label: textSchema(80).optional(),
  }),
]);

/** One metric broken down by group: fairlearn's `MetricFrame.by_group`, saved beside the case study. */
export const fairnessSchema = z.strictObject({
  /** What the groups are: "issuing region", "age band". */
  attribute: textSchema(80),
  /**
   * The file beside the case study: `MetricFrame.by_group.to_csv()` (first
   * column the group, one column per metric, optionally `count`), or its
   * `.to_json()`.
   */
  from: localPathSchema,
  /** Where in a JSON file the table is, when it is not the whole file: a dotted path. */
  key: plainString.trim().min(1).optional(),
  /** The file's format, when detection from its content is not enough. */
  format: z.enum(ARTIFACT_FORMATS).optional(),
  /** The columns to show, in order; each higher-is-better unless `goal: lower`. */
  metrics: z.array(fairnessMetricSchema).min(1).max(8),
  /** The groups to show, in order, when not every row of the file: names as the file writes them. */
  groups: z.array(plainString.trim().min(1).max(80)).min(2).max(MAX_FAIRNESS_GROUPS).optional(),
});

/** A risk the work carries, and what was done about it. */
const riskSchema = z.strictObject({
  /** What could go wrong, and for whom: "Higher false-positive rate for cards issued abroad". */
  risk: textSchema(300),
  /** What limits it: "Threshold per issuing region, reviewed monthly". */
  mitigation: textSchema(300).optional(),
});

/** Intended use, limits, risks and fairness of the work: the case study's "Responsible ML" section. */
export const responsibleSchema = z.strictObject({
  /** What the model is for, and who uses it: "Rank card transactions for manual review by the fraud team." */
  intendedUse: textSchema(400).optional(),
  /** Uses it was not built or tested for: "Automatic blocking of cards without review." */
  outOfScope: textSchema(400).optional(),
  /** Where it is known to do badly, or what it was not tested on. */
  limitations: z.array(textSchema(300)).min(1).max(12).optional(),
  /** Harms it could cause, each with its mitigation. */
  risks: z.array(riskSchema).min(1).max(12).optional(),
  /** The metrics broken down by group (disaggregated evaluation). */
  fairness: fairnessSchema.optional(),
});

export type FairnessData = z.output<typeof fairnessSchema>;
