import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ContentReport, FoundCaseStudy } from './check.ts';
import type { CaseStudyData } from '../schemas/case-study.ts';
import type { ResolvedMetric } from '../artifacts/resolve-metric.ts';
import type { FairnessView } from '../fairness/view.ts';
import { fairnessKey } from '../processes/fairness-views.ts';
import type { CheckedValues } from '../processes/checked-values.ts';
import {
  checkAll,
  memberLeftOut,
  memberOf,
  type CheckedPortfolio,
  type CheckLocation,
  type LintOptions,
} from './check-all.ts';
import type { CohortFound, Member } from './cohort.ts';
import type { Finding } from './lints.ts';
import { cohortOgCard, portfolioOgCards, type OgCardFile } from '../og/card.ts';
import { formatProblem, type ContentProblem } from '../problems/problem.ts';
import { PEOPLE_DIR, type CohortData } from '../schemas/cohort.ts';
import { pruneNotebookImages } from '../notebooks/images.ts';
import { metricKey } from '../processes/resolved-metrics.ts';
import { publicationsKey } from '../processes/publications.ts';
import { profileSearchRecord, searchRecord, type SearchRecord } from '../search/records.ts';
import { siteOptionsSchema } from '../schemas/site-options.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';

/**
 * What Astro is told about the content, worked out from one full check of it
 * before any page is built. It holds only plain data, so a production build
 * can work it out in a child process (integration/build-child.ts) while Astro sets
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
  /** Glob patterns, relative to `caseStudiesBase`, the case-study collection loads. */
  caseStudyPatterns: string[];
  /**
   * The folder the patterns are relative to, absolute: content/case-studies,
   * or in a cohort content/people (`ada/case-studies/churn.mdx`).
   */
  caseStudiesBase: string;
  /** The profiles the profile collection loads: `profile`, or in a cohort one per member by its slug. */
  profiles: PlannedProfile[];
  /** How case-study entries are named: by slug, or in a cohort `<member>/<slug>`. */
  entryIds: 'slug' | 'member/slug';
  /** In a cohort: cohort.yaml, the members built and the members left out. */
  cohort?: PlannedCohort;
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

/** A profile.yaml the profile collection loads, by the entry's id. */
export interface PlannedProfile {
  /** `profile` for a single portfolio; the member's slug in a cohort. */
  id: string;
  /** Absolute path of the file. */
  path: string;
}

/** What a cohort build is told about the cohort. */
export interface PlannedCohort {
  /** cohort.yaml as validated. */
  data: CohortData;
  /** The members whose pages are built, by slug, in name order. */
  members: string[];
  /**
   * Members left out under `onMemberError: skip`, with the problem lines
   * that left them out: printed, and written to the build's report.
   */
  skipped: { member: string; problems: string[] }[];
}

/** The files the content collections load, known before the checks end (`onListed`). */
export type CollectionFiles = Pick<
  ContentPlan,
  'caseStudyPatterns' | 'caseStudiesBase' | 'profiles' | 'entryIds'
>;

/**
 * What Astro's process needs of the plan: the check's process keeps the
 * search records and the published studies, and writes the search index
 * and the model cards from them itself (integration/build-child.ts).
 */
export type BuildContentPlan = Omit<ContentPlan, 'searchRecords' | 'publishedStudies'>;

/**
 * The published studies as the pages see them, but for their entries: each
 * with its author (the profile's name) and, in a cohort, its member.
 */
type PublishedStudies = (CaseStudyData & {
  slug: string;
  member?: string | undefined;
  author: string;
  metrics: ResolvedMetric[];
  fairness?: FairnessView | undefined;
})[];

export type PlanLocation = CheckLocation;

/**
 * Both forms of case-study entry as globs for Astro's loader, without
 * ignored names (`isIgnoredName` in files/walk.ts): `_` by these patterns,
 * `.` because the loader's globs never match a name that starts with a dot.
 * The same entries as the content check's findCaseStudyFiles.
 */
const ENTRY_PATTERNS = ['*.mdx', '*/index.mdx', '!_*', '!_*/**'];

/**
 * The same in a cohort, relative to the people folder: a member's
 * case-studies folder is `<member>/case-studies/` or, in a member that is a
 * Casefolio repository, `<member>/content/case-studies/`. Wildcards for every
 * member rather than patterns per member, which the glob loader would match
 * every file against (see `publishedPatterns`).
 */
const COHORT_ENTRY_PATTERNS = ['case-studies', 'content/case-studies'].flatMap((folder) => [
  `*/${folder}/*.mdx`,
  `*/${folder}/*/index.mdx`,
  `!*/${folder}/_*`,
  `!*/${folder}/_*/**`,
]);

/** Where the entries are and which of the folders there hold none to load. */
interface EntryPlace {
  /** The folder the patterns are relative to, absolute. */
  base: string;
  /** The patterns of every entry there. */
  patterns: readonly string[];
  /** Patterns leaving out folders that are not (built) members, or a member's unused form. */
  excluded: readonly string[];
}

/**
 * The files a production build loads: every case study but the drafts (and
 * the links Casefolio does not follow). Both forms by wildcard and each
 * draft excluded by name, because the glob loader matches every file
 * against every pattern: one pattern per published file took half a second
 * at 1,000 case studies. (Slugs are checked before this, so a name never
 * holds glob syntax.)
 */
function publishedPatterns(entries: readonly FoundCaseStudy[], place: EntryPlace): string[] {
  const drafts = entries
    .filter((entry) => entry.draft || entry.linked)
    .map((entry) => `!${entry.entry}`);
  return [...place.patterns, ...place.excluded, ...drafts];
}

/**
 * What `astro dev` loads: every case study, drafts included, except files
 * whose frontmatter or MDX cannot even be parsed (those would stop the dev
 * server before it could show the problem in the overlay) and links
 * Casefolio does not follow.
 */
function devPatterns(
  entries: readonly { entry: string; parsed?: { body?: unknown } }[],
  linked: readonly FoundCaseStudy[],
  place: EntryPlace,
): string[] {
  const unreadable = [...entries.filter((entry) => !entry.parsed?.body), ...linked].map(
    (entry) => `!${entry.entry}`,
  );
  return [...place.patterns, ...place.excluded, ...unreadable];
}

/**
 * Where a portfolio's or a cohort's case studies are loaded from. In a
 * cohort, folders under people/ that are not members (or are left out) are
 * excluded, and so is a member's other form when both are there.
 */
function entryPlace(
  location: PlanLocation,
  cohort: CohortFound | undefined,
  built?: ReadonlySet<string>,
): EntryPlace {
  if (!cohort) {
    return {
      base: path.join(location.contentDir, 'case-studies'),
      patterns: ENTRY_PATTERNS,
      excluded: [],
    };
  }
  const base = path.join(location.contentDir, PEOPLE_DIR);
  const members = new Map(cohort.members.map((member) => [member.slug, member]));
  const excluded = cohort.folders.flatMap((folder) => {
    const member = members.get(folder);
    if (!member || (built && !built.has(folder))) return [`!${folder}/**`];
    // The form not used: a plain member's content/, a repository's case-studies/.
    const unused = member.contentDir === path.join(base, folder) ? 'content' : 'case-studies';
    return existsSync(path.join(base, folder, unused)) ? [`!${folder}/${unused}/**`] : [];
  });
  return { base, patterns: COHORT_ENTRY_PATTERNS, excluded };
}

/** A portfolio's entries as the collection names them: in a cohort, from the people folder. */
function entryName(member: Member | undefined, location: PlanLocation, entry: string): string {
  if (!member) return entry;
  const dir = path.relative(path.join(location.contentDir, PEOPLE_DIR), member.contentDir);
  return `${dir.split(path.sep).join('/')}/case-studies/${entry}`;
}

/** The profiles to load: the portfolio's, or each (built) member's. */
function plannedProfiles(
  location: PlanLocation,
  members: readonly Member[] | undefined,
): PlannedProfile[] {
  if (!members) return [{ id: 'profile', path: path.join(location.contentDir, 'profile.yaml') }];
  return members.map(({ slug, contentDir }) => ({
    id: slug,
    path: path.join(contentDir, 'profile.yaml'),
  }));
}

/**
 * The cards of a production build, from the content check's report: the
 * published case studies (with the metric values the check read from their
 * files, as the pages show them) and the profile. Only called once the
 * report has no problems.
 */
function cardsFromReport(
  report: ContentReport,
  member: string | undefined,
  locale: Locale,
): OgCardFile[] {
  if (!report.profile) return [];
  const studies = report.caseStudies.flatMap((file) => {
    const valid = file.parsed?.valid;
    if (file.draft || !valid) return [];
    const read = new Map(file.parsed?.metrics);
    const metrics = valid.metrics.map(
      (metric) => read.get(metricKey(file.absolutePath, metric)) ?? metric,
    );
    const { title, organization, responsible } = valid;
    return [{ slug: file.slug, title, organization, metrics, responsible, locale: valid.locale }];
  });
  return portfolioOgCards(studies, report.profile, member, locale);
}

/**
 * The published studies with the metric values and fairness views the check
 * read, as site/portfolio.ts puts them together for the pages, each with its
 * author and member: what the model cards are written from.
 */
function publishedStudies(portfolios: readonly CheckedPortfolio[]): PublishedStudies {
  return portfolios.flatMap(({ member, report }) =>
    report.caseStudies.flatMap(({ slug, draft, absolutePath, parsed }) => {
      const valid = parsed?.valid;
      if (draft || !valid) return [];
      const read = new Map(parsed.metrics);
      const metrics = valid.metrics.map(
        (metric) => read.get(metricKey(absolutePath, metric)) ?? metric,
      );
      const asked = valid.responsible?.fairness;
      const fairness = asked && new Map(parsed.fairness).get(fairnessKey(absolutePath, asked));
      const author = report.profile?.name ?? '';
      return [{ ...valid, slug, member: member?.slug, author, metrics, fairness }];
    }),
  );
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
 * been read, long before the checks end: `onListed` hears them then, so a
 * build's content collections can start loading while the check goes on.
 * Not in a cohort that skips members with problems: who is left out is
 * known only at the end.
 */
export async function planContent(
  location: PlanLocation,
  mode: PlanMode,
  onListed?: (files: CollectionFiles) => void,
): Promise<ContentPlan> {
  const started = Date.now();
  // The lints run in the same check, so the build refuses what `npm run
  // check` calls an error without checking anything twice.
  const checked = await checkAll(
    location,
    mode.lints ?? siteOptionsSchema.parse({}),
    (found, cohort) => {
      if (mode.showDrafts || cohort?.data?.onMemberError === 'skip') return;
      const place = entryPlace(location, cohort);
      onListed?.({
        caseStudyPatterns: publishedPatterns(found, place),
        caseStudiesBase: place.base,
        profiles: plannedProfiles(location, cohort?.members),
        entryIds: cohort ? 'member/slug' : 'slug',
      });
    },
  );
  const { findings, cohort } = checked;
  const siteLocale = mode.lints?.locale ?? DEFAULT_LOCALE;
  const skip = cohort ? skippedMembers(cohort, findings, location) : new Map<string, Finding[]>();
  const kept = (finding: Finding) => !skip.has(memberOf(finding.file, location) ?? '');
  const problems: ContentProblem[] = findings.filter(
    (finding) => finding.severity === 'error' && kept(finding),
  );
  const portfolios = checked.portfolios.filter(({ member }) => !member || !skip.has(member.slug));
  const builtMembers = cohort && portfolios.flatMap(({ member }) => (member ? [member] : []));
  const place = entryPlace(
    location,
    cohort,
    builtMembers && new Set(builtMembers.map(({ slug }) => slug)),
  );
  const entries = portfolios.flatMap(({ member, report }) =>
    report.caseStudies.map((study) => ({
      ...study,
      entry: entryName(member, location, study.entry),
      member: member?.slug,
    })),
  );
  const linkedEntries = portfolios.flatMap(({ member, report }) =>
    report.linkedEntries.map((linked) => ({
      ...linked,
      entry: entryName(member, location, linked.entry),
    })),
  );
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
    const keep = new Set(
      checked.portfolios.flatMap(({ report }) =>
        report.caseStudies.flatMap(({ parsed }) => parsed?.notebookImages ?? []),
      ),
    );
    pruneNotebookImages(location.notebookImagesDir, keep, started - 2000);
  }
  return {
    problems,
    warnings: findings.filter((finding) => finding.severity === 'warning' && kept(finding)),
    caseStudyPatterns: mode.showDrafts
      ? devPatterns(entries, linkedEntries, place)
      : publishedPatterns([...entries, ...linkedEntries], place),
    caseStudiesBase: place.base,
    profiles: plannedProfiles(location, builtMembers),
    entryIds: cohort ? 'member/slug' : 'slug',
    ...(cohort?.data && builtMembers
      ? {
          cohort: {
            data: cohort.data,
            members: builtMembers.map(({ slug }) => slug),
            skipped: [...skip].map(([member, found]) => ({
              member,
              problems: found.map(formatProblem),
            })),
          },
        }
      : {}),
    draftFolders: mode.showDrafts
      ? []
      : entries
          .filter((entry) => entry.draft && entry.entry.endsWith('/index.mdx'))
          .map((entry) => path.dirname(entry.absolutePath)),
    cards: forPages
      ? [
          ...portfolios.flatMap(({ member, report }) =>
            cardsFromReport(report, member?.slug, siteLocale),
          ),
          ...(cohort?.data
            ? [cohortOgCard(cohort.data, builtMembers?.length ?? 0, siteLocale)]
            : []),
        ]
      : [],
    charts: rendered.flatMap(({ parsed }) => parsed?.charts ?? []),
    confusions: rendered.flatMap(({ parsed }) => parsed?.confusions ?? []),
    metrics: rendered.flatMap(({ parsed }) => parsed?.metrics ?? []),
    notebooks: rendered.flatMap(({ parsed }) => parsed?.notebooks ?? []),
    fairness: rendered.flatMap(({ parsed }) => parsed?.fairness ?? []),
    publications: portfolios.map(({ member, report }) => [
      publicationsKey(member?.slug),
      report.publications,
    ]),
    notebookImages: [...new Set(rendered.flatMap(({ parsed }) => parsed?.notebookImages ?? []))],
    searchRecords: forPages ? searchRecords(portfolios, siteLocale) : [],
    publishedStudies: forPages ? publishedStudies(portfolios) : [],
  };
}

/**
 * What a production build's search index holds: every published case study,
 * and in a cohort each member's profile, with the filters the search page
 * narrows by (member, track, skill).
 */
function searchRecords(portfolios: readonly CheckedPortfolio[], locale: Locale): SearchRecord[] {
  return portfolios.flatMap(({ member, report }) => {
    const profile = report.profile;
    const owner =
      member && profile
        ? { member: member.slug, name: profile.name, track: profile.track }
        : undefined;
    const studies = report.caseStudies.flatMap(({ slug, draft, parsed }) =>
      !draft && parsed?.valid && parsed.body
        ? [searchRecord(slug, parsed.valid, parsed.body.text, owner, locale)]
        : [],
    );
    return owner && profile ? [profileSearchRecord(owner, profile, locale), ...studies] : studies;
  });
}

/**
 * Under `onMemberError: skip`, the members with problems, and the problems:
 * left out of the site, while anything else wrong (cohort.yaml, public/)
 * still stops the build. Empty under `fail`.
 */
function skippedMembers(
  cohort: CohortFound,
  findings: readonly Finding[],
  location: PlanLocation,
): Map<string, Finding[]> {
  const skipped = new Map<string, Finding[]>();
  for (const finding of findings) {
    const member = memberLeftOut(finding, cohort, location);
    if (member !== undefined) skipped.set(member, [...(skipped.get(member) ?? []), finding]);
  }
  return skipped;
}
