import { z } from 'astro/zod';
import { plainRecordEntries, textSchema } from './text.ts';

/** The kinds of work a case study can describe. */
export const taskSchema = z.enum([
  'classification',
  'regression',
  'forecasting',
  'clustering',
  'ranking',
  'recommendation',
  'nlp',
  'computer-vision',
  'anomaly-detection',
  'causal-inference',
  'optimization',
  'analytics',
  'other',
]);

/** The approach that produced the results. */
export const modelSchema = z.strictObject({
  /** What the model is: "Gradient-boosted trees". */
  name: textSchema(120),
  /** The kind of problem, one of a fixed list (see the README). */
  task: taskSchema,
  /** Library and version: "scikit-learn 1.5", "PyTorch 2.4". */
  framework: textSchema(80).optional(),
  /** What the model was compared with: "Rule-based churn score". */
  baseline: textSchema(160).optional(),
  /** Settings worth showing: `{ max_depth: 6, learning_rate: 0.05 }`. */
  hyperparameters: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .superRefine(plainRecordEntries)
    .optional(),
});

export type Task = z.output<typeof taskSchema>;
