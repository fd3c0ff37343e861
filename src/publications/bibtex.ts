import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import type { ContentProblem } from '../problems/problem.ts';
import { friendlyIssues } from '../problems/friendly-issues.ts';
import {
  citationKeySchema,
  publicationSchema,
  type PublicationType,
} from '../schemas/publication.ts';
import { writeBibtex } from './bibtex-writer.ts';
import { htmlFragmentText } from './plain-text.ts';
import { publicationFrom, type Author, type Publication } from './publication.ts';

/**
 * content/publications.bib read into publications: the library
 * (@retorquere/bibtex-parser) reads the BibTeX, LaTeX and names; this module
 * decides what each entry is (paper, preprint, thesis, poster, talk), checks
 * it against the same schema as profile.yaml's `publications:`, and words
 * every problem as the contract's one line, at the entry's or field's line.
 * The library goes on after a broken entry, so one run reports them all.
 */

/** What a .bib file holds: the entries that were read, and the problems of the rest. */
export interface BibtexRead {
  publications: Publication[];
  problems: ContentProblem[];
}

/** The 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < offset;
    index = text.indexOf('\n', index + 1)
  ) {
    line += 1;
  }
  return line;
}

/**
 * The lines of a whole file at once: the offsets where lines start, searched
 * by halves, so finding the lines of thousands of entries stays linear.
 */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    starts.push(index + 1);
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

/** A key as a problem names it: a key pasted by mistake can be megabytes long. */
function shownKey(key: string): string {
  return key.length > 60 ? `${key.slice(0, 59)}…` : key;
}

/** `@article{broken` at the start of an entry's text: how a problem names an entry it could not read. */
function entryLabel(input: string): string | undefined {
  const match = /^\s*@\s*([A-Za-z]{1,30})\s*[{(]\s*([^,\s}]*)/.exec(input);
  if (!match) return undefined;
  const type = match[1]?.toLowerCase() ?? '';
  return match[2] ? `@${type}{${shownKey(match[2])}}` : `@${type}`;
}

/**
 * The library's message in the contract's words: its own position (where it
 * noticed the problem, often the next entry) is dropped, as the line is the
 * entry's.
 */
function syntaxMessage(error: string): string {
  const unresolved = /^Unresolved @string reference "([^"]*)"/.exec(error);
  if (unresolved) {
    return `uses the @string "${unresolved[1]}", which the file does not define; define it with @string{${unresolved[1]} = {…}} or write the value in braces`;
  }
  if (/call stack/i.test(error)) {
    return 'nests braces or formulas too deeply to read; write the field without so many levels of { }';
  }
  // Its quotes of the source run over lines and end mid-word: the line says where.
  const what = error
    .replace(/ at line \d+, column \d+[\s\S]*$/, '')
    .replace(/\s*"(?:[^"\\]|\\.)*"(?:\.\.\.)?/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  // What the library expected and found were its quotes: without them it says nothing.
  if (/^token mismatch, expected,? found\W*$/i.test(what)) {
    return 'is not valid BibTeX; check the entry type and key (letters, digits and : - _ . / + only), that every { has its }, every " its closing ", and the fields are separated by commas';
  }
  // A message is one line of output, whatever the library quoted.
  const short = what.length > 120 ? `${what.slice(0, 119)}…` : what;
  return `is not valid BibTeX (${short.charAt(0).toLowerCase()}${short.slice(1)}); check that every { has its }, every " its closing ", and the fields are separated by commas`;
}

/** `Lovelace, Ada` as the library splits it, as a reader writes it: "Ada Lovelace". */
function author(creator: Creator): Author {
  if (creator.name !== undefined || creator.lastName === undefined) {
    const name = htmlFragmentText(creator.name ?? '');
    return { name, family: undefined, given: undefined };
  }
  const family = htmlFragmentText(creator.lastName);
  const given = creator.firstName ? htmlFragmentText(creator.firstName) : undefined;
  const prefix = creator.prefix ? `${htmlFragmentText(creator.prefix)} ` : '';
  const suffix = creator.suffix ? `, ${htmlFragmentText(creator.suffix)}` : '';
  return { name: `${given ? `${given} ` : ''}${prefix}${family}${suffix}`, family, given };
}

/** BibTeX's `and others`, read as an author. */
function isOthers(creator: Creator): boolean {
  return creator.name === undefined && creator.lastName === 'others' && !creator.firstName;
}

type Fields = Entry['fields'];

/** A field as text, whether the library returns a string or a list (publisher, institution). */
function text(fields: Fields, name: string): string | undefined {
  const value: unknown = (fields as Record<string, unknown>)[name];
  if (typeof value === 'string') return htmlFragmentText(value) || undefined;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return htmlFragmentText(value.join(', ')) || undefined;
  }
  return undefined;
}

/** A verbatim field (url, doi, eprint) as written. */
function verbatim(fields: Fields, name: string): string | undefined {
  const value: unknown = (fields as Record<string, unknown>)[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

const PREPRINT_SERVERS = /\b(?:arxiv|biorxiv|medrxiv|chemrxiv|ssrn|preprint)\b/i;

/**
 * What an entry is. BibTeX has no type for posters and talks: BibLaTeX's
 * `type` field ("Poster", "Talk") or `howpublished` says so. Entries on a
 * preprint server, reports and unpublished work are preprints.
 */
function publicationType(entry: Entry): PublicationType {
  const described = `${text(entry.fields, 'type') ?? ''} ${text(entry.fields, 'howpublished') ?? ''}`;
  if (/\bposter\b/i.test(described)) return 'poster';
  if (/\b(?:talk|presentation|keynote|lecture|seminar)\b/i.test(described)) return 'talk';
  switch (entry.type) {
    case 'phdthesis':
    case 'mastersthesis':
    case 'thesis':
      return 'thesis';
    case 'unpublished':
    case 'techreport':
    case 'report':
    case 'online':
    case 'misc':
      return 'preprint';
    default:
      return PREPRINT_SERVERS.test(text(entry.fields, 'journal') ?? '') ? 'preprint' : 'paper';
  }
}

/** Where it appeared, and the BibTeX field that says so. */
function venue(entry: Entry): { value: string; field: string } | undefined {
  const fields =
    publicationType(entry) === 'thesis'
      ? ['school', 'institution']
      : [
          'journal',
          'booktitle',
          'eventtitle',
          'howpublished',
          'organization',
          'institution',
          'school',
          'publisher',
        ];
  for (const field of fields) {
    const value = text(entry.fields, field);
    if (value) return { value, field };
  }
  return undefined;
}

/** The arXiv identifier: `eprint` with `archiveprefix = arXiv`, or a Google Scholar `journal = {arXiv preprint arXiv:…}`. */
function arxivId(fields: Fields): string | undefined {
  const archive = verbatim(fields, 'archiveprefix') ?? verbatim(fields, 'eprinttype');
  const eprint = verbatim(fields, 'eprint');
  if (eprint && /^arxiv$/i.test(archive ?? '')) return eprint;
  return /arXiv:\s*(\S+)/i.exec(text(fields, 'journal') ?? '')?.[1];
}

/**
 * The bibliographic fields a citation keeps besides those every entry has,
 * in the order reference managers write them: what a reader copying the
 * entry needs. Notes, abstracts, keywords, files and access dates are left
 * out, since they are often private.
 */
const DETAIL_FIELDS = [
  'editor',
  'volume',
  'number',
  'pages',
  'series',
  'edition',
  'chapter',
  'publisher',
  'organization',
  'institution',
  'school',
  'address',
  'location',
  'isbn',
  'issn',
  'month',
] as const;

/** The entry's details as text, without the field its venue was read from. */
function details(entry: Entry, venueField: string | undefined): [string, string][] {
  return DETAIL_FIELDS.flatMap((name): [string, string][] => {
    if (name === venueField) return [];
    if (name === 'editor') {
      const editors = entry.fields.editor ?? [];
      // An entry without authors is read by its editors: they are its authors then.
      if (editors.length === 0 || !entry.fields.author) return [];
      return [[name, editors.map((editor) => author(editor).name).join(' and ')]];
    }
    const value =
      name === 'publisher' || name === 'location'
        ? listText(entry.fields, name)
        : text(entry.fields, name);
    return value ? [[name, value]] : [];
  });
}

/** A list field (publisher, location) as BibTeX writes one: its items joined by `and`. */
function listText(fields: Fields, name: string): string | undefined {
  const value: unknown = (fields as Record<string, unknown>)[name];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return htmlFragmentText(value.join(' and ')) || undefined;
  }
  return text(fields, name);
}

/** The schema's field and the BibTeX field it is written in, for a problem's line and name. */
const BIBTEX_FIELD: Record<string, string> = {
  authors: 'author',
  arxiv: 'eprint',
};

/** What to write when a field every entry needs is missing. */
const MISSING: Record<string, string> = {
  title: 'missing; add title = {…}',
  authors: 'missing; add author = {Lovelace, Ada and …}',
  year: 'missing; add year = {2025} (or date = {2025-06-12})',
};

/** The line of `field = ` in an entry starting at `entryLine`, or the entry's line. */
function fieldLine(entry: Entry, entryLine: number, field: string): number {
  const match = new RegExp(`(^|[\\s,{(])${field}\\s*=`, 'i').exec(entry.input);
  return match ? entryLine + lineAt(entry.input, match.index + match[1]!.length) - 1 : entryLine;
}

/** One entry as a publication, or its problems. */
function readEntry(
  entry: Entry,
  file: string,
  line: number,
): { publication?: Publication; problems: ContentProblem[] } {
  const fields = entry.fields;
  const creators = fields.author ?? fields.editor ?? [];
  // `and others` is BibTeX's "et al.", not an author named Others.
  const moreAuthors = creators.some(isOthers);
  const authors = creators.filter((creator) => !isOthers(creator)).map(author);
  const yearText = text(fields, 'year') ?? text(fields, 'date');
  const year = /^(\d{4})(?:$|-)/.exec(yearText ?? '')?.[1];
  const where = venue(entry);
  const written = {
    key: entry.key,
    type: publicationType(entry),
    title: text(fields, 'title'),
    authors: authors.length > 0 ? authors.map((one) => one.name) : undefined,
    year: year === undefined ? undefined : Number(year),
    ...(where ? { venue: where.value } : {}),
    ...(verbatim(fields, 'doi') ? { doi: verbatim(fields, 'doi') } : {}),
    ...(arxivId(fields) ? { arxiv: arxivId(fields) } : {}),
    ...Object.fromEntries(
      (['pdf', 'code', 'slides', 'url'] as const).flatMap((name) => {
        const value = verbatim(fields, name);
        return value ? [[name, value]] : [];
      }),
    ),
  };
  const parsed = publicationSchema.safeParse(written, { reportInput: true });
  if (!parsed.success) {
    const problems = friendlyIssues(parsed.error.issues, publicationSchema).map((issue) => {
      const [schemaField = ''] = issue.field.split(/[.[]/);
      const field =
        schemaField === 'venue' && where ? where.field : (BIBTEX_FIELD[schemaField] ?? schemaField);
      // A missing field is named as BibTeX writes it, with an example.
      const missing = issue.message.startsWith('required field is missing');
      const message =
        schemaField === 'year' && yearText !== undefined
          ? `expected the year it appeared, got ${JSON.stringify(yearText.slice(0, 40))}; write year = {2025} (or date = {2025-06-12})`
          : missing
            ? (MISSING[schemaField] ?? issue.message)
            : issue.message;
      return {
        file,
        line: fieldLine(entry, line, field),
        field: `${shownKey(entry.key)}.${field}`,
        message,
      };
    });
    return { problems };
  }
  // The key as the file wrote it: a .bib entry always has one.
  const data = { ...parsed.data, key: entry.key };
  return {
    problems: [],
    publication: publicationFrom(data, {
      authors,
      moreAuthors,
      // Written again from what was read, not copied: a reader copies the
      // fields a citation needs, never the notes, file paths and comments a
      // reference manager keeps beside them.
      bibtex: writeBibtex(data, {
        entryType: entry.type,
        venueField: where?.field,
        moreAuthors,
        details: details(entry, where?.field),
      }),
      source: { file, line },
    }),
  };
}

/**
 * The longest entry read, in characters. A real entry, abstract and all, is a
 * few kilobytes; the library's time grows with the square of a field's
 * words, so a whole thesis pasted into `abstract` or a reference manager's
 * attachment list would hold the check for seconds to minutes.
 */
const MAX_ENTRY_CHARS = 16 * 1024;

/**
 * Entries over {@link MAX_ENTRY_CHARS}, each a problem, blanked out of the
 * text the library reads (their line breaks kept, so every line stays
 * where it was). An entry starts with `@` at the start of a line, as every
 * reference manager writes it.
 */
function withoutOversizedEntries(
  source: string,
  file: string,
  lineOf: (offset: number) => number,
): { text: string; problems: ContentProblem[] } {
  const starts = [...source.matchAll(/^[ \t]*@/gm)].map((match) => match.index);
  const problems: ContentProblem[] = [];
  let text = source;
  for (const [index, start] of starts.entries()) {
    const end = starts[index + 1] ?? source.length;
    if (end - start <= MAX_ENTRY_CHARS) continue;
    const label = entryLabel(source.slice(start, start + 200));
    problems.push({
      file,
      line: lineOf(start),
      ...(label ? { field: label } : {}),
      message: `is ${Math.ceil((end - start) / 1024)} KB, over the ${MAX_ENTRY_CHARS / 1024} KB limit for one entry; an abstract, note or file list pasted whole is the usual cause: remove that field`,
    });
    text = `${text.slice(0, start)}${text.slice(start, end).replace(/[^\n]/g, ' ')}${text.slice(end)}`;
  }
  return { text, problems };
}

/**
 * Reads a .bib file's text; `file` is its path as problems name it. Never
 * throws: what cannot be read is a problem at its entry's line, and the
 * other entries are read all the same. Duplicate keys are problems too
 * (BibTeX tools would silently use one of them).
 */
export function readBibtex(source: string, file: string): BibtexRead {
  const lineOf = lineFinder(source);
  const guarded = withoutOversizedEntries(source, file, lineOf);
  // Pushed one by one: a file can have more problems than a call takes arguments.
  const problems: ContentProblem[] = guarded.problems;
  let library: ReturnType<typeof parse>;
  try {
    // Titles keep the casing the author wrote (no sentence case), crossref'd
    // proceedings lend their fields, and an unknown LaTeX command is dropped
    // rather than shown with its backslash.
    library = parse(guarded.text, { english: false, applyCrossRef: true, unsupported: 'ignore' });
  } catch (error) {
    problems.push({
      file,
      line: 1,
      message: syntaxMessage(String((error as Error).message ?? error)),
    });
    return { publications: [], problems };
  }
  let errorFrom = 0;
  for (const error of library.errors) {
    // The library reports in file order: each is looked for after the last.
    const at = error.input ? guarded.text.indexOf(error.input, errorFrom) : -1;
    if (at !== -1) errorFrom = at;
    const label = error.input ? entryLabel(error.input) : undefined;
    problems.push({
      file,
      line: at === -1 ? 1 : lineOf(at),
      ...(label ? { field: label } : {}),
      message: syntaxMessage(error.error),
    });
  }
  const publications: Publication[] = [];
  const seen = new Map<string, { key: string; line: number }>();
  let from = 0;
  for (const entry of library.entries) {
    // An entry the library could not finish has no text of its own; its
    // problem is already in `errors`.
    if (entry.input === '') continue;
    const at = guarded.text.indexOf(entry.input, from);
    if (at !== -1) from = at + entry.input.length;
    const line = at === -1 ? 1 : lineOf(at);
    const keyProblem = citationKeySchema.safeParse(entry.key);
    if (!keyProblem.success) {
      problems.push({
        file,
        line,
        field: `@${entry.type}{${shownKey(entry.key)}}`,
        message:
          'is not a citation key a case study can name: use letters, digits and : - _ . / + only, at most 100 characters (lovelace2025churn)',
      });
      continue;
    }
    // BibTeX tells no case apart in keys: `Lovelace2025` and `lovelace2025` are one.
    const earlier = seen.get(entry.key.toLowerCase());
    if (earlier !== undefined) {
      problems.push({
        file,
        line,
        field: entry.key,
        message: `duplicate key: line ${earlier.line} has an entry with the same key${earlier.key === entry.key ? '' : ` ("${shownKey(earlier.key)}": BibTeX tells no case apart)`}; give each entry its own key`,
      });
      continue;
    }
    seen.set(entry.key.toLowerCase(), { key: entry.key, line });
    const read = readEntry(entry, file, line);
    for (const problem of read.problems) problems.push(problem);
    if (read.publication) publications.push(read.publication);
  }
  return { publications, problems };
}
