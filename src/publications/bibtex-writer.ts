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

/** An author as BibTeX lists them: a name holding " and " is braced, or it would read as two. */
function authorValue(name: string): string {
  return /\sand\s/i.test(name) ? `{${escaped(name)}}` : escaped(name);
}

/** What the .bib file said, when the entry was read from one. */
export interface WrittenAs {
  /** `inproceedings`. */
  entryType: string;
  /** The field the venue was in: `booktitle`. */
  venueField: string | undefined;
  /** The authors ended with `and others`. */
  moreAuthors: boolean;
  /**
   * The entry's other bibliographic fields, as text (`pages`: `187–203`,
   * `editor`: `Jane Doe and R. Roe`), in the order to write them; `month`
   * as its number.
   */
  details: readonly (readonly [string, string])[];
}

/** BibTeX's month macros, which every style knows: `month = sep`. */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The entry, with fields in the order BibTeX tools write them. */
export function writeBibtex(publication: PublicationData, writtenAs?: WrittenAs): string {
  const authors = publication.authors.map(authorValue);
  if (writtenAs?.moreAuthors) authors.push('others');
  const fields: [string, string][] = [
    ['author', authors.join(' and ')],
    // Double braces keep the title's casing in every bibliography style.
    ['title', `{${escaped(publication.title)}}`],
  ];
  if (publication.venue) {
    fields.push([
      writtenAs?.venueField ?? VENUE_FIELDS[publication.type],
      escaped(publication.venue),
    ]);
  }
  // A poster or talk read from an entry of another type keeps its kind too.
  if (publication.type === 'poster') fields.push(['type', 'Poster']);
  if (publication.type === 'talk') fields.push(['type', 'Talk']);
  const details = writtenAs?.details ?? [];
  for (const [name, value] of details) {
    // A page range's en dash is written as BibTeX writes it, `--`.
    if (name !== 'month')
      fields.push([name, escaped(name === 'pages' ? value.replaceAll('–', '--') : value)]);
  }
  fields.push(['year', String(publication.year)]);
  const month = details.find(([name]) => name === 'month')?.[1];
  const macro = month === undefined ? undefined : MONTHS[Number(month) - 1];
  if (month !== undefined) fields.push(['month', macro ?? `{${escaped(month)}}`]);
  if (publication.doi) fields.push(['doi', publication.doi]);
  if (publication.arxiv) fields.push(['eprint', publication.arxiv], ['archiveprefix', 'arXiv']);
  // url is BibTeX's own; pdf, code and slides are read back by Casefolio and kept by reference managers.
  for (const kind of ['url', 'pdf', 'code', 'slides'] as const) {
    const link = publication[kind];
    if (link) fields.push([kind, link]);
  }
  const key = publication.key ?? madeUpKey(publication);
  // Values are braced, but for a month's macro (`sep`), which braces would make text.
  const body = fields
    .map(([name, value]) =>
      name === 'month' ? `  ${name} = ${value},` : `  ${name} = {${value}},`,
    )
    .join('\n');
  return `@${writtenAs?.entryType ?? ENTRY_TYPES[publication.type]}{${key},\n${body}\n}`;
}
