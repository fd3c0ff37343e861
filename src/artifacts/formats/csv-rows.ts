import Papa from 'papaparse';
import { parseNumber } from '../data-table.ts';
import { describeValue } from '../../problems/describe-value.ts';
import { csvLimitProblem } from '../../files/size-limit.ts';

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
 * importers (TensorBoard, curves, W&B); their cells become values through
 * `readCell`: Papa Parse, `,` `;` or tab sniffed,
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
  const limit = csvLimitProblem(filled);
  if (limit) return limit;
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

/** A cell as a finite number, or undefined (text, empty, `nan`, `inf`). */
export function finiteCell(cell: string): number | undefined {
  const value = cellNumber(cell);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A cell as a step or epoch: a whole number, 0 or more; else undefined. */
export function stepCell(cell: string): number | undefined {
  const value = cellNumber(cell);
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** A cell as a number from 0 to 1 (a rate, a share); else undefined. */
export function fractionCell(cell: string): number | undefined {
  const value = cellNumber(cell);
  return typeof value === 'number' && value >= 0 && value <= 1 ? value : undefined;
}

/** A cell as a message quotes it. */
export function describeCell(cell: string | undefined): string {
  const text = (cell ?? '').trim();
  return text === '' ? 'an empty cell' : describeValue(text);
}

/** `expected <what>, got <the cell>`: how most importers word a cell their column cannot take. */
export function expectedCell(what: string): (cell: string) => string {
  return (cell) => `expected ${what}, got ${describeCell(cell)}`;
}

/** A row of text cells and, when it comes from a file, the 1-based line it starts on. */
interface CellRow {
  cells: readonly string[];
  line?: number;
}

/** A cell its column cannot take: the row's line, when known, and what is wrong. */
export type CellProblem = { ok: false; line?: number; message: string };

/** The problem with a row's cell, on the row's line: `describe` words it from the cell's text. */
export function cellProblem(
  row: CellRow,
  column: number,
  describe: (cell: string) => string,
): CellProblem {
  const message = describe(row.cells[column] ?? '');
  return row.line === undefined ? { ok: false, message } : { ok: false, line: row.line, message };
}

/**
 * One cell of a row as the value its column holds: the one path from a cell
 * to a value, or to the problem naming its row and column, for the importers
 * of CSV and CSV-like files. `read` turns the cell's text into the value, or
 * undefined when the column cannot take it (`cellNumber`, `finiteCell`,
 * `stepCell`, `fractionCell`, or an importer's own); `describe` words the
 * problem, usually `expectedCell(...)`.
 */
export function readCell<T>(
  row: CellRow,
  column: number,
  read: (cell: string) => T | undefined,
  describe: (cell: string) => string,
): { ok: true; value: T } | CellProblem {
  const value = read(row.cells[column] ?? '');
  return value === undefined ? cellProblem(row, column, describe) : { ok: true, value };
}

/** The value of a logged point: NaN, inf and empty cells are missing (null). */
export function pointValue(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : value;
}
