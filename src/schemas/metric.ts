import { z } from 'astro/zod';
import { ARTIFACT_FORMATS } from './artifact-formats.ts';
import { localPathSchema } from './image.ts';
import { plainString, textSchema } from './text.ts';
import { describeValue } from '../problems/describe-value.ts';

/**
 * A `from` that names a notebook: `./analysis.ipynb#report` is the notebook
 * `./analysis.ipynb` and the cell `report` (a `#| label:`, a cell id, or an
 * execution count), whose saved output holds the value. Undefined for any
 * other path (a `#` in another file's name is part of the name).
 */
export function notebookSource(from: string): { notebook: string; cell?: string } | undefined {
  const match = /^(.*?\.ipynb)(?:#(.*))?$/is.exec(from);
  if (!match) return undefined;
  const [, notebook = '', cell = ''] = match;
  return cell.trim() === '' ? { notebook } : { notebook, cell: cell.trim() };
}

/** Which direction of change counts as an improvement. */
const goalSchema = z.enum(['higher', 'lower']);

/** One result, compared with its baseline. */
export const metricSchema = z
  .strictObject({
    /** Name shown in the results table and used by `<Metric name>`; unique in a case study. */
    name: textSchema(80),
    /** The result, exactly as measured. Give `value` or `from`, not both. */
    value: z.number().optional(),
    /**
     * An artifact file beside the case study to read the value from, with
     * `key`; or a notebook cell, `./analysis.ipynb#report` (a `#| label:`,
     * cell id or execution count after the `#`), whose saved output holds it.
     */
    from: localPathSchema.optional(),
    /**
     * Where in the `from` file the value is: a dotted path such as `macro
     * avg.f1-score`, or a logged metric's name (its last value), optionally
     * with `@best`, `@min`, `@max` or `@step=N`. Not needed for a notebook
     * cell whose output is one number.
     */
    key: plainString.trim().min(1).optional(),
    /** The `from` file's format, when detection from its content is not enough. */
    format: z.enum(ARTIFACT_FORMATS).optional(),
    /** Decimals to show; default: as written, or four significant digits for values read from files. */
    decimals: z.int().min(0).max(8).optional(),
    /** What the result is compared with, in the same unit. */
    baseline: z.number().optional(),
    /** `higher` (default) or `lower`: which direction is better. */
    goal: goalSchema.default('higher'),
    /** Short unit: `%`, `ms`, `$`, `pp`, `x` or any short text. */
    unit: textSchema(12).optional(),
    /** Where it was measured: `test`, `validation`, `production`, `A/B test`. */
    split: textSchema(40).optional(),
    /** Marks the headline result for cards; at most one per case study (default: the first). */
    primary: z.boolean().optional(),
    /** One sentence on what the number means. */
    description: textSchema(300).optional(),
  })
  .superRefine((metric, ctx) => {
    const hasValue = metric.value !== undefined;
    const hasFrom = metric.from !== undefined;
    if (hasValue && hasFrom) {
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: 'give either value or from, not both',
      });
    } else if (!hasValue && !hasFrom) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message:
          'required field is missing (expected a number, or from + key to read it from a file)',
      });
    } else if (hasFrom && metric.key === undefined && !notebookSource(metric.from ?? '')) {
      ctx.addIssue({
        code: 'custom',
        path: ['key'],
        message: `required with from (expected the name of the value in ${describeValue(metric.from)})`,
      });
    }
    if (hasFrom && metric.format !== undefined && notebookSource(metric.from ?? '')) {
      ctx.addIssue({
        code: 'custom',
        path: ['format'],
        message:
          "does not apply to a notebook, whose cell's output is read as it is (JSON, a Python value or a printed classification_report); remove format",
      });
    }
    for (const field of ['key', 'format'] as const) {
      if (metric[field] !== undefined && !hasFrom) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `${field} only makes sense with from`,
        });
      }
    }
  });

/**
 * The metrics of a case study: at least one, unique names, at most one
 * primary. The list-level rules run even when a single metric is broken, so
 * one build reports every problem.
 */
export const metricListSchema = z
  .array(metricSchema)
  .min(1)
  .superRefine(
    (metrics, ctx) => {
      if (!Array.isArray(metrics)) return;
      const firstIndexByName = new Map<string, number>();
      const primaries: number[] = [];
      metrics.forEach((metric: unknown, index) => {
        if (typeof metric !== 'object' || metric === null) return;
        const { name, primary } = metric as { name?: unknown; primary?: unknown };
        if (typeof name === 'string') {
          const key = name.trim().toLowerCase();
          const first = firstIndexByName.get(key);
          if (first === undefined) firstIndexByName.set(key, index);
          else
            ctx.addIssue({
              code: 'custom',
              path: [index, 'name'],
              message: `duplicate metric name ${describeValue(name)} (also metrics[${first}].name); names must be unique`,
            });
        }
        if (primary === true) primaries.push(index);
      });
      for (const index of primaries.slice(1)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'primary'],
          message: `only one metric can be primary, and metrics[${primaries[0]}] already is`,
        });
      }
    },
    { when: () => true },
  );

export type Metric = z.output<typeof metricSchema>;
