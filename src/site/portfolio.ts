import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import path from 'node:path';
import { AstroError } from 'astro/errors';
import config from 'virtual:casefolio/config';
import { dictionary } from '../i18n/dictionaries.ts';
import type { Locale } from '../i18n/locales.ts';
import { getLiveProblems } from '../dev/live-problems.ts';
import { pluralize } from '../problems/plural.ts';
import { formatProblem } from '../problems/problem.ts';
import { resolveMetric, type ResolvedMetric } from '../artifacts/resolve-metric.ts';
import { sharedResolvedMetric } from '../processes/resolved-metrics.ts';
import { checkedFairness } from '../processes/fairness-views.ts';
import type { FairnessView } from '../fairness/view.ts';
import { sortCaseStudies } from './sorting.ts';
import { groupByLabel, withSharedSpellings, type LabelGroup } from './taxonomy.ts';
import { splitEntryId } from '../schemas/slugs.ts';
import { contentDirOf } from './case-study-files.ts';
import { homeHref, pageHref, portfolioHomeHref, portfolioPageHref } from './hrefs.ts';
import type { CohortData } from '../schemas/cohort.ts';

/**
 * The one place pages read content from. Collections are read and sorted
 * once per build and shared by every page (no per-page collection scans).
 */

type CaseStudyEntry = CollectionEntry<'caseStudies'>;
export type CaseStudy = Omit<CaseStudyEntry['data'], 'metrics'> & {
  slug: string;
  /** In a cohort, the member whose work it is (their folder's name); undefined in a single portfolio. */
  member: string | undefined;
  /** In a cohort, the member's name, for the cards that say whose work it is. */
  memberName: string | undefined;
  entry: CaseStudyEntry;
  /** Metrics with values read from artifact files filled in, and where they came from. */
  metrics: ResolvedMetric[];
  /**
   * `responsible.fairness` read and worked out (the groups, the gaps, the bar
   * chart), as the check did it; undefined without one.
   */
  fairness?: FairnessView | undefined;
};
export type Profile = CollectionEntry<'profile'>['data'];

/**
 * The metrics with their `from` values filled in, as the content check read
 * them (processes/resolved-metrics.ts): a production build's check, or in dev the
 * re-check after the last save, which read again only the files that changed.
 * A metric the check did not read (an MDX file saved while the re-check was
 * still to come) is read from its artifact file here, and a failure is
 * reported the same way as the check's.
 */
function resolveMetrics(entry: CaseStudyEntry): ResolvedMetric[] {
  const mdxFile = path.resolve(config.root, entry.filePath ?? '');
  return entry.data.metrics.map((metric, index) => {
    const shared = sharedResolvedMetric(mdxFile, metric);
    if (shared) return shared;
    const resolved = resolveMetric(metric, mdxFile, contentDirOf(mdxFile));
    if (!resolved.ok) {
      throw new Error(
        `${entry.filePath}: metrics[${index}].${resolved.field}: ${resolved.message}`,
      );
    }
    return resolved.metric;
  });
}

/**
 * The fairness breakdown as the check worked it out (processes/fairness-views.ts).
 * Not found (an MDX file saved while the re-check was still to come), the
 * section shows no breakdown until the re-check has read the file.
 */
function resolveFairness(entry: CaseStudyEntry): FairnessView | undefined {
  const fairness = entry.data.responsible?.fairness;
  if (!fairness) return undefined;
  return checkedFairness(path.resolve(config.root, entry.filePath ?? ''), fairness);
}

let caseStudiesPromise: Promise<CaseStudy[]> | undefined;

/**
 * In `astro dev`, content with problems is not rendered: the page throws, and
 * Astro's error overlay shows the same one-line messages as the build.
 */
function assertContentValid(): void {
  const problems = getLiveProblems();
  if (problems.length === 0) return;
  const error = new AstroError(
    `Casefolio found ${pluralize(problems.length, 'content problem')}:\n${problems.map(formatProblem).join('\n')}`,
    'Fix the lines above; the page reloads when you save. `npm run check` lists them too.',
  );
  // The lines say what is wrong and where; a stack trace would only point
  // into Casefolio's engine. Astro logs a thrown error's stack when it has
  // one, and only its message otherwise, in the terminal and the overlay.
  error.stack = '';
  throw error;
}

/** Published case studies in display order; in dev, drafts too. */
export function getCaseStudies(): Promise<CaseStudy[]> {
  assertContentValid();
  // The build reads content once; in dev the collection changes as files are saved.
  if (config.showDrafts) return loadCaseStudies();
  caseStudiesPromise ??= loadCaseStudies();
  return caseStudiesPromise;
}

async function loadCaseStudies(): Promise<CaseStudy[]> {
  // In a cohort each card says whose work it is.
  const names = new Map(
    config.cohort
      ? (await getCollection('profile')).map((entry) => [entry.id, entry.data.name])
      : [],
  );
  return getCollection('caseStudies').then((entries) =>
    withSharedSpellings(
      sortCaseStudies(
        entries
          // Drafts never reach the production loader; this guards dev-only paths.
          .filter((entry) => config.showDrafts || !entry.data.draft)
          .map((entry) => ({
            ...entry.data,
            ...withMember(entry.id, names),
            entry,
            metrics: resolveMetrics(entry),
            fairness: resolveFairness(entry),
          })),
      ),
    ),
  );
}

/** A case study's slug, member and owner's name from its entry's id (`churn`, or `ada/churn` in a cohort). */
function withMember(
  id: string,
  names: ReadonlyMap<string, string>,
): Pick<CaseStudy, 'slug' | 'member' | 'memberName'> {
  const { member, slug } = splitEntryId(id);
  return { slug, member, memberName: member === undefined ? undefined : names.get(member) };
}

/** One portfolio's published case studies, in display order: the site's, or a cohort member's. */
export async function getPortfolioStudies(member?: string): Promise<CaseStudy[]> {
  return (await getCaseStudies()).filter((study) => study.member === member);
}

/** The profile of the portfolio: the site's, or a cohort member's. */
export async function getProfile(member?: string): Promise<Profile> {
  assertContentValid();
  const entry = await getEntry('profile', member ?? 'profile');
  if (!entry)
    throw new Error(
      `${member ? `the profile of ${member}` : 'content/profile.yaml'} was not loaded`,
    );
  return entry.data;
}

/** The cohort, when the site is one (content/cohort.yaml); undefined for a single portfolio. */
export function getCohort(): CohortData | undefined {
  return config.cohort?.data;
}

/** A cohort member as the cohort's pages show them. */
export interface MemberView {
  /** The folder's name, which is the member's URL. */
  slug: string;
  profile: Profile;
  /** Their published case studies, in display order. */
  studies: CaseStudy[];
}

let membersPromise: Promise<MemberView[]> | undefined;

/** The cohort's members with their profiles and case studies, by name; none outside a cohort. */
export function getMembers(): Promise<MemberView[]> {
  if (config.showDrafts) return loadMembers();
  membersPromise ??= loadMembers();
  return membersPromise;
}

async function loadMembers(): Promise<MemberView[]> {
  const slugs = config.cohort?.members ?? [];
  const studies = await getCaseStudies();
  const members = await Promise.all(
    slugs.map(async (slug) => ({
      slug,
      profile: await getProfile(slug),
      studies: studies.filter((study) => study.member === slug),
    })),
  );
  return members.sort((a, b) => a.profile.name.localeCompare(b.profile.name, config.locale));
}

/** The site's tags, each with its case studies: a portfolio's, or a member's, or (no member in a cohort) everyone's. */
export async function getTagGroups(member?: string): Promise<LabelGroup<CaseStudy>[]> {
  return groupByLabel(await studiesOf(member), (study) => study.tags, config.locale);
}

export async function getSkillGroups(member?: string): Promise<LabelGroup<CaseStudy>[]> {
  return groupByLabel(await studiesOf(member), (study) => study.skills, config.locale);
}

/** A member's studies, or with no member every study of the site. */
function studiesOf(member: string | undefined): Promise<CaseStudy[]> {
  return member === undefined ? getCaseStudies() : getPortfolioStudies(member);
}

/** Who a page belongs to, as its header, footer and title say. */
export interface SiteIdentity {
  /** The site's name: the portfolio owner's, or the cohort's. */
  siteName: string;
  /** Whose page it is, appended to page titles: the owner, or a member, or the cohort. */
  owner: string;
  /** The headline the default link-preview text uses. */
  headline: string;
  /** The main navigation, in order. */
  nav: { label: string; href: string }[];
}

/**
 * A page's identity: a portfolio's pages are its owner's; in a cohort every
 * page carries the cohort's name, and a member's pages are also theirs.
 */
export async function getSiteIdentity(
  member?: string,
  locale: Locale = config.locale,
): Promise<SiteIdentity> {
  const cohort = getCohort();
  const words = dictionary(locale).nav;
  if (!cohort) {
    const profile = await getProfile();
    return {
      siteName: profile.name,
      owner: profile.name,
      headline: profile.headline,
      nav: [
        { label: words.caseStudies, href: `${homeHref}#case-studies` },
        { label: words.resume, href: pageHref('resume/') },
        { label: words.search, href: pageHref('search/') },
      ],
    };
  }
  const profile = member === undefined ? undefined : await getProfile(member);
  return {
    siteName: cohort.name,
    owner: profile?.name ?? cohort.name,
    headline: profile?.headline ?? cohort.description ?? cohort.name,
    nav: [
      { label: words.people, href: `${homeHref}#people` },
      ...(member === undefined
        ? []
        : [
            { label: profile?.name ?? member, href: portfolioHomeHref(member) },
            { label: words.resume, href: portfolioPageHref('resume/', member) },
          ]),
      { label: words.search, href: pageHref('search/') },
    ],
  };
}
