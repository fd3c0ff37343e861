import { markdownToText } from '../site/inline-markdown.ts';
import {
  compareMetric,
  formatMetricValue,
  primaryMetric,
  type MetricInput,
} from '../metrics/compare.ts';
import { caseStudyPath } from '../site/urls.ts';
import type { PublicationItem } from '../site/publications.ts';
import { publicationUrl } from '../publications/publication.ts';
import { dictionary } from '../i18n/dictionaries.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';

/**
 * The résumé in data form: the profile and case studies as a JSON Resume
 * document (https://jsonresume.org/schema), and the one-line result each case
 * study gets on the printable résumé. Pure: the page and the endpoint pass in
 * what they read from the content layer.
 */

/** What the résumé reads from profile.yaml (the schema's output fits, with or without image metadata). */
export interface ResumeProfile {
  name: string;
  headline: string;
  location?: string | undefined;
  email?: string | undefined;
  bio?: string | undefined;
  links: readonly { label: string; url: string }[];
  skills: readonly { group: string; items: readonly string[] }[];
  education: readonly { school: string; degree: string; start: string; end?: string | undefined }[];
  experience: readonly {
    organization: string;
    role: string;
    start: string;
    end?: string | undefined;
    summary?: string | undefined;
  }[];
}

/** What the résumé reads from a case study (a `CaseStudy` from src/site/portfolio.ts fits). */
export interface ResumeCaseStudy {
  slug: string;
  title: string;
  summary: string;
  organization: string;
  role: string;
  period: { start: string; end?: string | undefined };
  skills: readonly string[];
  impact: readonly string[];
  metrics: readonly MetricInput[];
}

/** The parts of the one-line result, so a page can emphasise the value. */
export interface ResumeResult {
  /** `PR AUC` */
  name: string;
  /** `0.71` */
  value: string;
  /** `+0.33 vs 0.38 baseline, better`; undefined without a baseline. */
  comparison: string | undefined;
}

/** The primary metric of a case study, split into what the one-liner shows. */
export function resumeResult(
  study: Pick<ResumeCaseStudy, 'metrics'>,
  locale: Locale = DEFAULT_LOCALE,
): ResumeResult | undefined {
  const metric = primaryMetric(study.metrics);
  if (!metric || metric.value === undefined) return undefined;
  const t = dictionary(locale);
  const compared = compareMetric(metric, locale, t.metric.percentagePoints);
  const comparison =
    compared && metric.baseline !== undefined
      ? t.resume.comparison(
          compared.deltaText,
          formatMetricValue(metric.baseline, metric.unit, metric.decimals, locale),
          t.metric[compared.verdict],
        )
      : undefined;
  return {
    name: metric.name,
    value: formatMetricValue(metric.value, metric.unit, metric.decimals, locale),
    comparison,
  };
}

/** The one-line result: `PR AUC 0.71 (+0.33 vs 0.38 baseline, better)`. */
export function resumeLine(
  study: Pick<ResumeCaseStudy, 'metrics'>,
  locale: Locale = DEFAULT_LOCALE,
): string | undefined {
  const result = resumeResult(study, locale);
  if (!result) return undefined;
  const line = `${result.name} ${result.value}`;
  return result.comparison ? `${line} (${result.comparison})` : line;
}

/** Where the résumé's files are published, relative to the site's base. */
export const RESUME_JSON_PATH = 'resume.json';
export const RESUME_PDF_PATH = 'resume.pdf';

/**
 * A link as printed text: `https://www.github.com/ada/` -> `github.com/ada`,
 * `mailto:ada@example.com` -> `ada@example.com`. On paper the text is the link.
 */
export function displayUrl(url: string): string {
  if (url.startsWith('mailto:')) return url.slice('mailto:'.length).split('?')[0] ?? url;
  return url
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/$/, '');
}

/** `Chicago, IL` -> city Chicago, region IL; one part is the city. */
export function splitLocation(location: string): { city?: string; region?: string } {
  const [city, ...rest] = location
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (city === undefined) return {};
  return rest.length > 0 ? { city, region: rest.join(', ') } : { city };
}

/** Degree abbreviations written before the field: `MS Data Science`, `B.Sc. Physics`. */
const DEGREE_ABBREVIATIONS = new Set(
  [
    'AA',
    'AS',
    'BA',
    'BBA',
    'BCom',
    'BE',
    'BEng',
    'BFA',
    'BS',
    'BSc',
    'BTech',
    'DPhil',
    'EdD',
    'JD',
    'LLB',
    'LLM',
    'MA',
    'MBA',
    'MD',
    'ME',
    'MEng',
    'MFA',
    'MMath',
    'MPH',
    'MPhil',
    'MPP',
    'MRes',
    'MS',
    'MSc',
    'MStat',
    'MTech',
    'PhD',
  ].map((abbreviation) => abbreviation.toLowerCase()),
);

/**
 * The degree as JSON Resume splits it: `MS Data Science` -> studyType MS,
 * area Data Science; `Bachelor of Science in Statistics` -> Bachelor of
 * Science, Statistics. Anything else is kept whole as the study type.
 */
export function splitDegree(degree: string): { studyType: string; area?: string } {
  const text = degree.trim();
  const named = /^((?:Bachelor|Master|Doctor|Associate)\S*(?: of [^,]+?)?)(?: in |, )(.+)$/i.exec(
    text,
  );
  if (named?.[1] && named[2]) return { studyType: named[1], area: named[2] };
  const abbreviated = /^(\S+)\s+(?:in\s+)?(.+)$/.exec(text);
  const type = abbreviated?.[1];
  if (type && abbreviated[2] && DEGREE_ABBREVIATIONS.has(type.replaceAll('.', '').toLowerCase())) {
    return { studyType: type, area: abbreviated[2] };
  }
  return { studyType: text };
}

// The same inline Markdown the bio is rendered with (src/site/inline-markdown.ts), read as text.

/** JSON Resume dates are ISO 8601 (`YYYY-MM` or `YYYY-MM-DD`, as content writes them); ongoing work has none. */
function endDate(end: string | undefined): { endDate?: string } {
  return end === undefined || end === 'present' ? {} : { endDate: end };
}

/** The published JSON Resume schema, for editors and validators. */
export const JSON_RESUME_SCHEMA =
  'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json';

export interface JsonResume {
  $schema: string;
  basics: {
    name: string;
    label: string;
    email?: string;
    url?: string;
    summary?: string;
    location?: { city?: string; region?: string };
    profiles: { network: string; url: string }[];
  };
  work: {
    name: string;
    position: string;
    startDate: string;
    endDate?: string;
    summary?: string;
  }[];
  education: {
    institution: string;
    studyType: string;
    area?: string;
    startDate: string;
    endDate?: string;
  }[];
  skills: { name: string; keywords: string[] }[];
  projects: {
    name: string;
    description: string;
    highlights: string[];
    keywords: string[];
    startDate: string;
    endDate?: string;
    url?: string;
    roles: string[];
    entity: string;
  }[];
  publications?: {
    name: string;
    publisher?: string;
    releaseDate: string;
    url?: string;
    summary: string;
  }[];
  meta: { version: string; canonical?: string };
}

/**
 * A publication as JSON Resume lists it. The schema has one list for papers
 * and talks and no authors: the summary says which it is and who wrote it.
 */
function jsonResumePublication(
  { publication, authors }: PublicationItem,
  locale: Locale,
): NonNullable<JsonResume['publications']>[number] {
  const t = dictionary(locale);
  const url = publicationUrl(publication);
  const names = authors.map((author) => author.name);
  if (publication.moreAuthors) names.push(t.publications.etAl);
  return {
    name: publication.title,
    ...(publication.venue ? { publisher: publication.venue } : {}),
    releaseDate: String(publication.year),
    ...(url ? { url } : {}),
    summary: t.publications.summary(
      t.publications.types[publication.type],
      names.join(t.listSeparator),
    ),
  };
}

/**
 * The profile and case studies as a JSON Resume document. `siteUrl` is the
 * absolute URL of the site's home page, base path included
 * (`https://ada.github.io/portfolio/`); without it the document has no URLs
 * of its own, since a relative URL means nothing once the file is downloaded.
 * Case studies and publications come in the order given (the site's order).
 */
export function toJsonResume(
  profile: ResumeProfile,
  caseStudies: readonly ResumeCaseStudy[],
  siteUrl?: string | URL,
  locale: Locale = DEFAULT_LOCALE,
  publications: readonly PublicationItem[] = [],
): JsonResume {
  const home = siteUrl === undefined ? undefined : new URL(siteUrl);
  const absolute = (pathname: string) => (home ? new URL(pathname, home).href : undefined);
  // A mailto link is the email address, not a profile on a network.
  const mailto = profile.links.find((link) => link.url.startsWith('mailto:'));
  const email = profile.email ?? mailto?.url.slice('mailto:'.length).split('?')[0];
  const summary = profile.bio ? markdownToText(profile.bio) : '';
  const location = profile.location ? splitLocation(profile.location) : {};
  const canonical = absolute(RESUME_JSON_PATH);

  return {
    $schema: JSON_RESUME_SCHEMA,
    basics: {
      name: profile.name,
      label: profile.headline,
      ...(email ? { email } : {}),
      ...(home ? { url: home.href } : {}),
      ...(summary ? { summary } : {}),
      ...(Object.keys(location).length > 0 ? { location } : {}),
      profiles: profile.links
        .filter((link) => !link.url.startsWith('mailto:'))
        .map((link) => ({ network: link.label, url: link.url })),
    },
    work: profile.experience.map((job) => ({
      name: job.organization,
      position: job.role,
      startDate: job.start,
      ...endDate(job.end),
      ...(job.summary ? { summary: job.summary } : {}),
    })),
    education: profile.education.map((degree) => ({
      institution: degree.school,
      ...splitDegree(degree.degree),
      startDate: degree.start,
      ...endDate(degree.end),
    })),
    skills: profile.skills.map((group) => ({ name: group.group, keywords: [...group.items] })),
    projects: caseStudies.map((study) => {
      const line = resumeLine(study, locale);
      const url = absolute(caseStudyPath(study.slug));
      return {
        name: study.title,
        description: study.summary,
        highlights: [...(line ? [line] : []), ...study.impact],
        keywords: [...study.skills],
        startDate: study.period.start,
        // A case study without an end took one month (the contract's rule).
        ...endDate(study.period.end ?? study.period.start),
        ...(url ? { url } : {}),
        roles: [study.role],
        entity: study.organization,
      };
    }),
    ...(publications.length > 0
      ? {
          publications: publications.map((item) => jsonResumePublication(item, locale)),
        }
      : {}),
    meta: { version: 'v1.0.0', ...(canonical ? { canonical } : {}) },
  };
}
