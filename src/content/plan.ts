import path from 'node:path';
import type { CaseStudyFile, ContentReport, FoundCaseStudy } from './check.ts';
import type { CaseStudyData } from '../schemas/case-study.ts';
import type { ResolvedMetric } from '../artifacts/resolve-metric.ts';
import type { FairnessView } from '../fairness/view.ts';
import { fairnessKey } from '../processes/fairness-views.ts';
import type { CheckedValues } from '../processes/checked-values.ts';
import { checkAll, type CheckLocation, type LintOptions } from './check-all.ts';
import type { Finding } from './lints.ts';
import { portfolioOgCards, type OgCardFile } from '../og/card.ts';
import type { ContentProblem } from '../problems/problem.ts';
import { pruneNotebookImages } from '../notebooks/images.ts';
import { metricKey } from '../processes/resolved-metrics.ts';
import { searchRecord, type SearchRecord } from '../search/records.ts';
import { siteOptionsSchema } from '../schemas/site-options.ts';

/**
 * What Astro is told about the content, worked out from one full check of it
 * before any page is built. It holds only plain data, so a production build
 * can work it out in a child process (content/plan-child.ts) while Astro sets
 * itself up, and the full report (every parsed file) never stays in Astro's
 * memory.
 */
export interface ContentPlan extends CheckedValues {
  /**
   * Every problem in every file, sorted, with the authoring lints that
   * `npm run check` calls errors; the build stops when there is one.
   */
  problems: ContentProblem[];
  /** The lints `npm run check` calls warnings, sorted: printed, never stopping anything. */
  warnings: Finding[];
  /** Glob patterns, relative to the case-studies folder, the collection loads. */
  caseStudyPatterns: string[];
  /**
   * The images decoded from the notebooks of the studies Astro renders,
   * absolute: what virtual:casefolio/notebook-images bundles.
   */
  notebookImages: string[];
  /** Folder-form drafts, absolute: their images are never bundled. Empty in dev. */
  draftFolders: string[];
  /** The Open Graph cards a production build paints; empty otherwise or with problems. */
  cards: OgCardFile[];
  /** What a production build's search index holds, one record per published study; empty otherwise. */
  searchRecords: SearchRecord[];
  /** A production build's published studies, what their model cards are written from (model-card/write.ts); empty otherwise. */
  publishedStudies: PublishedStudies;
}

/** The published studies as the pages see them, but for their entries, and the profile's name. */
interface PublishedStudies {
  author: string;
  studies: (CaseStudyData & {
    slug: string;
    metrics: ResolvedMetric[];
    fairness?: FairnessView | undefined;
  })[];
}

/**
 * What Astro's process needs of the plan: the search records go to the
 * indexer, the published studies to the model-card writer, each through a file.
 */
export type BuildContentPlan = Omit<ContentPlan, 'searchRecords' | 'publishedStudies'>;

export type PlanLocation = CheckLocation;

/**
 * Both forms of case-study entry as globs for Astro's loader, without
 * ignored names (`isIgnoredName` in files/walk.ts): `_` by these patterns,
 * `.` because the loader's globs never match a name that starts with a dot.
 * The same entries as the content check's findCaseStudyFiles.
 */
const ENTRY_PATTERNS = ['*.mdx', '*/index.mdx', '!_*', '!_*/**'];

/**
 * The files a production build loads: every case study but the drafts (and
 * the links Casefolio does not follow). Both forms by wildcard and each
 * draft excluded by name, because the glob loader matches every file
 * against every pattern: one pattern per published file took half a second
 * at 1,000 case studies. (Slugs are checked before this, so a name never
 * holds glob syntax.)
 */
function publishedPatterns(entries: readonly FoundCaseStudy[]): string[] {
  const drafts = entries
    .filter((entry) => entry.draft || entry.linked)
    .map((entry) => `!${entry.entry}`);
  return [...ENTRY_PATTERNS, ...drafts];
}

/**
 * What `astro dev` loads: every case study, drafts included, except files
 * whose frontmatter or MDX cannot even be parsed (those would stop the dev
 * server before it could show the problem in the overlay) and links
 * Casefolio does not follow.
 */
function devPatterns(
  entries: readonly CaseStudyFile[],
  linked: readonly FoundCaseStudy[],
): string[] {
  const unreadable = [...entries.filter((entry) => !entry.parsed?.body), ...linked].map(
    (entry) => `!${entry.entry}`,
  );
  return [...ENTRY_PATTERNS, ...unreadable];
}

/**
 * The cards of a production build, from the content check's report: the
 * published case studies (with the metric values the check read from their
 * files, as the pages show them) and the profile. Only called once the
 * report has no problems.
 */
function cardsFromReport(report: ContentReport): OgCardFile[] {
  if (!report.profile) return [];
  const studies = report.caseStudies.flatMap((file) => {
    const valid = file.parsed?.valid;
    if (file.draft || !valid) return [];
    const read = new Map(file.parsed?.metrics);
    const metrics = valid.metrics.map(
      (metric) => read.get(metricKey(file.absolutePath, metric)) ?? metric,
    );
    const { title, organization, responsible } = valid;
    return [{ slug: file.slug, title, organization, metrics, responsible }];
  });
  return portfolioOgCards(studies, report.profile);
}

/**
 * The published studies with the metric values and fairness views the check
 * read, as site/portfolio.ts puts them together for the pages.
 */
function publishedStudies(
  report: ContentReport,
  published: readonly CaseStudyFile[],
): PublishedStudies {
  const studies = published.flatMap(({ slug, absolutePath, parsed }) => {
    const valid = parsed?.valid;
    if (!valid) return [];
    const read = new Map(parsed.metrics);
    const metrics = valid.metrics.map(
      (metric) => read.get(metricKey(absolutePath, metric)) ?? metric,
    );
    const asked = valid.responsible?.fairness;
    const fairness = asked && new Map(parsed.fairness).get(fairnessKey(absolutePath, asked));
    return [{ ...valid, slug, metrics, fairness }];
  });
  return { author: report.profile?.name ?? '', studies };
}

/** What a plan is for: drafts shown (dev), a production build, and the lints' options. */
export interface PlanMode {
  showDrafts: boolean;
  forBuild: boolean;
  /** The project's lint options; the defaults of casefolio() when left out. */
  lints?: LintOptions;
}

/**
 * Checks all content (`checkAll`, as `npm run check` does) and plans what
 * Astro loads: drafts only in dev (`showDrafts`); cards and search records
 * only for a production build (`forBuild`) whose content has no problems;
 * the built charts, matrices and metrics for such a build and for dev.
 *
 * Without drafts, the files to load are known once every frontmatter has
 * been read, long before the checks end: `onPatterns` hears them then, so a
 * build's content collections can start loading while the check goes on.
 */
export async function planContent(
  location: PlanLocation,
  mode: PlanMode,
  onPatterns?: (patterns: string[]) => void,
): Promise<ContentPlan> {
  const started = Date.now();
  // The lints run in the same check, so the build refuses what `npm run
  // check` calls an error without checking anything twice.
  const { report, findings } = await checkAll(
    location,
    mode.lints ?? siteOptionsSchema.parse({}),
    (found) => {
      if (!mode.showDrafts) onPatterns?.(publishedPatterns(found));
    },
  );
  const problems: ContentProblem[] = findings.filter((finding) => finding.severity === 'error');
  const entries = report.caseStudies;
  // A production build without problems makes its pages, cards and search
  // from the published studies; anything else gets none of them.
  const forPages = mode.forBuild && problems.length === 0;
  const published = forPages ? entries.filter((entry) => !entry.draft) : [];
  // What the check read for the pages, so they open no file again: a
  // production build's published studies, and in dev every study (shared
  // again after each save's re-check, dev/recheck.ts). Each study's lists
  // hold only what was read without problems; anything else a page reads itself.
  const rendered = mode.showDrafts ? entries : published;
  if (forPages && location.notebookImagesDir) {
    // Images decoded for notebooks the content no longer shows pile up in
    // the cache: a build that goes on removes them. Every study's are kept,
    // drafts' too (`astro dev` may share the folder and show them), and so
    // is anything written since this check began (by a process that saw
    // other content); the seconds of slack allow for coarse file times.
    const keep = new Set(entries.flatMap(({ parsed }) => parsed?.notebookImages ?? []));
    pruneNotebookImages(location.notebookImagesDir, keep, started - 2000);
  }
  return {
    problems,
    warnings: findings.filter((finding) => finding.severity === 'warning'),
    caseStudyPatterns: mode.showDrafts
      ? devPatterns(entries, report.linkedEntries)
      : publishedPatterns([...entries, ...report.linkedEntries]),
    draftFolders: mode.showDrafts
      ? []
      : entries
          .filter((entry) => entry.draft && entry.entry.endsWith('/index.mdx'))
          .map((entry) => path.dirname(entry.absolutePath)),
    cards: forPages ? cardsFromReport(report) : [],
    charts: rendered.flatMap(({ parsed }) => parsed?.charts ?? []),
    confusions: rendered.flatMap(({ parsed }) => parsed?.confusions ?? []),
    metrics: rendered.flatMap(({ parsed }) => parsed?.metrics ?? []),
    notebooks: rendered.flatMap(({ parsed }) => parsed?.notebooks ?? []),
    fairness: rendered.flatMap(({ parsed }) => parsed?.fairness ?? []),
    notebookImages: [...new Set(rendered.flatMap(({ parsed }) => parsed?.notebookImages ?? []))],
    searchRecords: published.flatMap(({ slug, parsed }) =>
      parsed?.valid && parsed.body ? [searchRecord(slug, parsed.valid, parsed.body.text)] : [],
    ),
    publishedStudies: publishedStudies(report, published),
  };
}
