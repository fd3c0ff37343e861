import Papa from 'papaparse';
import { parseNumber } from '../data-table.ts';
import { describeValue } from '../../problems/describe-value.ts';

/** One CSV record and the 1-based file line it starts on. */
export interface CsvLine {
  line: number;
  cells: string[];
}

export type CsvRows =
  | { ok: true; header: CsvLine; rows: CsvLine[]; delimiter: string }
  | { ok: false; line?: number; message: string };

/**
 * Reads CSV into records that keep their file line numbers, for the CSV
 * importers (TensorBoard, curves, W&B): Papa Parse, `,` `;` or tab sniffed,
 * CRLF, LF or a mix, a BOM dropped, blank lines skipped (but counted). The first
 * non-blank record is the header. Cells stay text, untrimmed.
 */
export function readCsvRows(text: string): CsvRows {
  // Papa takes one line ending for the whole file; mixed CRLF and LF are made LF.
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  // Papa's guesser needs blank lines skipped; the real parse keeps them so
  // record N can be traced back to its line.
  const guess = Papa.parse<string[]>(source, {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: 'greedy',
    preview: 20,
  });
  const delimiter = guess.meta.delimiter || ',';
  const parsed = Papa.parse<string[]>(source, { delimiter, skipEmptyLines: false });
  const records: CsvLine[] = [];
  let line = 1;
  for (const cells of parsed.data) {
    records.push({ line, cells });
    // A quoted cell may span lines; count them so later records keep their line.
    line += 1 + cells.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
  }
  const quote = parsed.errors.find((error) => error.type === 'Quotes');
  if (quote) {
    const at = quote.row === undefined ? undefined : records[quote.row]?.line;
    const message =
      quote.code === 'MissingQuotes'
        ? 'expected a closing quote (") for a quoted cell, got the end of the file'
        : 'expected a separator or the end of the line after a closing quote ("), got more text';
    return at === undefined ? { ok: false, message } : { ok: false, line: at, message };
  }
  const filled = records.filter(({ cells }) => !(cells.length === 1 && cells[0]?.trim() === ''));
  const [header, ...rows] = filled;
  if (!header) return { ok: false, message: 'expected a CSV header line, got an empty file' };
  return {
    ok: true,
    header: { line: header.line, cells: header.cells.map((cell) => cell.trim()) },
    rows,
    delimiter,
  };
}

/**
 * A cell as a number: `null` for an empty cell, `NaN` for `nan`, ±Infinity
 * for `inf`, `undefined` for text that is not a number.
 */
export function cellNumber(cell: string | undefined): number | null | undefined {
  const text = (cell ?? '').trim();
  if (text === '') return null;
  if (/^[+-]?nan$/i.test(text)) return Number.NaN;
  return parseNumber(text);
}

/** A cell as a message quotes it. */
export function describeCell(cell: string | undefined): string {
  const text = (cell ?? '').trim();
  return text === '' ? 'an empty cell' : describeValue(text);
}

/** The value of a logged point: NaN, inf and empty cells are missing (null). */
export function pointValue(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : value;
}
