import { z } from 'astro/zod';

/** Options for the `casefolio()` integration in astro.config.mjs. */
export const siteOptionsSchema = z.strictObject({
  /** Folder holding profile.yaml and case-studies/, relative to the project root. Default `content`. */
  contentDir: z.string().min(1).default('content'),
});

export type SiteOptions = z.input<typeof siteOptionsSchema>;
