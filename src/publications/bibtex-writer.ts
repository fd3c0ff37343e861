import type { PublicationData } from '../schemas/publication.ts';

/**
 * A profile.yaml publication written as a BibTeX entry, for the "BibTeX"
 * a reader may copy: the same fields a .bib file would hold, LaTeX's
 * special characters escaped so the entry reads back as written.
 */

/** The entry type each kind is written as (BibLaTeX's `type` field says poster or talk). */
const ENTRY_TYPES = {
  paper: 'article',
  preprint: 'misc',
  thesis: 'thesis',
  poster: 'misc',
  talk: 'misc',
} as const;

/** Where each kind's venue goes. */
const VENUE_FIELDS = {
  paper: 'journal',
  preprint: 'howpublished',
  thesis: 'institution',
  poster: 'eventtitle',
  talk: 'eventtitle',
} as const;

/** Text in a braced BibTeX value: LaTeX's special characters escaped. */
function escaped(text: string): string {
  return text.replace(/[\\{}%&#$_~^]/g, (character) => {
    if (character === '\\') return '\\textbackslash{}';
    if (character === '~') return '\\textasciitilde{}';
    if (character === '^') return '\\textasciicircum{}';
    return `\\${character}`;
  });
}

/** "Ada Lovelace" -> "lovelace": the start of a key made for an entry without one. */
function keyWord(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
      .split(' ')
      .find((word) => word.length > 3) ?? 'entry'
  );
}

/**
 * The key an entry without one is written with: the first author's family
 * name, the year and the title's first long word (`lovelace2025predicting`).
 */
export function madeUpKey(
  publication: Pick<PublicationData, 'authors' | 'year' | 'title'>,
): string {
  const first = publication.authors[0] ?? '';
  const family = first.includes(',')
    ? (first.split(',')[0] ?? first)
    : (first.split(/\s+/).at(-1) ?? first);
  return `${keyWord(family)}${publication.year}${keyWord(publication.title)}`;
}

/** The entry, with fields in the order BibTeX tools write them. */
export function writeBibtex(publication: PublicationData): string {
  const fields: [string, string][] = [
    ['author', publication.authors.map(escaped).join(' and ')],
    // Double braces keep the title's casing in every bibliography style.
    ['title', `{${escaped(publication.title)}}`],
  ];
  if (publication.venue) fields.push([VENUE_FIELDS[publication.type], escaped(publication.venue)]);
  if (publication.type === 'poster') fields.push(['type', 'Poster']);
  if (publication.type === 'talk') fields.push(['type', 'Talk']);
  fields.push(['year', String(publication.year)]);
  if (publication.doi) fields.push(['doi', publication.doi]);
  if (publication.arxiv) fields.push(['eprint', publication.arxiv], ['archiveprefix', 'arXiv']);
  if (publication.url ?? publication.pdf)
    fields.push(['url', publication.url ?? publication.pdf ?? '']);
  const key = publication.key ?? madeUpKey(publication);
  const body = fields.map(([name, value]) => `  ${name} = {${value}},`).join('\n');
  return `@${ENTRY_TYPES[publication.type]}{${key},\n${body}\n}`;
}
