import {
  checkContent,
  type ContentLocation,
  type ContentReport,
  type FoundCaseStudy,
} from './check.ts';
import { findLocatedImages } from './image-metadata.ts';
import { findBrokenLinks } from '../files/broken-links.ts';
import { findUnreadableImages } from './image-files.ts';
import { lintContent, type Finding } from './lints.ts';
import { sortProblems } from '../problems/problem.ts';
import { notebookMaxBytes, type ResolvedSiteOptions } from '../schemas/site-options.ts';

/**
 * "Check everything": the one function the build's plan, `astro dev`'s
 * re-check after each save and `npm run check` all call, so the three can
 * never find different problems in the same project.
 */

export interface CheckLocation extends ContentLocation {
  /** Astro's public/ folder, absolute: its photos are checked for GPS positions too. */
  publicDir: string;
}

/** The casefolio() options the checks and the authoring lints read. */
export type LintOptions = Parameters<typeof lintContent>[1] &
  Pick<ResolvedSiteOptions, 'notebookSizeLimit'>;

export interface CheckResult {
  /** What the content check read, for the plan and the completeness table. */
  report: ContentReport;
  /**
   * Every finding, sorted by file and line: content problems (rule `schema`),
   * photos with a GPS position (`image-location`) and the authoring lints,
   * errors and warnings.
   */
  findings: Finding[];
}

/**
 * Checks all content (files, then photos in public/ and content/ for GPS
 * positions, then the authoring lints on the same report). Never throws on
 * bad content. `onFound` is passed on to the content check (`checkContent`).
 */
export async function checkAll(
  location: CheckLocation,
  lints: LintOptions,
  onFound?: (entries: FoundCaseStudy[]) => void,
): Promise<CheckResult> {
  const report = checkContent({ ...location, notebookMaxBytes: notebookMaxBytes(lints) }, onFound);
  const brokenLinks = findBrokenLinks([location.publicDir, location.contentDir], location.root);
  const unreadable = await findUnreadableImages(report, location);
  const located = findLocatedImages([location.publicDir, location.contentDir], location.root);
  const findings: Finding[] = [
    ...report.problems.map((problem) => ({
      ...problem,
      severity: 'error' as const,
      rule: 'schema',
    })),
    ...located.map((problem) => ({
      ...problem,
      severity: 'error' as const,
      rule: 'image-location',
    })),
    ...brokenLinks.map((problem) => ({
      ...problem,
      severity: 'error' as const,
      rule: 'broken-link',
    })),
    ...unreadable.map((problem) => ({
      ...problem,
      severity: 'error' as const,
      rule: 'image-file',
    })),
    ...lintContent(report, lints),
  ];
  return { report, findings: sortProblems(findings) as Finding[] };
}
