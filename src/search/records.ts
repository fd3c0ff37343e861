import type { CaseStudyData } from '../schemas/case-study.ts';
import { dictionary } from '../i18n/dictionaries.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';
import { portfolioPath } from '../schemas/cohort.ts';

/**
 * What the search index holds for one case study: a Pagefind custom record.
 * It is built from the checked content rather than the built page, so the
 * index can be written while Astro is still bundling instead of after it.
 * It holds the words a reader sees: the frontmatter's text (title and
 * summary first, for the excerpt), then the body's prose, code, and the
 * titles, captions and class names of its charts and figures. Like the
 * page's `data-pagefind-ignore` parts, numbers are left out: nobody
 * searches for 0.4312, and they made the index seven times larger.
 */
export interface SearchRecord {
  /** The page's path from the site root; Pagefind's UI adds the base path. */
  url: string;
  content: string;
  /**
   * Must match the search page's `<html lang>`, or it finds nothing: the
   * site's language, for every record. A case study written in another
   * language (`locale:`) is indexed under the site's too, so the one search
   * page finds it; Pagefind then stems its words as the site's language's.
   */
  language: string;
  meta: {
    title: string;
    /**
     * The case study's model card (`/case-studies/<slug>/model-card.md`), a
     * path from the site root like `url`: the file is listed with its page,
     * never indexed as a result of its own (it holds the same frontmatter
     * words as the record).
     */
    modelCard?: string;
  };
  /**
   * In a cohort, what the search page can narrow results by: the member's
   * name, their track, and the skills. A single portfolio has none.
   */
  filters?: Record<string, string[]>;
}

/** In a cohort, whose a record is: the member's folder, name and track. */
export interface SearchOwner {
  member: string;
  name: string;
  track?: string | undefined;
}

/** Pagefind filters of an owner's record: member, track, and the skills given. */
function ownerFilters(owner: SearchOwner, skills: readonly string[]): Record<string, string[]> {
  return {
    member: [owner.name],
    ...(owner.track ? { track: [owner.track] } : {}),
    ...(skills.length > 0 ? { skill: [...new Set(skills)] } : {}),
  };
}

/**
 * Frontmatter fields with no words for a reader: flags, dates, links, file
 * paths, and where a metric's value is read from (`key`, `format`).
 */
const SKIPPED_FIELDS = new Set([
  'draft',
  'featured',
  'period',
  'links',
  'url',
  'src',
  'from',
  'key',
  'format',
  'goal',
]);

/** Every string in a frontmatter value, depth first, in the schema's field order. */
function words(value: unknown, field?: string): string[] {
  if (field !== undefined && SKIPPED_FIELDS.has(field)) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((item) => words(item));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => words(item, key));
  }
  return [];
}

/** The search record of a published case study; a cohort member's under their folder, with filters. */
export function searchRecord(
  slug: string,
  data: CaseStudyData,
  bodyText: readonly string[],
  owner?: SearchOwner,
  language: Locale = DEFAULT_LOCALE,
): SearchRecord {
  const { title, summary, model, ...rest } = data;
  const content = [
    title,
    summary,
    // The page names the task by its label ("Anomaly detection"), not its key.
    dictionary(data.locale ?? language).model.tasks[model.task],
    ...words({ ...rest, model: { ...model, task: undefined } }),
    ...bodyText,
  ]
    .join('\n')
    .replace(/[ \t]+/g, ' ')
    // One form for each accented letter, so "café" typed finds "café" pasted
    // from a notebook in decomposed form. It also leaves the text one flat
    // string: V8 builds the result of the global replace as a tree of
    // pieces, 14 times the text's size (88 MB for 5 MB of text at 1,000
    // case studies, kept while the index is written).
    .normalize('NFC');
  const url = `/${portfolioPath(owner?.member)}case-studies/${slug}/`;
  return {
    url,
    content,
    language,
    meta: { title, modelCard: `${url}model-card.md` },
    ...(owner ? { filters: ownerFilters(owner, data.skills) } : {}),
  };
}

/** What a profile record needs; the checked profile fits. */
export interface SearchProfile {
  name: string;
  headline: string;
  location?: string | undefined;
  bio?: string | undefined;
  track?: string | undefined;
  skills: readonly { group: string; items: readonly string[] }[];
}

/**
 * A cohort member's home as a search result, so a recruiter searching for
 * a skill or a name finds the person as well as their case studies.
 */
export function profileSearchRecord(
  owner: SearchOwner,
  profile: SearchProfile,
  language: Locale = DEFAULT_LOCALE,
): SearchRecord {
  const skills = profile.skills.flatMap((group) => group.items);
  const content = [
    profile.name,
    profile.headline,
    ...(profile.track ? [profile.track] : []),
    ...(profile.location ? [profile.location] : []),
    ...(profile.bio ? [profile.bio] : []),
    ...profile.skills.flatMap((group) => [group.group, ...group.items]),
  ].join('\n');
  return {
    url: `/${portfolioPath(owner.member)}`,
    content,
    language,
    meta: { title: profile.name },
    filters: ownerFilters(owner, skills),
  };
}
