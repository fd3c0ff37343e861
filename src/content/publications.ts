import { existsSync } from 'node:fs';
import path from 'node:path';
import { linkProblemMessage, resolveInside } from '../files/paths.ts';
import { HEAD_BYTES, isUtf16, readFileWithin } from '../files/read.ts';
import { MAX_BIBTEX_BYTES, megabytes } from '../files/size-limit.ts';
import { didYouMean } from '../problems/did-you-mean.ts';
import type { ContentProblem } from '../problems/problem.ts';
import { readBibtex } from '../publications/bibtex.ts';
import { profilePublication } from '../publications/profile-entries.ts';
import type { Publication } from '../publications/publication.ts';
import type { PublicationData } from '../schemas/publication.ts';

/**
 * A portfolio's publications, checked once: content/publications.bib (read
 * within its limit, never through a link out of content/) and profile.yaml's
 * `publications:`, one list with one entry per key. What a case study's
 * `paper:` names must be in it.
 */

/** The BibTeX file beside profile.yaml. */
const PUBLICATIONS_FILE = 'publications.bib';

/** profile.yaml's `publications:` as validated, and where each entry is written. */
export interface ProfilePublications {
  file: string;
  entries: readonly PublicationData[];
  /** The line of entry `index`. */
  lineOf: (index: number) => number | undefined;
}

export interface CheckedPublications {
  publications: Publication[];
  problems: ContentProblem[];
}

function tooLarge(bytes: number): string {
  return `is ${megabytes(bytes)}, over the ${MAX_BIBTEX_BYTES / 1024 / 1024} MB limit for publications.bib; export only your own publications from your reference manager`;
}

/** The .bib file's publications, or the problem that stops it being read; none without the file. */
function readBibFile(
  contentDir: string,
  display: (absolute: string) => string,
): CheckedPublications {
  const absolute = path.join(contentDir, PUBLICATIONS_FILE);
  if (!existsSync(absolute)) return { publications: [], problems: [] };
  const file = display(absolute);
  const real = resolveInside(absolute, contentDir);
  if (!real.ok && real.problem !== 'missing') {
    return {
      publications: [],
      problems: [{ file, message: linkProblemMessage('this file', real.problem) }],
    };
  }
  const read = readFileWithin(absolute, MAX_BIBTEX_BYTES, tooLarge);
  if (!read.ok) {
    return { publications: [], problems: [{ file, message: `this file ${read.message}` }] };
  }
  const text = bibText(read.bytes);
  if (typeof text !== 'string') {
    return { publications: [], problems: [{ file, message: text.problem }] };
  }
  return readBibtex(text, file);
}

/**
 * The file's text, or why it is not UTF-8 text. Older JabRef and Windows
 * tools save Latin-1 or UTF-16: read as UTF-8, "Müller" would be published
 * as "M�ller" without a word said.
 */
function bibText(bytes: Buffer): string | { problem: string } {
  const resave =
    'save it again as UTF-8 (Zotero: export with Character Encoding "Unicode (UTF-8)"; JabRef: Library properties, Encoding)';
  if (isUtf16(bytes.subarray(0, HEAD_BYTES))) {
    return { problem: `this file is saved as UTF-16 text; ${resave}` };
  }
  if (bytes.includes(0)) {
    return { problem: 'this file holds NUL bytes, which BibTeX never has; export it again' };
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      problem: `this file is not UTF-8 text (an accented letter saved as Latin-1 is the usual cause); ${resave}`,
    };
  }
}

/**
 * Reads content/publications.bib and adds profile.yaml's entries. A key
 * written twice (in either file, or once in each) is a problem at the
 * second; the list keeps the first.
 */
export function checkPublications(
  contentDir: string,
  display: (absolute: string) => string,
  profile: ProfilePublications | undefined,
): CheckedPublications {
  const { publications, problems } = readBibFile(contentDir, display);
  const byKey = new Map(
    publications.flatMap((publication) =>
      publication.key === undefined ? [] : [[publication.key.toLowerCase(), publication] as const],
    ),
  );
  for (const [index, data] of (profile?.entries ?? []).entries()) {
    const line = profile?.lineOf(index) ?? 1;
    const file = profile?.file ?? '';
    // As in BibTeX, keys are one whatever their case.
    const earlier = data.key === undefined ? undefined : byKey.get(data.key.toLowerCase());
    if (earlier) {
      problems.push({
        file,
        line,
        field: `publications[${index}].key`,
        message: `"${data.key}" is already the key of ${earlier.source.file}:${earlier.source.line}; give each publication its own key`,
      });
      continue;
    }
    const publication = profilePublication(data, file, line);
    if (publication.key !== undefined) byKey.set(publication.key.toLowerCase(), publication);
    publications.push(publication);
  }
  return { publications, problems };
}

/**
 * What is wrong with a case study's `paper:`, if anything: it must be the
 * key of one of the portfolio's publications.
 */
export function paperProblem(
  key: string,
  publications: readonly Publication[],
): string | undefined {
  if (publications.some((publication) => publication.key === key)) return undefined;
  const keys = publications.flatMap((publication) => (publication.key ? [publication.key] : []));
  const suggestion = didYouMean(key, keys);
  if (suggestion)
    return `"${key}" is not the key of any publication (did you mean "${suggestion}"?)`;
  return keys.length === 0
    ? `"${key}" names a publication, but the portfolio has none with a key; add it to content/${PUBLICATIONS_FILE} or to publications: in profile.yaml (with key: ${key})`
    : `"${key}" is not the key of any publication (keys: ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''}); write one of them, or add the publication to content/${PUBLICATIONS_FILE}`;
}
