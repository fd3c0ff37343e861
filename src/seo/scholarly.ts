import type { PublicationType } from '../schemas/publication.ts';
import type { PublicationItem } from '../site/publications.ts';
import { publicationUrl } from '../publications/publication.ts';
import { personId } from './json-ld.ts';

/**
 * A publication as schema.org structured data: a ScholarlyArticle (a Thesis
 * for a thesis, a PresentationDigitalDocument for a talk), its authors in
 * order with the portfolio's owner as the home page's Person (by `@id`), so
 * a search engine joins the paper to its author's profile.
 */

const SCHEMA_TYPES: Record<PublicationType, string> = {
  paper: 'ScholarlyArticle',
  preprint: 'ScholarlyArticle',
  poster: 'ScholarlyArticle',
  thesis: 'Thesis',
  talk: 'PresentationDigitalDocument',
};

type AuthorJsonLd =
  { '@type': 'Person'; '@id': string; name: string } | { '@type': 'Person'; name: string };

export interface ScholarlyJsonLd {
  '@context': 'https://schema.org';
  '@type': string;
  name: string;
  headline: string;
  author: AuthorJsonLd[];
  datePublished: string;
  isPartOf?: { '@type': 'CreativeWork'; name: string };
  url?: string;
  sameAs?: string[];
  identifier?: { '@type': 'PropertyValue'; propertyID: 'DOI' | 'arXiv'; value: string }[];
}

/** One publication; `homeUrl` is the owner's home page, which names their Person. */
export function scholarlyJsonLd(item: PublicationItem, homeUrl: string): ScholarlyJsonLd {
  const { publication } = item;
  const links = item.links.map((link) => link.href);
  const identifier = [
    ...(publication.doi
      ? [{ '@type': 'PropertyValue', propertyID: 'DOI', value: publication.doi } as const]
      : []),
    ...(publication.arxiv
      ? [{ '@type': 'PropertyValue', propertyID: 'arXiv', value: publication.arxiv } as const]
      : []),
  ];
  const url = publicationUrl(publication);
  return {
    '@context': 'https://schema.org',
    '@type': SCHEMA_TYPES[publication.type],
    name: publication.title,
    headline: publication.title.slice(0, 110),
    author: item.authors.map((author) =>
      author.owner
        ? { '@type': 'Person', '@id': personId(homeUrl), name: author.name }
        : { '@type': 'Person', name: author.name },
    ),
    datePublished: String(publication.year),
    ...(publication.venue
      ? { isPartOf: { '@type': 'CreativeWork', name: publication.venue } }
      : {}),
    ...(url ? { url } : {}),
    ...(links.length > 0 ? { sameAs: links } : {}),
    ...(identifier.length > 0 ? { identifier } : {}),
  };
}
