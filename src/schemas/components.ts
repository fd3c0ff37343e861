import { z } from 'astro/zod';
import { ARTIFACT_FORMATS } from './artifact-formats.ts';
import { CHART_TYPES } from './chart-types.ts';
import { localPathSchema } from './image.ts';
import { plainRecordEntries, plainString, textSchema } from './text.ts';

/**
 * Props of the components interns use in MDX. The pre-build check validates
 * every use against these with the same one-line errors as frontmatter, and
 * the components parse their props with them again at render.
 */

/** A row of inline chart data: column name to number or text. */
const dataRowSchema = z
  .record(z.string(), z.union([z.number(), z.string(), z.null()]))
  .superRefine(plainRecordEntries);

/** Exactly one of two props, with a message that names both. */
function oneOf<T extends Record<string, unknown>>(a: keyof T & string, b: keyof T & string) {
  return (value: T, ctx: z.core.$RefinementCtx<T>) => {
    const hasA = value[a] !== undefined;
    const hasB = value[b] !== undefined;
    if (hasA && hasB) {
      ctx.addIssue({ code: 'custom', path: [b], message: `give either ${a} or ${b}, not both` });
    } else if (!hasA && !hasB) {
      ctx.addIssue({
        code: 'custom',
        path: [a],
        message: `required field is missing (give ${a}="./file" or ${b}={...})`,
      });
    }
  };
}

/** `<Chart>`: a chart from a data file beside the MDX file, or from inline rows. */
export const chartPropsSchema = z
  .strictObject({
    /** `line` (default), `bar`, `horizontalBar` or `scatter`. */
    type: z.enum(CHART_TYPES).default('line'),
    /** A CSV or JSON file beside the MDX file: `./history.csv`. */
    src: localPathSchema.optional(),
    /** Inline rows instead of a file: `data={[{ epoch: 1, loss: 0.4 }]}`. */
    data: z.array(dataRowSchema).min(1).optional(),
    /** The column along the x axis; default: the first column. */
    x: plainString.trim().min(1).optional(),
    /** The column or columns to plot; default: every other numeric column. */
    y: z.union([plainString.trim().min(1), z.array(plainString.trim().min(1)).min(1)]).optional(),
    /** What the chart shows, in words. Required: it names the figure for everyone. */
    title: textSchema(160),
    /** The takeaway, shown under the title. */
    caption: textSchema(400).optional(),
    /** Axis titles; default: the column names. */
    xLabel: textSchema(60).optional(),
    yLabel: textSchema(60).optional(),
    /** Unit for values: `%`, `ms`, `$`. */
    unit: textSchema(12).optional(),
    /** Decimals for values in ticks, tooltips and the table. */
    decimals: z.int().min(0).max(8).optional(),
    /** The artifact format of `src`, when detection from its content is not enough. */
    format: z.enum(ARTIFACT_FORMATS).optional(),
  })
  .superRefine(oneOf('src', 'data'));

/** `<MetricsChart />`: the frontmatter metrics against their baselines. */
export const metricsChartPropsSchema = z.strictObject({
  /** Heading of the figure. */
  title: textSchema(160).default('Results against baselines'),
  /** The takeaway, shown under the title. */
  caption: textSchema(400).optional(),
});

/** `<ConfusionMatrix>`: rows are true classes, columns predicted. */
export const confusionMatrixPropsSchema = z
  .strictObject({
    /** A JSON nested array or a headerless CSV beside the MDX file. */
    src: localPathSchema.optional(),
    /** Counts inline: `matrix={[[52, 1], [1, 89]]}`. */
    matrix: z
      .array(z.array(z.number().min(0)).min(1))
      .min(1)
      .optional(),
    /** Class names in matrix order; default 0, 1, 2... */
    labels: z.array(textSchema(40)).min(1).optional(),
    /** Heading of the figure. */
    title: textSchema(160).default('Confusion matrix'),
    /** The takeaway, shown under the title. */
    caption: textSchema(400).optional(),
  })
  .superRefine(oneOf('src', 'matrix'));

/** `<Metric name="ROC AUC" />`: a frontmatter metric's value inline. */
export const metricPropsSchema = z.strictObject({
  /** The metric's name as written in the frontmatter. */
  name: plainString.trim().min(1),
});

/** `<Callout type="insight" title="...">`: a highlighted aside. */
export const calloutPropsSchema = z.strictObject({
  /** `note` (default), `insight` or `warning`. */
  type: z.enum(['note', 'insight', 'warning']).default('note'),
  /** A short heading; default: the type's name. */
  title: textSchema(120).optional(),
});

/** `<Figure src="./plot.png" alt="..." caption="..." />`: an optimised image with a caption. */
export const figurePropsSchema = z.strictObject({
  /** An image beside the MDX file: png, jpg, webp, avif, gif or svg. */
  src: localPathSchema,
  /** What the image shows, for people who cannot see it. Required. */
  alt: z
    .string()
    .trim()
    .refine((alt) => alt.length > 0, {
      error: 'alt text is required: describe what the image shows',
    }),
  /** The takeaway, shown under the image. */
  caption: textSchema(400).optional(),
});

/** `<Notebook src="./analysis.ipynb" />`: a Jupyter notebook's saved cells, never run. */
export const notebookPropsSchema = z.strictObject({
  /** A Jupyter notebook beside the MDX file: `./analysis.ipynb`. */
  src: localPathSchema.refine((src) => /\.ipynb$/i.test(src), {
    error: (issue) =>
      `expected a Jupyter notebook (a .ipynb file), got ${JSON.stringify(issue.input)}`,
  }),
  /**
   * The cells to show (in the notebook's order), each named by a label
   * (`#| label: roc` at the top of a code cell), a cell id, or an execution
   * count (the 12 of `In [12]`). Every cell when left out.
   */
  cells: z
    .array(z.union([textSchema(200), z.int().min(1)]))
    .min(1)
    .optional(),
  /** Show the code of code cells; default true. `input={false}` shows only outputs. */
  input: z.boolean().default(true),
  /** Show the outputs of code cells; default true. `outputs={false}` shows only code. */
  outputs: z.boolean().default(true),
  /**
   * Alt text for a cell's image outputs, by its label, id or execution
   * count, without editing the notebook:
   * `alt={{ roc: "ROC curve, AUC 0.91", 12: "Pair plot of the four features" }}`.
   * A cell's own `#| fig-alt:` (or `#| fig-cap:`) line is used first.
   */
  alt: z.record(textSchema(200), textSchema()).superRefine(plainRecordEntries).default({}),
});

/** Every component available in MDX without an import, with its props schema. */
export const componentPropSchemas = {
  Chart: chartPropsSchema,
  MetricsChart: metricsChartPropsSchema,
  ConfusionMatrix: confusionMatrixPropsSchema,
  Metric: metricPropsSchema,
  Callout: calloutPropsSchema,
  Figure: figurePropsSchema,
  Notebook: notebookPropsSchema,
} as const;

export type ComponentName = keyof typeof componentPropSchemas;
export type ChartProps = z.output<typeof chartPropsSchema>;
export type ConfusionMatrixProps = z.output<typeof confusionMatrixPropsSchema>;
export type NotebookProps = z.output<typeof notebookPropsSchema>;
