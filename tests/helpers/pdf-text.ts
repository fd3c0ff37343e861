/**
 * A PDF read the way an applicant-tracking system reads it: the text of each
 * page through PDF.js (Mozilla's parser), its lines by position, and its link
 * annotations.
 *
 * Ligatures are not folded into letters here (`disableNormalization`): a parser
 * that does not fold them reads `ﬂ` (U+FB02) where the page shows "fl", and a
 * search for "Airflow" then misses the résumé.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A run of text on one line, between two gaps wider than a word space. */
interface Segment {
  /** Left edge, in PDF points from the page's left. */
  x: number;
  text: string;
}

export interface PdfLine {
  /** Baseline, in PDF points from the page's bottom. */
  y: number;
  /** The line's runs, left to right: one for flowing text, two for text with something beside it. */
  segments: Segment[];
  /** The segments joined by single spaces. */
  text: string;
}

export interface PdfText {
  pages: number;
  /** Every page's lines, top to bottom and page after page, each read left to right. */
  lines: PdfLine[];
  /** Every page's text in the order the file draws it, words separated by single spaces. */
  drawn: string;
  /** The targets of the link annotations, in order. */
  links: string[];
}

/** A gap wider than this many points between two pieces of text on a line splits it into segments. */
const SEGMENT_GAP = 24;

interface Piece {
  str: string;
  x: number;
  y: number;
  width: number;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Pieces sharing a baseline (to half a point), top to bottom, each line left to right. */
function toLines(pieces: Piece[]): PdfLine[] {
  const rows: Piece[][] = [];
  for (const piece of [...pieces].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const row = rows.at(-1);
    if (row && Math.abs((row[0]?.y ?? 0) - piece.y) <= 0.5) row.push(piece);
    else rows.push([piece]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const segments: Segment[] = [];
    let end = -Infinity;
    for (const piece of row) {
      // Whitespace pieces (Chromium fills a flex gap with one) never join two segments.
      if (piece.str.trim() === '') continue;
      const last = segments.at(-1);
      if (last && piece.x - end <= SEGMENT_GAP) {
        last.text += piece.x - end > 1 ? ` ${piece.str}` : piece.str;
      } else {
        segments.push({ x: piece.x, text: piece.str });
      }
      end = piece.x + piece.width;
    }
    for (const segment of segments) segment.text = squash(segment.text);
    return { y: row[0]?.y ?? 0, segments, text: segments.map((s) => s.text).join(' ') };
  });
}

export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  // PDF.js takes the buffer over; it gets a copy.
  const loading = getDocument({ data: new Uint8Array(bytes) });
  const document = await loading.promise;
  const lines: PdfLine[] = [];
  const drawn: string[] = [];
  const links: string[] = [];
  try {
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent({ disableNormalization: true });
      const pieces: Piece[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        // An empty item marks the end of a line: the next text is a new word.
        drawn.push(item.str, item.hasEOL ? ' ' : '');
        if (item.str === '') continue;
        pieces.push({
          str: item.str,
          x: item.transform[4],
          y: item.transform[5],
          width: item.width,
        });
      }
      lines.push(...toLines(pieces));
      for (const annotation of (await page.getAnnotations()) as { url?: string }[]) {
        if (annotation.url) links.push(annotation.url);
      }
      drawn.push(' ');
    }
    return { pages: document.numPages, lines, drawn: squash(drawn.join('')), links };
  } finally {
    await loading.destroy();
  }
}
