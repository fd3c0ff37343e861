import { z } from 'astro/zod';
import { friendlyIssues } from '../problems/friendly-issues.ts';
import { analyticsSchema } from './analytics.ts';
import { commentsSchema } from './comments.ts';
import { localeSchema } from './locale.ts';

/** Options for the `casefolio()` integration in astro.config.mjs. */
export const siteOptionsSchema = z.strictObject({
  /** Folder holding profile.yaml and case-studies/, relative to the project root. Default `content`. */
  contentDir: z.string().min(1).default('content'),
  /**
   * The language of the site's pages: every heading and label, how numbers
   * and dates are written, `<html lang dir>` and the search index. `en`,
   * `de`, `es`, `fr`, `pt`, `zh-Hans` or `ar`. A case study written in
   * another language says so with its own `locale:`. Default `en`.
   */
  locale: localeSchema.default('en'),
  /**
   * Headings every case study should have; `npm run check` reports the ones
   * missing. Default: the case study's language's (Problem, Approach,
   * Results, Impact in English; Problem, Vorgehen, Ergebnisse, Wirkung in
   * German).
   */
  sections: z.array(z.string().trim().min(1)).optional(),
  /**
   * Host name endings that must not appear in a case study whose dataset is
   * confidential (with email addresses and phone numbers). Default: `.internal`,
   * `.corp`, `.local`.
   */
  privateHostSuffixes: z.array(z.string().trim().min(1)).default(['.internal', '.corp', '.local']),
  /** Summaries longer than this are cut on cards; `npm run check` warns. Default 200. */
  cardSummaryLength: z.int().min(40).default(200),
  /**
   * The largest notebook `<Notebook src>` may name, in megabytes: a bigger
   * one fails the check with one line, before it is read. Notebooks grow
   * with their saved images. Default 20.
   */
  notebookSizeLimit: z.number().positive().max(1024).default(20),
  /**
   * A privacy-first analytics service, off by default: `{ provider:
   * 'plausible', domain }`, `{ provider: 'umami', websiteId }`, `{ provider:
   * 'goatcounter', code }`, `{ provider: 'cloudflare', token }`, or `{ script,
   * connect }` for another. Its script is added to every page and its
   * origins to the Content-Security-Policy.
   */
  analytics: analyticsSchema.optional(),
  /**
   * Reader comments on case-study pages, off by default: `{ giscus: { repo,
   * repoId, category, categoryId } }` keeps them as GitHub Discussions of
   * that repository (giscus.app shows the IDs). giscus loads only when a
   * reader opens the comments, and its origin joins the
   * Content-Security-Policy only when comments are on.
   */
  comments: commentsSchema.optional(),
});

export type SiteOptions = z.input<typeof siteOptionsSchema>;
export type ResolvedSiteOptions = z.output<typeof siteOptionsSchema>;

/** `notebookSizeLimit` in bytes, as the notebook reader takes it. */
export function notebookMaxBytes(options: Pick<ResolvedSiteOptions, 'notebookSizeLimit'>): number {
  return Math.round(options.notebookSizeLimit * 1024 * 1024);
}

/**
 * The options of `casefolio()` as the integration and `npm run check` take
 * them, or an error of one line per problem (`casefolio() analytics.domain:
 * must be a host name…`) with no stack: Astro prints such an error as its
 * bare message when the config cannot be loaded.
 */
export function parseSiteOptions(options: unknown): ResolvedSiteOptions {
  const parsed = siteOptionsSchema.safeParse(options, { reportInput: true });
  if (parsed.success) return parsed.data;
  const error = new Error(
    friendlyIssues(parsed.error.issues, siteOptionsSchema)
      .map((issue) => `casefolio() ${issue.field || 'options'}: ${issue.message}`)
      .join('\n'),
  );
  error.name = 'SiteOptionsError';
  error.stack = '';
  throw error;
}
