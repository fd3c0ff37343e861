import path from 'node:path';
import type { ContentReport } from './check.ts';
import type { Finding } from './lints.ts';
import {
  PDF_LIMITS,
  PdfLimitError,
  readPdfWithin,
  type PdfLimits,
  type PdfLine,
  type PdfText,
  type Segment,
} from './pdf-text.ts';
import { afterPath, readFileWithin } from '../files/read.ts';
import { MAX_RESUME_PDF_BYTES, megabytes } from '../files/size-limit.ts';

/**
 * The `resume-pdf` rule: the PDF résumé profile.yaml names (`resume`), read
 * as an applicant-tracking system reads it (PDF.js, text and link
 * annotations, lines by position). Errors: a file over 2.5 MB, one that is
 * not a PDF or cannot be opened (damaged, protected by a password), one with
 * no text at all (a scan, a picture of text). Warnings: the profile's name,
 * email or a web link missing from the text, ligatures in the text, two
 * columns side by side, and a reading order an ATS gets wrong.
 */

/** Read the text of at most this many pages: a résumé is one or two, a long CV a few more. */
const MAX_PAGES = 10;

/** The name must come out among a résumé's first this many lines (a heading, a line of contact details...). */
const NAME_WITHIN_LINES = 5;

/**
 * Two columns: text on both sides of a vertical gap at least this wide (in
 * points; a word space is 3 or 4, a column gap 12 or more) ...
 */
const GUTTER = 10;
/** ... on at least this many lines on each side, over the same stretch of the page ... */
const MIN_COLUMN_LINES = 5;
/** ... with at most this share of the lines there running across the gap. */
const MAX_CROSSING_SHARE = 0.2;

/** Drawn out of order: more than this share of the text (by characters) comes in another order than the page shows. */
const ORDER_TOLERANCE = 0.1;

/** A run that is an entry's dates, shown at the right of a one-column résumé: `Jun 2025 – Aug 2025`, `2023–present`. */
const DATES = /^(?=.*(?:\b(?:19|20)\d{2}\b|\bpresent\b|\bnow\b))[\p{L}\p{N}\s.,'’/–—-]{1,32}$/iu;

/** The ligature characters a font's glyph can come out as (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ). */
const LIGATURES = /[\uFB00-\uFB06]/g;
const HAS_LIGATURE = /[\uFB00-\uFB06]/;

const LIGATURES_OFF =
  'turn ligatures off (CSS font-variant-ligatures: none, or a font without them) and export it again';

const HOW_TO_EXPORT =
  "export it from the document you wrote it in as a PDF with text, or save the site's résumé page as PDF from your browser (Print, then Save as PDF)";

/**
 * The findings of the profile's PDF résumé, at the line of `resume` in
 * profile.yaml: none when there is none, or when its path already has a
 * problem (missing, outside content/). PDF.js is loaded only here, when a
 * profile names a PDF.
 */
export async function checkResumePdf(
  report: ContentReport,
  limits: PdfLimits = PDF_LIMITS,
): Promise<Finding[]> {
  const reads = report.profileReads;
  const read = reads?.reads.find((entry) => entry.field === 'resume');
  if (!reads || !read) return [];
  const pathProblem = report.problems.some(
    (problem) => problem.file === reads.file && problem.field === 'resume',
  );
  if (pathProblem) return [];
  const { written } = read;
  const findings: Finding[] = [];
  const add = (severity: Finding['severity'], message: string) =>
    findings.push({
      file: reads.file,
      ...(read.line ? { line: read.line } : {}),
      field: 'resume',
      severity,
      rule: 'resume-pdf',
      message,
    });

  const absolute = path.resolve(path.dirname(reads.absolutePath), written);
  const bytes = readFileWithin(absolute, MAX_RESUME_PDF_BYTES, tooLargeMessage);
  if (!bytes.ok) {
    add('error', afterPath(written, bytes));
    return findings;
  }
  const notPdf = notPdfReason(bytes.bytes);
  if (notPdf) {
    add('error', `${written} is not a PDF (${notPdf}); ${HOW_TO_EXPORT}`);
    return findings;
  }
  let pdf: PdfText;
  try {
    pdf = await readPdfWithin(bytes.bytes, { maxPages: MAX_PAGES }, limits);
  } catch (error) {
    add('error', `${written} ${unopenable(error)}`);
    return findings;
  }
  if (!/[\p{L}\p{N}]/u.test(pdf.drawn)) {
    add(
      'error',
      `${written} has no text an applicant-tracking system can read: its pages are pictures (a scan, or text saved as an image), so the system sees an empty résumé; ${HOW_TO_EXPORT}`,
    );
    return findings;
  }
  for (const message of textWarnings(pdf, report.profile, written)) add('warning', message);
  return findings;
}

function tooLargeMessage(bytes: number): string {
  return `is ${megabytes(bytes)}, over the ${MAX_RESUME_PDF_BYTES / 1024 / 1024} MB that applicant-tracking systems take; export it again with its pictures compressed or left out (a résumé of text is under 200 KB), or save the site's résumé page as PDF from your browser`;
}

/** Why bytes are not a PDF (no `%PDF-` in the first kilobyte, where readers look), or undefined. */
function notPdfReason(bytes: Buffer): string | undefined {
  if (bytes.subarray(0, 1024).includes('%PDF-')) return undefined;
  if (bytes.length === 0) return 'the file is empty';
  const start = bytes.subarray(0, 8);
  const kinds: [Buffer | string, string][] = [
    [Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'a PNG image'],
    [Buffer.from([0xff, 0xd8, 0xff]), 'a JPEG image'],
    [Buffer.from('PK\x03\x04', 'latin1'), 'a ZIP file, such as a Word .docx'],
    [Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'an old Word .doc'],
    ['{\\rtf', 'an RTF document'],
  ];
  for (const [signature, kind] of kinds) {
    if (start.subarray(0, signature.length).equals(Buffer.from(signature))) {
      return `it is ${kind} named .pdf`;
    }
  }
  return 'it does not start with %PDF-';
}

/** What stops PDF.js opening a file, as the rest of a sentence after its path. Exported for tests. */
export function unopenable(error: unknown): string {
  if (error instanceof PdfLimitError) {
    const what =
      error.limit === 'timeoutMs'
        ? `takes over ${error.value / 1000} s to read`
        : `needs over ${error.value} MB of memory to read`;
    return `${what}, far more than any résumé (a few pages read in under a second): it is damaged or built to stall a reader, and applicant-tracking systems give up on it too; export it again`;
  }
  if ((error as { name?: unknown }).name === 'PasswordException') {
    return 'is protected by a password, so applicant-tracking systems cannot open it; export it again without a password';
  }
  return 'cannot be read as a PDF: it is damaged or cut short; export it again';
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Text for comparing: composed accents, lower case, single spaces. */
function normalise(text: string): string {
  return squash(text.normalize('NFC').toLowerCase());
}

/** Text for finding an address, which may break across lines: `normalise`d, no spaces. */
function compact(text: string): string {
  return normalise(text).replace(/ /g, '');
}

/** Ligature characters as the letters they stand for (ﬂ as fl). */
function unligate(text: string): string {
  return text.replace(LIGATURES, (ligature) => ligature.normalize('NFKC'));
}

/** `https://www.github.com/ada/` as a résumé shows it: `github.com/ada`. */
function shownAddress(url: string): string {
  return url
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/+$/, '');
}

/** Every warning on the text of a PDF that has some. */
function textWarnings(pdf: PdfText, profile: ContentReport['profile'], written: string): string[] {
  const warnings: string[] = [];
  const lines = pdf.lines.map((line) => normalise(line.text));
  const text = lines.join(' ');
  const flat = text.replace(/ /g, '');
  // The same in the PDF's own case, for quoting it.
  const casedText = pdf.lines.map((line) => squash(line.text.normalize('NFC'))).join(' ');
  const casedFlat = casedText.replace(/ /g, '');
  let ligaturesSaid = false;

  /** How the text shows `wanted` when only ligatures keep it from matching: `: it comes out as "Raﬁ", ...`. */
  const ligatured = (wanted: string, found: string, cased: string): string => {
    const start = unligate(found).indexOf(wanted);
    if (start < 0) return '';
    // Each ligature character stands for two or three letters: find the original span.
    let index = 0;
    let original = 0;
    while (index < start) index += unligate(found[original++] ?? '').length;
    let end = original;
    while (index < start + wanted.length) index += unligate(found[end++] ?? '').length;
    // Lower case has the same length but for a few letters (İ), when the quote is in lower case.
    const shown = (cased.length === found.length ? cased : found).slice(original, end);
    const used = [...new Set(shown.match(LIGATURES) ?? [])].join(' ');
    ligaturesSaid = true;
    return `: it comes out as "${shown}", with the ligature ${used} in place of letters, which no search for the letters matches; ${LIGATURES_OFF}`;
  };

  const name = profile ? normalise(profile.name) : undefined;
  if (profile && name) {
    const at = text.indexOf(name);
    if (at < 0) {
      const why = ligatured(name, text, casedText);
      warnings.push(
        `your name "${profile.name}" does not come out of ${written} as text${why || ', so an applicant-tracking system cannot tell whose résumé it is; write it at the top as text, spelled as in profile.yaml (not in a picture, nor in a font without real letters)'}`,
      );
    } else {
      warnings.push(...nameOrder(pdf, lines, name, at, written));
    }
  }

  const email = profile?.email;
  if (email && !flat.includes(compact(email))) {
    const why = ligatured(compact(email), flat, casedFlat);
    warnings.push(
      `your email ${email} does not come out of ${written} as text${why || ', so an applicant-tracking system cannot contact you; write it out in full as text'}`,
    );
  }

  const annotations = new Set(pdf.links.map((link) => shownAddress(link).toLowerCase()));
  for (const link of profile?.links ?? []) {
    if (!/^https?:/i.test(link.url)) continue;
    const shown = compact(shownAddress(link.url));
    if (flat.includes(shown) || annotations.has(shownAddress(link.url).toLowerCase())) continue;
    const why = ligatured(shown, flat, casedFlat);
    warnings.push(
      `your link ${link.url} (${link.label}) is neither text nor a link in ${written}${why || ', so an applicant-tracking system does not see it; write its address out (such as ' + shownAddress(link.url) + ') and make it a link'}`,
    );
  }

  const ligatures = [
    ...new Set(
      pdf.lines.flatMap((line) =>
        line.text
          .split(/\s+/)
          .filter((word) => HAS_LIGATURE.test(word))
          .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')),
      ),
    ),
  ];
  if (ligatures.length > 0 && !ligaturesSaid) {
    const examples = ligatures.slice(0, 3).map((word) => `"${word}"`);
    warnings.push(
      `${ligatures.length === 1 ? '1 word' : `${ligatures.length} words`} of ${written} come out with ligatures (${examples.join(', ')}${ligatures.length > 3 ? ', …' : ''}): a ligature such as "${ligatures[0]?.match(HAS_LIGATURE)?.[0] ?? ''}" is one character, so a search for "${unligate(ligatures[0] ?? '')}" misses it; ${LIGATURES_OFF}`,
    );
  }

  const columns = twoColumns(pdf.lines);
  if (columns) {
    warnings.push(
      `page ${columns.page} of ${written} has two columns side by side (text ${Math.round(columns.left)} pt and ${Math.round(columns.right)} pt from the page's left edge, on ${columns.leftLines} and ${columns.rightLines} lines): an applicant-tracking system reads a page line by line, across both, and mixes them; put everything in one column, as the site's résumé page prints`,
    );
  } else {
    const shuffled = misorderedShare(pdf);
    if (shuffled > ORDER_TOLERANCE) {
      warnings.push(
        `${written} draws ${Math.round(shuffled * 100)}% of its text in another order than its pages show it, so an applicant-tracking system that reads the file's order gets the résumé shuffled; export it again from one document that flows top to bottom (a page laid out with positioned boxes or a grid out of order is drawn that way)`,
      );
    }
  }
  return warnings;
}

/** The name not among the first lines, by position or in the file's order. */
function nameOrder(
  pdf: PdfText,
  lines: string[],
  name: string,
  at: number,
  written: string,
): string[] {
  // The line the name starts on, from where it is in the lines joined by spaces.
  let line = 0;
  let offset = 0;
  while (line < lines.length - 1 && offset + (lines[line]?.length ?? 0) < at) {
    offset += (lines[line]?.length ?? 0) + 1;
    line += 1;
  }
  if (line >= NAME_WITHIN_LINES) {
    return [
      `your name is line ${line + 1} of ${written}${pdf.lines[line]?.page === 1 ? '' : ` (page ${pdf.lines[line]?.page})`}, not among the first ${NAME_WITHIN_LINES}: an applicant-tracking system takes the name from the top of the résumé; put it first`,
    ];
  }
  // In the file's order, after the text of the first lines: drawn later than shown.
  const before = lines.slice(0, NAME_WITHIN_LINES).join(' ').replace(/ /g, '').length;
  const drawnAt = normalise(pdf.drawn).replace(/ /g, '').indexOf(name.replace(/ /g, ''));
  if (drawnAt > before) {
    return [
      `${written} shows your name at the top but draws it after ${Math.round((drawnAt / Math.max(1, normalise(pdf.drawn).replace(/ /g, '').length)) * 100)}% of its text, so an applicant-tracking system that reads the file's order does not find it first; export it again from a document where the name is written first`,
    ];
  }
  return [];
}

/** The first page with two columns side by side: where they start and how many lines each has. */
function twoColumns(
  lines: readonly PdfLine[],
):
  { page: number; left: number; right: number; leftLines: number; rightLines: number } | undefined {
  const pages = [...new Set(lines.map((line) => line.page))];
  for (const page of pages) {
    const onPage = lines.filter((line) => line.page === page);
    const margin = Math.min(...onPage.flatMap((line) => line.segments.map((s) => s.x)));
    // Where a right-hand column could start: a left edge shared by several runs.
    const edges = new Map<number, number>();
    for (const line of onPage) {
      for (const segment of line.segments) {
        const edge = Math.round(segment.x);
        edges.set(edge, (edges.get(edge) ?? 0) + 1);
      }
    }
    for (const [edge, count] of edges) {
      if (count < MIN_COLUMN_LINES) continue;
      const sides = onPage.map((line) => {
        // Dates beside an entry (at its left or right) are not a column of text.
        const words = (segments: Segment[]) =>
          segments.some((s) => isText(s.text) && !DATES.test(s.text));
        return {
          y: line.y,
          left: words(line.segments.filter((s) => s.end <= edge - GUTTER)),
          right: words(line.segments.filter((s) => s.x >= edge - 1)),
          crossing: line.segments.some((s) => s.x < edge - 1 && s.end > edge - GUTTER),
        };
      });
      const left = sides.filter((side) => side.left);
      const right = sides.filter((side) => side.right);
      if (left.length < MIN_COLUMN_LINES || right.length < MIN_COLUMN_LINES) continue;
      // The stretch of the page where both columns have text.
      const top = Math.min(Math.max(...left.map((s) => s.y)), Math.max(...right.map((s) => s.y)));
      const bottom = Math.max(
        Math.min(...left.map((s) => s.y)),
        Math.min(...right.map((s) => s.y)),
      );
      const within = sides.filter((side) => side.y <= top && side.y >= bottom);
      const leftLines = within.filter((side) => side.left).length;
      const rightLines = within.filter((side) => side.right).length;
      const crossing = within.filter((side) => side.crossing).length;
      if (
        leftLines >= MIN_COLUMN_LINES &&
        rightLines >= MIN_COLUMN_LINES &&
        crossing <= within.length * MAX_CROSSING_SHARE
      ) {
        return { page, left: margin, right: edge, leftLines, rightLines };
      }
    }
  }
  return undefined;
}

/** Words, not a bullet or a stray mark: three letters or more. */
function isText(text: string): boolean {
  return (text.match(/\p{L}/gu)?.length ?? 0) >= 3;
}

/**
 * The share of the text (by characters) the file draws in another order than
 * the page shows it: of the runs found once in the drawn text, those outside
 * the longest series drawn in the page's order.
 */
function misorderedShare(pdf: PdfText): number {
  const drawn = compact(pdf.drawn);
  const runs: { at: number; length: number }[] = [];
  for (const line of pdf.lines) {
    for (const segment of line.segments) {
      const run = compact(segment.text);
      // Short or repeated runs (a bullet, "Python" twice) cannot be placed.
      if (run.length < 4) continue;
      const at = drawn.indexOf(run);
      if (at < 0 || drawn.indexOf(run, at + 1) >= 0) continue;
      runs.push({ at, length: run.length });
    }
  }
  const total = runs.reduce((sum, run) => sum + run.length, 0);
  if (total === 0) return 0;
  // The heaviest increasing series of drawn positions, by characters.
  const best: number[] = [];
  let longest = 0;
  runs.forEach((run, index) => {
    let before = 0;
    for (let earlier = 0; earlier < index; earlier++) {
      if ((runs[earlier]?.at ?? 0) < run.at) before = Math.max(before, best[earlier] ?? 0);
    }
    best[index] = before + run.length;
    longest = Math.max(longest, best[index] ?? 0);
  });
  return (total - longest) / total;
}
