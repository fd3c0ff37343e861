import { z } from 'astro/zod';
import { textSchema } from './text.ts';
import { urlSchema } from './url.ts';

/**
 * content/cohort.yaml: the program that publishes its interns as one site.
 * Its presence makes the site a cohort; without it everything is a single
 * portfolio, as before.
 */
export const cohortSchema = z.strictObject({
  /** The program's name, shown as the site's title: "Data Science Fellows 2026". */
  name: textSchema(80),
  /** A short paragraph under the name; inline Markdown (emphasis, links) allowed. */
  description: textSchema(800).optional(),
  /** The program's own site, linked from the cohort home. */
  url: urlSchema(['https', 'http']).optional(),
  /** The cohort's year: 2026. */
  year: z.number().int().min(1900).max(2100).optional(),
  /** The program's tracks; when listed, each member's `track` must be one of them. */
  tracks: z.array(textSchema(60)).optional(),
  /**
   * What a member with problems does to the build: `fail` stops it (the
   * default); `skip` leaves that member out, builds the rest and reports who
   * was left out and why.
   */
  onMemberError: z.enum(['fail', 'skip']).default('fail'),
});

export type CohortData = z.output<typeof cohortSchema>;

/** The cohort file, relative to the content folder. */
export const COHORT_FILE = 'cohort.yaml';

/** The folder of the members, relative to the content folder. */
export const PEOPLE_DIR = 'people';

/**
 * Where a portfolio's pages live, relative to the site's base: a single
 * portfolio at the root (`''`), a cohort member under `people/<member>/`.
 * Every URL of a member's pages, cards and records starts with it.
 */
export function portfolioPath(member: string | undefined): string {
  return member === undefined ? '' : `${PEOPLE_DIR}/${member}/`;
}
