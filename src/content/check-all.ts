import path from 'node:path';
import {
  checkListed,
  listContent,
  listedEntries,
  type ContentLocation,
  type ContentReport,
  type FoundCaseStudy,
} from './check.ts';
import { findLocatedImages } from './image-metadata.ts';
import { findBrokenLinks } from '../files/broken-links.ts';
import { findUnreadableImages } from './image-files.ts';
import { checkResumePdf } from './resume-pdf.ts';
import { closePdfReader } from './pdf-text.ts';
import { lintContent, type Finding } from './lints.ts';
import { sortProblems, type ContentProblem } from '../problems/problem.ts';
import { PEOPLE_DIR } from '../schemas/cohort.ts';
import { findCohort, isCohort, type CohortFound, type Member } from './cohort.ts';
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

/** One portfolio as checked: a single site's, or one cohort member's. */
export interface CheckedPortfolio {
  /** The member, in a cohort; undefined for a single portfolio. */
  member?: Member;
  /** What the content check read, for the plan and the completeness table. */
  report: ContentReport;
}

export interface CheckResult {
  /** Every portfolio checked: one for a single site, one per member of a cohort. */
  portfolios: CheckedPortfolio[];
  /**
   * Every finding, sorted by file and line: content problems (rule `schema`),
   * photos with a GPS position (`image-location`) and the authoring lints,
   * errors and warnings. A member's findings are those whose file is in the
   * member's folder (`memberOf`).
   */
  findings: Finding[];
  /** cohort.yaml and the member folders as checked, in a cohort; undefined for a single portfolio. */
  cohort?: CohortFound;
}

/**
 * Checks all content (files, then photos in public/ and content/ for GPS
 * positions, then the authoring lints on the same report). Never throws on
 * bad content. `onFound` is passed on to the content check (`checkContent`).
 *
 * In a cohort (content/cohort.yaml) each member's content folder is checked
 * as a portfolio of its own, inside its own folder (a member's paths cannot
 * reach another's files), and its problems name the member's path
 * (`content/people/ada/case-studies/...`); `onFound` hears every member's
 * entries, relative to the people folder.
 */
export async function checkAll(
  location: CheckLocation,
  lints: LintOptions,
  onFound?: (entries: FoundCaseStudy[], cohort: CohortFound | undefined) => void,
): Promise<CheckResult> {
  const notebookBytes = notebookMaxBytes(lints);
  const display = (absolute: string) =>
    path.relative(location.root, absolute).split(path.sep).join('/');
  const cohort = isCohort(location.contentDir)
    ? findCohort(location.contentDir, display)
    : undefined;
  const places: { member?: Member; location: ContentLocation }[] = cohort
    ? cohort.members.map((member) => ({
        member,
        location: {
          ...location,
          contentDir: member.contentDir,
          ...(cohort.data?.tracks ? { tracks: cohort.data.tracks } : {}),
        },
      }))
    : [{ location }];
  const peopleDir = path.join(location.contentDir, PEOPLE_DIR);
  const listings = places.map((place) =>
    listContent({
      ...place.location,
      notebookMaxBytes: notebookBytes,
      ...(lints.locale ? { locale: lints.locale } : {}),
    }),
  );
  // Every member's files are listed before any is checked in full, so the
  // collections can start loading while the checks go on. A cohort's
  // entries are named from the people folder, where its collection looks
  // for them: `ada/case-studies/churn.mdx`.
  onFound?.(
    listings.flatMap((listing, index) => {
      const member = places[index]?.member;
      const prefix = member
        ? `${path.relative(peopleDir, member.contentDir).split(path.sep).join('/')}/case-studies/`
        : '';
      return listedEntries(listing).map((entry) => ({
        ...entry,
        entry: `${prefix}${entry.entry}`,
      }));
    }),
    cohort,
  );
  const portfolios: CheckedPortfolio[] = [];
  const findings: Finding[] = [];
  for (const [index, place] of places.entries()) {
    const listing = listings[index];
    if (!listing) continue;
    const report = checkListed(listing);
    const unreadable = await findUnreadableImages(report, place.location);
    findings.push(
      ...asFindings(report.problems, 'schema'),
      ...asFindings(unreadable, 'image-file'),
      ...(await checkResumePdf(report)),
    );
    portfolios.push({ ...(place.member ? { member: place.member } : {}), report });
  }
  // Every PDF is read: the thread that read them goes (pdf-text.ts).
  await closePdfReader();
  // Linted once every member is read: a link may lead to another member's case study.
  const studies = new Map(
    portfolios.map(({ member, report }) => [
      member?.slug ?? '',
      new Map(report.caseStudies.map((study) => [study.slug, study])),
    ]),
  );
  for (const { member, report } of portfolios) {
    findings.push(
      ...lintContent(
        report,
        member ? { ...lints, cohort: { member: member.slug, studies } } : lints,
      ),
    );
  }
  // Over what can be published, once: public/ and the content folder, or in
  // a cohort each member's content folder (a member that is a repository
  // keeps its own public/, src/ and the rest beside its content/, which the
  // cohort never publishes).
  const folders = [
    location.publicDir,
    ...(cohort ? cohort.members.map((member) => member.contentDir) : [location.contentDir]),
  ];
  findings.push(
    ...asFindings(cohort?.problems ?? [], 'schema'),
    ...asFindings(findLocatedImages(folders, location.root), 'image-location'),
    ...asFindings(findBrokenLinks(folders, location.root), 'broken-link'),
  );
  return {
    portfolios,
    findings: sortProblems(findings) as Finding[],
    ...(cohort ? { cohort } : {}),
  };
}

function asFindings(problems: readonly ContentProblem[], rule: string): Finding[] {
  return problems.map((problem) => ({ ...problem, severity: 'error' as const, rule }));
}

/**
 * The member folder a finding is about, by its file: `ada` for
 * `content/people/ada/case-studies/churn.mdx`; undefined for anything else
 * (cohort.yaml, public/).
 */
export function memberOf(
  file: string,
  location: Pick<ContentLocation, 'root' | 'contentDir'>,
): string | undefined {
  const people = path.relative(location.root, path.join(location.contentDir, PEOPLE_DIR));
  const prefix = `${people.split(path.sep).join('/')}/`;
  if (!file.startsWith(prefix)) return undefined;
  return file.slice(prefix.length).split('/')[0] || undefined;
}

/**
 * The member a finding leaves out of the build: under `onMemberError: skip`,
 * an error in a member's folder leaves that member out instead of stopping
 * the build. Undefined for anything that stops it (or is no error). The
 * build's plan and `npm run check`'s exit code both follow this one rule.
 */
export function memberLeftOut(
  finding: Finding,
  cohort: CohortFound | undefined,
  location: Pick<ContentLocation, 'root' | 'contentDir'>,
): string | undefined {
  if (finding.severity !== 'error' || cohort?.data?.onMemberError !== 'skip') return undefined;
  return memberOf(finding.file, location);
}
