/**
 * A PDF read the way an applicant-tracking system reads it: the text of each
 * page through PDF.js (Mozilla's parser), its lines by position, and its link
 * annotations. The résumé check (`resume-pdf.ts`) and the browser test of the
 * printed résumé (tests/e2e/resume.test.ts) read PDFs with it.
 *
 * PDF.js is imported when the first PDF is read, never at start-up: a
 * portfolio without a PDF résumé does not load it.
 *
 * Ligatures are not folded into letters here (`disableNormalization`): a parser
 * that does not fold them reads `ﬂ` (U+FB02) where the page shows "fl", and a
 * search for "Airflow" then misses the résumé.
 *
 * Content is untrusted: the check reads each PDF in a worker thread
 * (`readPdfWithin`, pdf-worker.ts) with a time and a memory limit.
 */

import { Worker } from 'node:worker_threads';

/** A run of text on one line, between two gaps wider than a word space. */
export interface Segment {
  /** Left edge, in PDF points from the page's left. */
  x: number;
  /** Right edge, in PDF points from the page's left. */
  end: number;
  text: string;
}

export interface PdfLine {
  /** The page, from 1. */
  page: number;
  /** Baseline, in PDF points from the page's bottom. */
  y: number;
  /** The line's runs, left to right: one for flowing text, two for text with something beside it. */
  segments: Segment[];
  /** The segments joined by single spaces. */
  text: string;
}

export interface PdfText {
  /** Pages in the file. */
  pages: number;
  /** Every page's lines (of the pages read), top to bottom and page after page, each read left to right. */
  lines: PdfLine[];
  /** Every page's text (of the pages read) in the order the file draws it, words separated by single spaces. */
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
function toLines(pieces: Piece[], page: number): PdfLine[] {
  const rows: Piece[][] = [];
  for (const piece of [...pieces].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const row = rows.at(-1);
    if (row && Math.abs((row[0]?.y ?? 0) - piece.y) <= 0.5) row.push(piece);
    else rows.push([piece]);
  }
  return rows.flatMap((row) => {
    row.sort((a, b) => a.x - b.x);
    const segments: Segment[] = [];
    for (const piece of row) {
      // Whitespace pieces (Chromium fills a flex gap with one) never join two segments.
      if (piece.str.trim() === '') continue;
      const last = segments.at(-1);
      if (last && piece.x - last.end <= SEGMENT_GAP) {
        last.text += piece.x - last.end > 1 ? ` ${piece.str}` : piece.str;
        last.end = Math.max(last.end, piece.x + piece.width);
      } else {
        segments.push({ x: piece.x, end: piece.x + piece.width, text: piece.str });
      }
    }
    if (segments.length === 0) return [];
    for (const segment of segments) segment.text = squash(segment.text);
    const text = segments.map((s) => s.text).join(' ');
    return [{ page, y: row[0]?.y ?? 0, segments, text }];
  });
}

export interface ReadOptions {
  /** Read the text of at most this many pages (the rest are counted, not read). Default: all. */
  maxPages?: number;
}

/**
 * Reads a PDF's text and links, on the calling thread. Throws PDF.js's error
 * when the file cannot be parsed: `PasswordException` (encrypted),
 * `InvalidPDFException` and the like. Content is read with `readPdfWithin`.
 */
export async function readPdf(bytes: Uint8Array, options: ReadOptions = {}): Promise<PdfText> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // PDF.js takes the buffer over; it gets a copy. Only errors are logged.
  const loading = getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
  });
  try {
    const document = await loading.promise;
    const lines: PdfLine[] = [];
    const drawn: string[] = [];
    const links: string[] = [];
    const pages = Math.min(document.numPages, options.maxPages ?? Infinity);
    for (let number = 1; number <= pages; number++) {
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
      lines.push(...toLines(pieces, number));
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

/**
 * What reading one PDF may take. A résumé of a few pages reads in well under
 * a second and a few tens of megabytes; a file made to inflate a compressed
 * stream to gigabytes, or to loop, is stopped at these.
 */
export interface PdfLimits {
  /** Milliseconds before the read is given up. */
  timeoutMs: number;
  /** The reading thread's heap, in megabytes. */
  memoryMb: number;
}

export const PDF_LIMITS: PdfLimits = { timeoutMs: 10_000, memoryMb: 256 };

/** A read stopped at a limit of `PdfLimits`. */
export class PdfLimitError extends Error {
  override name = 'PdfLimitError';
  readonly limit: keyof PdfLimits;
  readonly value: number;
  constructor(limit: keyof PdfLimits, value: number) {
    super(limit === 'timeoutMs' ? `took over ${value} ms` : `needed over ${value} MB`);
    this.limit = limit;
    this.value = value;
  }
}

/** The thread PDFs are read in, started by the first read and reused by the next. */
let reader: { worker: Worker; memoryMb: number } | undefined;
/** Reads run one after another: the thread holds one PDF at a time. */
let queue: Promise<unknown> = Promise.resolve();

function readerFor(memoryMb: number): Worker {
  if (reader?.memoryMb !== memoryMb) {
    void reader?.worker.terminate();
    const worker = new Worker(new URL('./pdf-worker.ts', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 16 },
    });
    // An idle reader does not keep a process alive (`npm run check` ends on its own).
    worker.unref();
    reader = { worker, memoryMb };
  }
  return reader.worker;
}

function readOnce(bytes: Uint8Array, options: ReadOptions, limits: PdfLimits): Promise<PdfText> {
  const worker = readerFor(limits.memoryMb);
  return new Promise<PdfText>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    // Whatever stopped the thread, the next read starts a new one.
    const stop = (error: Error) => {
      done();
      if (reader?.worker === worker) reader = undefined;
      void worker.terminate();
      reject(error);
    };
    const timer = setTimeout(
      () => stop(new PdfLimitError('timeoutMs', limits.timeoutMs)),
      limits.timeoutMs,
    );
    const onMessage = (message: { text?: PdfText; error?: { name: string; message: string } }) => {
      done();
      if (message.text) resolve(message.text);
      else reject(Object.assign(new Error(message.error?.message), { name: message.error?.name }));
    };
    const onError = (error: Error & { code?: string }) =>
      stop(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new PdfLimitError('memoryMb', limits.memoryMb)
          : error,
      );
    const onExit = (code: number) => stop(new Error(`the PDF reader stopped with code ${code}`));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ bytes, options });
  });
}

/**
 * Reads a PDF's text and links as `readPdf` does, in a worker thread under
 * `limits`: a file that would take longer or more memory rejects with
 * `PdfLimitError` and stops only that thread. PDF.js is loaded once, in the
 * thread, and reused until `closePdfReader`.
 */
export function readPdfWithin(
  bytes: Uint8Array,
  options: ReadOptions = {},
  limits: PdfLimits = PDF_LIMITS,
): Promise<PdfText> {
  const read = queue.then(() => readOnce(bytes, options, limits));
  queue = read.catch(() => undefined);
  return read;
}

/** Ends the reading thread, if one was started: the check calls it once it has read every PDF. */
export async function closePdfReader(): Promise<void> {
  const current = reader;
  reader = undefined;
  await current?.worker.terminate();
}
