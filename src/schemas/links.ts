import { z } from 'astro/zod';
import { webUrlSchema } from './url.ts';

/** The link kinds a case study can show, in display order. */
export const projectLinkKinds = [
  'repo',
  'demo',
  'notebook',
  'slides',
  'report',
  'paper',
  'video',
] as const;

/** Links out of a case study; every value is an http(s) URL. */
export const projectLinksSchema = z.strictObject({
  /** Source code repository. */
  repo: webUrlSchema.optional(),
  /** A live demo or app. */
  demo: webUrlSchema.optional(),
  /** A rendered notebook (nbviewer, Colab, Kaggle). */
  notebook: webUrlSchema.optional(),
  /** Presentation slides. */
  slides: webUrlSchema.optional(),
  /** A written report. */
  report: webUrlSchema.optional(),
  /** A paper or preprint. */
  paper: webUrlSchema.optional(),
  /** A recorded talk or walkthrough. */
  video: webUrlSchema.optional(),
});
