import {
  publicationTypes,
  type PublicationData,
  type PublicationLinkKind,
  type PublicationType,
} from '../schemas/publication.ts';

/**
 * A publication as every page shows it, whichever file it was written in
 * (content/publications.bib or profile.yaml's `publications:`): plain text,
 * links as validated, and the BibTeX a reader may copy.
 */
export interface Publication {
  /** The citation key a case study's `paper:` names; a profile.yaml entry may have none. */
  key: string | undefined;
  type: PublicationType;
  /** Plain text: BibTeX's markup is already read (`{\"u}` is ü, `\emph{x}` is x). */
  title: string;
  authors: Author[];
  year: number;
  /** The journal, conference, event or school. */
  venue: string | undefined;
  /** Without its resolver: `10.1145/3292500.3330701`. */
  doi: string | undefined;
  /** `2406.01234`. */
  arxiv: string | undefined;
  pdf: string | undefined;
  code: string | undefined;
  slides: string | undefined;
  url: string | undefined;
  /** The list of authors goes on (BibTeX's `and others`): shown as "et al.". */
  moreAuthors: boolean;
  /** The entry as BibTeX, for readers to copy: its citation's fields, written again from what was read. */
  bibtex: string;
  /** Where it was written: the file (relative to the project) and line of the entry. */
  source: { file: string; line: number };
}

/** An author as the list shows them, with the parts their name is recognised by. */
export interface Author {
  /** "Ada Lovelace", "Jan van der Berg", "World Health Organization". */
  name: string;
  /** The family name without particles: "Lovelace", "Berg"; undefined for an organisation. */
  family: string | undefined;
  /** The given names or initials: "Ada", "A. M."; undefined for an organisation. */
  given: string | undefined;
}

/**
 * A publication from its checked fields and what its file adds: the
 * authors as read, whether the list goes on, its BibTeX and where it was
 * written. The one place both files' entries become what pages show.
 */
export function publicationFrom(
  data: PublicationData,
  read: Pick<Publication, 'authors' | 'moreAuthors' | 'bibtex' | 'source'>,
): Publication {
  return {
    key: data.key,
    type: data.type,
    title: data.title,
    year: data.year,
    venue: data.venue,
    doi: data.doi,
    arxiv: data.arxiv,
    pdf: data.pdf,
    code: data.code,
    slides: data.slides,
    url: data.url,
    ...read,
  };
}

/** The order of a year's entries: papers, preprints, theses, posters, talks. */
const TYPE_ORDER = new Map(publicationTypes.map((type, index) => [type, index]));

/**
 * Newest year first; within a year by type (papers before talks), then by
 * title, so the list reads the same whatever order the files are in.
 */
export function sortPublications(publications: readonly Publication[]): Publication[] {
  return [...publications].sort(
    (a, b) =>
      b.year - a.year ||
      (TYPE_ORDER.get(a.type) ?? 0) - (TYPE_ORDER.get(b.type) ?? 0) ||
      a.title.localeCompare(b.title, 'en'),
  );
}

/** A name compared loosely: accents, case, dots and hyphens aside (`Müller` = `muller`). */
function loose(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.\-‐]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether an author is the portfolio's owner, named `profileName` in
 * profile.yaml: the same family name (the profile's last word) and the same
 * first given name or its initial, so "Ada Lovelace", "Lovelace, A." and
 * "A. M. Lovelace" all match "Ada Lovelace", and "Byron Lovelace" does not.
 * An organisation matches only by its whole name.
 */
export function isProfileAuthor(author: Author, profileName: string): boolean {
  const owner = loose(profileName).split(' ');
  const ownerFamily = owner.at(-1);
  const ownerGiven = owner.length > 1 ? owner[0] : undefined;
  if (author.family === undefined) return loose(author.name) === owner.join(' ');
  if (loose(author.family) !== ownerFamily) {
    // A family name of several words ("Vallée Poussin") as the profile writes it.
    return loose(author.name) === owner.join(' ');
  }
  const given = loose(author.given ?? '').split(' ')[0];
  if (!given || !ownerGiven) return !given && !ownerGiven;
  return given === ownerGiven || (given.length === 1 && ownerGiven.startsWith(given));
}

/**
 * An author written as one string in profile.yaml ("Ada Lovelace",
 * "Lovelace, Ada"): the last word is the family name, or what comes before
 * a comma.
 */
export function authorFromText(text: string): Author {
  const comma = text.indexOf(',');
  if (comma > 0) {
    const family = text.slice(0, comma).trim();
    const given = text.slice(comma + 1).trim();
    return { name: given ? `${given} ${family}` : family, family, given: given || undefined };
  }
  const words = text.trim().split(/\s+/);
  const family = words.at(-1) ?? text;
  return { name: words.join(' '), family, given: words.slice(0, -1).join(' ') || undefined };
}

/** A link a publication shows, in display order. */
export interface PublicationLink {
  kind: PublicationLinkKind;
  href: string;
}

/** The links of a publication: its DOI and arXiv pages, then what was written. */
export function publicationLinks(publication: Publication): PublicationLink[] {
  const links: PublicationLink[] = [];
  if (publication.doi) {
    // A DOI may hold characters a URL path must escape (`<`, `#`, `;`).
    links.push({
      kind: 'doi',
      href: `https://doi.org/${encodeURI(publication.doi).replaceAll('#', '%23')}`,
    });
  }
  if (publication.arxiv)
    links.push({ kind: 'arxiv', href: `https://arxiv.org/abs/${publication.arxiv}` });
  for (const kind of ['pdf', 'code', 'slides', 'url'] as const) {
    const href = publication[kind];
    if (href) links.push({ kind, href });
  }
  return links;
}

/**
 * The one address a publication is cited by (JSON-LD, JSON Resume): its own
 * page, else its PDF, else its first link (the DOI's, arXiv's, the code).
 */
export function publicationUrl(publication: Publication): string | undefined {
  return publication.url ?? publication.pdf ?? publicationLinks(publication)[0]?.href;
}
