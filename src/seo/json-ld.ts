import { markdownToText } from '../site/inline-markdown.ts';
import { publicationUrl, type Publication } from '../publications/publication.ts';

/**
 * Structured data (schema.org JSON-LD) for search engines: a ProfilePage
 * whose main entity is the owner (a Person) for the home page, an Article for
 * each case study whose author is that same Person. Pure builders from content
 * to plain objects; SeoHead.astro serialises them with serializeDataIsland.
 */

/** A site-relative href (`/portfolio/og/home.png`) made absolute when the site's address is known. */
export function absoluteUrl(href: string, site: URL | string | undefined): string {
  return site === undefined ? href : new URL(href, site).href;
}

/** The first day a period start names: `2025-06` -> `2025-06-01`; a full day is kept. */
export function firstDay(date: string): string {
  return /^\d{4}-\d{2}$/.test(date) ? `${date}-01` : date;
}

/**
 * The `@id` of the portfolio's owner: the home page's address and `#person`.
 * The home page's ProfilePage and every case study's Article name the same
 * node, so a search engine knows one person wrote them all.
 */
export function personId(homeUrl: string): string {
  return `${homeUrl}#person`;
}

/** What the Person needs; the profile fits. */
export interface PersonInput {
  name: string;
  headline: string;
  email?: string | undefined;
  location?: string | undefined;
  /** Inline Markdown; the Person's description is its text. */
  bio?: string | undefined;
  links: readonly { label: string; url: string }[];
  skills: readonly { items: readonly string[] }[];
}

interface PersonJsonLd {
  '@type': 'Person';
  '@id': string;
  name: string;
  jobTitle: string;
  url: string;
  description?: string;
  email?: string;
  homeLocation?: { '@type': 'Place'; name: string };
  sameAs?: string[];
  knowsAbout?: string[];
  image?: string;
}

export interface ProfilePageJsonLd {
  '@context': 'https://schema.org';
  '@type': 'ProfilePage';
  url: string;
  mainEntity: PersonJsonLd;
}

/** The unique values of a list, first occurrence kept, compared without case. */
function unique(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const key = value.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

/**
 * The portfolio's owner. `sameAs` takes the profile's web links (a mailto
 * link is the email, not another profile); `knowsAbout` the profile's skills;
 * `email` the address the home page already shows.
 */
function personJsonLd(
  profile: PersonInput,
  options: { url: string; image?: string | undefined },
): PersonJsonLd {
  const sameAs = unique(
    profile.links.map((link) => link.url).filter((url) => /^https?:/i.test(url)),
  );
  const knowsAbout = unique(profile.skills.flatMap((group) => group.items));
  const description = profile.bio ? markdownToText(profile.bio) : '';
  return {
    '@type': 'Person',
    '@id': personId(options.url),
    name: profile.name,
    jobTitle: profile.headline,
    url: options.url,
    ...(description ? { description } : {}),
    ...(profile.email ? { email: profile.email } : {}),
    ...(profile.location ? { homeLocation: { '@type': 'Place', name: profile.location } } : {}),
    ...(sameAs.length > 0 ? { sameAs } : {}),
    ...(knowsAbout.length > 0 ? { knowsAbout } : {}),
    ...(options.image ? { image: options.image } : {}),
  };
}

/**
 * The home page: a ProfilePage whose main entity is the owner, as Google's
 * profile-page guidance has it. `url` is the home page's address, `image` the
 * avatar's (both absolute when the site's address is known). The page has no
 * `dateCreated` or `dateModified`: content carries no such dates, and a build
 * date would make two builds of the same content differ.
 */
export function profilePageJsonLd(
  profile: PersonInput,
  options: { url: string; image?: string | undefined },
): ProfilePageJsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url: options.url,
    mainEntity: personJsonLd(profile, options),
  };
}

/** What the Article needs; the loaded case study fits. */
export interface ArticleInput {
  title: string;
  summary: string;
  organization: string;
  period: { start: string };
  tags: readonly string[];
  skills: readonly string[];
}

export interface ArticleJsonLd {
  '@context': 'https://schema.org';
  '@type': 'Article';
  headline: string;
  description: string;
  url: string;
  mainEntityOfPage: string;
  datePublished: string;
  /** The home page's Person, by its `@id`, with the name and address a reader of this page alone needs. */
  author: { '@type': 'Person'; '@id': string; name: string; url: string };
  image?: string;
  keywords?: string[];
  /** The organization the work was done for. */
  sourceOrganization: { '@type': 'Organization'; name: string };
  /** The paper the work led to (`paper:`). */
  citation?: { '@type': 'ScholarlyArticle'; name: string; url?: string; datePublished: string };
  /** The language the page is written in (a BCP 47 tag), as its `<html lang>`. */
  inLanguage?: string;
}

/**
 * One case study. `datePublished` is the first day of the work's period: a
 * portfolio has no publication date, and the start is stable across rebuilds.
 */
export function articleJsonLd(
  study: ArticleInput,
  options: {
    url: string;
    image?: string | undefined;
    /** The owner, and the home page's address (which names the Person). */
    author: { name: string; url: string };
    /** The publication the case study cites (`paper:`). */
    paper?: Publication | undefined;
    /** The page's language, when the site names one. */
    inLanguage?: string | undefined;
  },
): ArticleJsonLd {
  const paper = options.paper;
  const paperUrl = paper && publicationUrl(paper);
  const keywords = unique([...study.tags, ...study.skills]);
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: study.title,
    description: study.summary,
    url: options.url,
    mainEntityOfPage: options.url,
    datePublished: firstDay(study.period.start),
    author: {
      '@type': 'Person',
      '@id': personId(options.author.url),
      name: options.author.name,
      url: options.author.url,
    },
    ...(options.image ? { image: options.image } : {}),
    ...(keywords.length > 0 ? { keywords } : {}),
    sourceOrganization: { '@type': 'Organization', name: study.organization },
    ...(paper
      ? {
          citation: {
            '@type': 'ScholarlyArticle',
            name: paper.title,
            ...(paperUrl ? { url: paperUrl } : {}),
            datePublished: String(paper.year),
          },
        }
      : {}),
    ...(options.inLanguage ? { inLanguage: options.inLanguage } : {}),
  };
}
