import Papa from 'papaparse';
import { csvLimitProblem, TOO_DEEP, tooDeepLine } from '../files/size-limit.ts';

/** A cell as read from a data file: a number, text, or missing. */
export type Cell = number | string | null;

/** Rows of named columns, in file order. */
export interface DataTable {
  columns: string[];
  rows: Record<string, Cell>[];
  /**
   * How messages number the first data row: 2 in a CSV (the header is row 1,
   * so "row N" is the line an editor shows), 1 in JSON and inline data.
   */
  firstRow: number;
}

export type TableResult = { ok: true; table: DataTable } | { ok: false; message: string };

/**
 * The first name written twice, or undefined. Through a Set, not `indexOf`
 * per name: a 5 MB header holds a million columns, and comparing each with
 * every other would hold the check for hours.
 */
export function firstRepeated(names: Iterable<string>): string | undefined {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return undefined;
}

/** Written forms of "no value here", from pandas, R, Keras and spreadsheets. */
const MISSING = new Set(['', 'na', 'nan', 'null', 'none', 'n/a', '-']);

/** A cell's text as a number when it is one; `inf` and `-inf` count (ROC thresholds). */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^[+-]?(inf|infinity)$/i.test(trimmed)) return trimmed.startsWith('-') ? -Infinity : Infinity;
  if (trimmed === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return undefined;
  return Number(trimmed);
}

/** A value as a cell: a number, text, or null for the written forms of "no value" and NaN. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  const text = String(value);
  if (MISSING.has(text.trim().toLowerCase())) return null;
  return parseNumber(text) ?? text.trim();
}

/**
 * Parses CSV with a header row: quoted fields, CRLF line endings, and `,`,
 * `;` or tab separators (detected), through Papa Parse. Numeric cells become
 * numbers; NA/NaN/empty cells become null.
 */
export function parseCsv(text: string): TableResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t'],
  });
  const limit = csvLimitProblem(parsed.data.map((cells) => ({ cells })));
  if (limit) {
    // Blank lines are skipped, so a record's place is its row (the header is row 1).
    const row = limit.line === undefined ? '' : `row ${limit.line}, `;
    return { ok: false, message: `${row}${limit.message}` };
  }
  const [header, ...body] = parsed.data;
  if (!header || header.length === 0) return { ok: false, message: 'the file is empty' };
  const columns = header.map((name) => name.trim());
  const duplicate = firstRepeated(columns);
  if (duplicate !== undefined) {
    return { ok: false, message: `the header names column "${duplicate}" twice` };
  }
  const ragged = body.findIndex((row) => row.length !== columns.length);
  if (ragged !== -1) {
    const row = body[ragged] ?? [];
    return {
      ok: false,
      message: `row ${ragged + 2} has ${row.length} ${row.length === 1 ? 'cell' : 'cells'} but the header has ${columns.length}`,
    };
  }
  const rows = body.map((cells) =>
    Object.fromEntries(columns.map((name, index) => [name, toCell(cells[index])])),
  );
  return { ok: true, table: { columns, rows, firstRow: 2 } };
}

/** Parses a JSON array of row objects; columns are the keys in first-seen order. */
export function parseJsonRows(text: string): TableResult {
  if (tooDeepLine(text) !== undefined) return { ok: false, message: `the file ${TOO_DEEP}` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not valid JSON (${(error as Error).message})` };
  }
  return rowsToTable(data);
}

/** Inline `data={[...]}` rows or parsed JSON, checked to be a list of row objects. */
export function rowsToTable(data: unknown): TableResult {
  if (!Array.isArray(data) || data.length === 0) {
    return { ok: false, message: 'expected a list of rows such as [{ "epoch": 1, "loss": 0.4 }]' };
  }
  // A Set keeps the columns in first-seen order, and finds one among thousands at once.
  const columns = new Set<string>();
  const records: object[] = [];
  for (const [index, row] of data.entries()) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      return { ok: false, message: `row ${index + 1} is not an object of column: value pairs` };
    }
    for (const key of Object.keys(row)) columns.add(key);
    records.push(row);
  }
  const names = [...columns];
  // Own keys in, own keys out (Object.fromEntries): a column named `__proto__`
  // or `constructor` in a JSON file is a column, never Object's prototype.
  const rows = records.map((record) =>
    Object.fromEntries(
      names.map((name) => [
        name,
        Object.hasOwn(record, name) ? toCell((record as Record<string, unknown>)[name]) : null,
      ]),
    ),
  );
  return { ok: true, table: { columns: names, rows, firstRow: 1 } };
}
