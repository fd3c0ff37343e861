import { z } from 'astro/zod';
import { textSchema } from './text.ts';
import { webUrlSchema } from './url.ts';

/** Who may see the data; shown as a badge on the dataset card. */
const accessSchema = z.enum(['public', 'internal', 'confidential']);

/** What was wrong with the data and what was done about it (Datasheets for Datasets' "preprocessing/cleaning"). */
const qualitySchema = z.strictObject({
  /** Missing values and how they were handled: "4.2% of merchant_category blank, imputed as \"unknown\"". */
  missing: textSchema(300).optional(),
  /** Duplicates and how they were handled: "1,380 duplicate authorisations dropped". */
  duplicates: textSchema(300).optional(),
  /** Label problems: noise, delay, class imbalance: "0.21% fraud; labels mature after 90 days". */
  labels: textSchema(300).optional(),
  /** Cleaning steps, in order: `[Removed test cards, Capped amounts at the 99.9th percentile]`. */
  cleaning: z.array(textSchema(200)).min(1).max(12).optional(),
});

/** What the model learned from. */
export const datasetSchema = z
  .strictObject({
    /** What the data is called: "Subscriber activity events". */
    name: textSchema(120),
    /** A sentence on what one row is and how the data was collected. */
    description: textSchema(600).optional(),
    /** Where it came from: "Internal data warehouse", "Kaggle", "UCI". */
    source: textSchema(120).optional(),
    /** A public link to the data; not allowed when `access` is `confidential`. */
    url: webUrlSchema.optional(),
    /** Number of rows or examples; shown with thousands separators. */
    rows: z.int().min(0).optional(),
    /** Number of columns or features. */
    features: z.int().min(0).optional(),
    /** Period the data covers: "Jan 2023 - Dec 2024". */
    timespan: textSchema(80).optional(),
    /** The data's license: "CC BY 4.0". */
    license: textSchema(80).optional(),
    /** Missing values, duplicates, label problems and cleaning steps: shown on the dataset card. */
    quality: qualitySchema.optional(),
    /** `public`, `internal` (default) or `confidential`. */
    access: accessSchema.default('internal'),
  })
  .superRefine(
    (dataset, ctx) => {
      if (typeof dataset !== 'object' || dataset === null) return;
      const { url, access } = dataset as { url?: unknown; access?: unknown };
      if (access === 'confidential' && url !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['url'],
          message: 'not allowed when access is "confidential"; remove the link or change access',
        });
      }
    },
    { when: () => true },
  );
