import { firstRepeated, toCell, type Cell } from '../artifacts/data-table.ts';
import { readCsvRows } from '../artifacts/formats/csv-rows.ts';
import { parsePythonLiteral } from '../artifacts/formats/python-literal.ts';
import { describeValue } from '../problems/describe-value.ts';

/**
 * A fairness file as a table of groups: what fairlearn's
 * `MetricFrame.by_group` holds, however it was saved. Pure: text or parsed
 * JSON in, the table or the one problem that stops it out. Which columns
 * are shown, and whether their cells are numbers, is resolve.ts's to judge,
 * so a bad cell in a column nobody shows is no problem.
 */

/** One group's row. */
export interface GroupRow {
  /** The group's name: its group columns' cells, joined with `GROUP_JOINER` when there are several. */
  group: string;
  /** Where the row is, for messages: `row 3` (the CSV line) or `group "abroad"` (JSON). */
  place: string;
  /** One cell per value column, in `columns`' order: a number, null (empty or NaN), or text that is not a number. */
  cells: Cell[];
}

export interface GroupTable {
  /**
   * The columns that name the group, as the file heads them: the sensitive
   * feature (`issuing region`), one per feature when there are several, ""
   * when unnamed. Empty when the file does not name them (JSON keyed by group).
   */
  groupColumns: string[];
  /** The value columns (metrics, and `count`), in the file's order. */
  columns: string[];
  rows: GroupRow[];
}

export type GroupTableResult = { ok: true; table: GroupTable } | { ok: false; message: string };

/** Between the parts of a group named by several sensitive features: "abroad · debit". */
const GROUP_JOINER = ' · ';

/** What to save instead, for messages about a file that is no by-group table. */
const SAVE_HINT =
  'save MetricFrame.by_group with .to_csv() (first column the group, one column per metric) or .to_json()';

/**
 * A group's name from the cells (or index parts) that name it; "" when a part
 * is blank or no text or number (a JSON index of `null` or `{}`), which
 * names no group.
 */
function groupName(parts: readonly unknown[]): string {
  const names = parts.map((part) =>
    typeof part === 'string' || typeof part === 'number' || typeof part === 'boolean'
      ? String(part).trim()
      : '',
  );
  return names.includes('') ? '' : names.join(GROUP_JOINER);
}

/** Each key of the objects once, in the order first met (linear, however many keys). */
function keysOf(objects: readonly object[]): string[] {
  const keys = new Set<string>();
  for (const object of objects) for (const key of Object.keys(object)) keys.add(key);
  return [...keys];
}

/** A cell that names a group, not a value: text that is not a number, and not empty. */
function isName(cell: Cell): boolean {
  return typeof cell === 'string';
}

/**
 * The number of leading columns that name the group: the first always, and
 * each next one whose every written cell is text (a second sensitive
 * feature: `card type`), while a value column is left. A metric column with
 * one bad cell among numbers stays a value column, so the bad cell is
 * reported as such.
 */
function groupColumnCount(header: readonly string[], rows: readonly Cell[][]): number {
  let count = 1;
  while (count < header.length - 1) {
    if (header[count]?.toLowerCase() === 'count') break;
    const written = rows.map((row) => row[count] ?? null).filter((cell) => cell !== null);
    if (written.length === 0 || !written.every(isName)) break;
    count += 1;
  }
  return count;
}

/** `0,7097`: a number written with a decimal comma. */
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/**
 * The first cell after the group column written with a decimal comma, as a
 * spreadsheet set to a language that writes 0,5 saves a CSV file (with ";"
 * between cells): worded as the one problem of the file, since every number
 * in it is written so. Left alone, those cells would read as text, and the
 * metric columns as more columns naming the group.
 */
function decimalComma(
  header: readonly string[],
  rows: readonly { line: number; cells: string[] }[],
): string | undefined {
  for (const row of rows) {
    const column = row.cells.findIndex(
      (cell, index) => index > 0 && DECIMAL_COMMA.test(cell.trim()),
    );
    if (column === -1) continue;
    const cell = row.cells[column]?.trim() ?? '';
    return `row ${row.line}, column ${describeValue(header[column] ?? '')}: ${describeValue(cell)} is written with a decimal comma, as a spreadsheet saves it in many languages; save the file with decimal points, as by_group.to_csv() writes it`;
  }
  return undefined;
}

/**
 * `MetricFrame.by_group.to_csv()`: a header of the group column (the
 * sensitive feature's name, or empty) and one column per metric, optionally
 * `count`; with several sensitive features, one leading column each. Rows
 * are groups; empty and NaN cells are missing values.
 */
export function groupTableFromCsv(text: string): GroupTableResult {
  const read = readCsvRows(text);
  if (!read.ok) {
    return {
      ok: false,
      message: `${read.line === undefined ? '' : `line ${read.line}: `}${read.message}`,
    };
  }
  const header = read.header.cells;
  if (header.length < 2) {
    return {
      ok: false,
      message: `expected a column of groups and at least one metric column, got ${header.length === 1 ? 'one column' : 'no columns'}; ${SAVE_HINT}`,
    };
  }
  const ragged = read.rows.find((row) => row.cells.length !== header.length);
  if (ragged) {
    return {
      ok: false,
      message: `row ${ragged.line} has ${ragged.cells.length} ${ragged.cells.length === 1 ? 'cell' : 'cells'} but the header has ${header.length}`,
    };
  }
  const comma = read.delimiter === ',' ? undefined : decimalComma(header, read.rows);
  if (comma) return { ok: false, message: comma };
  const cells = read.rows.map((row) => row.cells.map((cell) => toCell(cell)));
  const groups = groupColumnCount(header, cells);
  const columns = header.slice(groups);
  const duplicate = firstRepeated(columns);
  if (duplicate !== undefined) {
    return { ok: false, message: `the header names column ${describeValue(duplicate)} twice` };
  }
  const rows: GroupRow[] = [];
  for (const [index, row] of read.rows.entries()) {
    const parts = row.cells.slice(0, groups).map((cell) => cell.trim());
    const blank = parts.findIndex((part) => part === '');
    if (blank !== -1) {
      const column = header[blank] ? ` in column ${describeValue(header[blank])}` : '';
      return { ok: false, message: `row ${row.line} has no group name${column}` };
    }
    rows.push({
      group: groupName(parts),
      place: `row ${row.line}`,
      cells: (cells[index] ?? []).slice(groups),
    });
  }
  return { ok: true, table: { groupColumns: header.slice(0, groups), columns, rows } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A key's own value: a group named `constructor` is not Object's. */
function own(record: Record<string, unknown> | undefined, key: string): unknown {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A JSON value as a cell: numbers as they are, null for NaN (read as null) and empty text, text kept. */
function jsonCell(value: unknown): Cell {
  if (typeof value === 'number' || value === null || value === undefined) return toCell(value);
  if (typeof value === 'string') return toCell(value);
  return describeValue(value);
}

/**
 * A group's name from a JSON key: pandas writes a group of several
 * sensitive features as the text of a Python tuple, `('abroad', 'debit')`.
 */
function groupFromKey(key: string): string {
  if (!/^\(.*\)$/s.test(key.trim())) return key.trim();
  const parsed = parsePythonLiteral(key);
  return parsed.ok && Array.isArray(parsed.value) ? groupName(parsed.value) : key.trim();
}

function jsonPlace(group: string): string {
  return `group ${describeValue(group)}`;
}

/**
 * A table from `{ outer: { inner: value } }`: pandas' `columns` orient
 * (outer keys the columns, inner the groups) or its `index` orient (the
 * other way round).
 */
function fromNested(data: Record<string, Record<string, unknown>>, byColumn: boolean): GroupTable {
  const outer = Object.keys(data);
  const inner = keysOf(Object.values(data));
  const [columns, groups] = byColumn ? [outer, inner] : [inner, outer];
  const cell = (group: string, column: string) =>
    jsonCell(
      byColumn
        ? own(own(data, column) as Record<string, unknown> | undefined, group)
        : own(own(data, group) as Record<string, unknown> | undefined, column),
    );
  return {
    groupColumns: [],
    columns,
    rows: groups.map((key) => {
      const group = groupFromKey(key);
      return {
        group,
        place: jsonPlace(group),
        cells: columns.map((column) => cell(key, column)),
      };
    }),
  };
}

/** `orient="split"`: `{ columns, index, data }`, the index a list of groups (a list each, for several features). */
function fromSplit(data: Record<string, unknown>): GroupTableResult {
  const { columns, index, data: values } = data;
  if (
    !Array.isArray(columns) ||
    !Array.isArray(index) ||
    !Array.isArray(values) ||
    !columns.every((column) => typeof column === 'string')
  ) {
    return {
      ok: false,
      message: `expected "columns" (names), "index" (groups) and "data" (rows) in a file saved with orient="split"`,
    };
  }
  const names = columns as string[];
  const duplicate = firstRepeated(names);
  if (duplicate !== undefined) {
    return { ok: false, message: `"columns" names column ${describeValue(duplicate)} twice` };
  }
  const rows: GroupRow[] = [];
  for (const [position, key] of index.entries()) {
    const group = Array.isArray(key) ? groupName(key) : groupName([key]);
    const row: unknown = values[position];
    if (!Array.isArray(row) || row.length !== names.length) {
      return {
        ok: false,
        message: `row ${position + 1} of "data" should hold ${names.length} values, one per column`,
      };
    }
    rows.push({ group, place: jsonPlace(group), cells: row.map(jsonCell) });
  }
  return { ok: true, table: { groupColumns: [], columns: names, rows } };
}

/**
 * `orient="records"` after `reset_index()`: one object per group, its
 * leading text keys naming the group. Without `reset_index()` pandas leaves
 * the groups out, and the file cannot say which row is which.
 */
function fromRecords(data: unknown[]): GroupTableResult {
  for (const [index, row] of data.entries()) {
    if (!isRecord(row)) {
      return { ok: false, message: `row ${index + 1} is not an object of column: value pairs` };
    }
  }
  const records = data as Record<string, unknown>[];
  const keys = keysOf(records);
  const cells = records.map((row) => keys.map((key) => jsonCell(own(row, key))));
  const firstIsName = cells.every((row) => row[0] === null || isName(row[0] ?? null));
  if (keys.length < 2 || !firstIsName) {
    return {
      ok: false,
      message: `the rows do not name their groups: save by_group.reset_index().to_json(orient="records"), or ${SAVE_HINT}`,
    };
  }
  const groups = groupColumnCount(keys, cells);
  const rows: GroupRow[] = [];
  for (const [index, row] of cells.entries()) {
    const parts = row.slice(0, groups);
    if (parts.some((part) => part === null)) {
      return { ok: false, message: `row ${index + 1} has no group name` };
    }
    const group = groupName(parts);
    rows.push({ group, place: jsonPlace(group), cells: row.slice(groups) });
  }
  return {
    ok: true,
    table: { groupColumns: keys.slice(0, groups), columns: keys.slice(groups), rows },
  };
}

/**
 * `MetricFrame.by_group.to_json()` as parsed (NaN read as null): pandas'
 * default `columns` orient (`{"recall": {"domestic": 0.8, ...}, "count":
 * {...}}`), `index`, `split` or `records`, or a Series (one metric:
 * `{"domestic": 0.8, ...}`). `wanted` are the columns the frontmatter
 * names: a table keyed both ways round is read the way that finds them
 * (pandas' default, `columns`, when neither does), and a Series' one
 * column is the one metric named.
 */
export function groupTableFromJson(data: unknown, wanted: readonly string[]): GroupTableResult {
  const result = tableFromJson(data, wanted);
  if (!result.ok) return result;
  // A blank key or index names no group, as a blank first cell of a CSV row does not.
  const blank = result.table.rows.findIndex((row) => row.group === '');
  return blank === -1
    ? result
    : { ok: false, message: `group ${blank + 1} of ${result.table.rows.length} has no name` };
}

function tableFromJson(data: unknown, wanted: readonly string[]): GroupTableResult {
  if (Array.isArray(data)) {
    if (data.length === 0) return { ok: false, message: 'the file holds an empty list, no groups' };
    return fromRecords(data);
  }
  if (!isRecord(data)) {
    return {
      ok: false,
      message: `expected a table of groups, got ${describeValue(data)}; ${SAVE_HINT}`,
    };
  }
  if ('columns' in data && 'data' in data) return fromSplit(data);
  const values = Object.values(data);
  if (values.length > 0 && values.every(isRecord)) {
    const nested = data as Record<string, Record<string, unknown>>;
    const innerKeys = new Set(values.flatMap((value) => Object.keys(value)));
    const isWanted = (key: string) => wanted.includes(key) || key.toLowerCase() === 'count';
    const byColumn = Object.keys(data).some(isWanted) || ![...innerKeys].some(isWanted);
    return { ok: true, table: fromNested(nested, byColumn) };
  }
  if (values.length > 0 && values.every((value) => !isRecord(value) && !Array.isArray(value))) {
    // A Series: one value per group, under no column name.
    if (wanted.length !== 1) {
      return {
        ok: false,
        message: `the file holds one value per group under no metric name (a pandas Series), and metrics names ${wanted.length}; ${SAVE_HINT} of a MetricFrame whose metrics are a dict, {"recall": recall_score, ...}`,
      };
    }
    const column = wanted[0] ?? '';
    return {
      ok: true,
      table: fromNested({ [column]: data }, true),
    };
  }
  return { ok: false, message: `expected a table of groups; ${SAVE_HINT}` };
}
