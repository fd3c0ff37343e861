import path from 'node:path';
import { checkLocalFile } from '../../files/paths.ts';
import { afterPath } from '../../files/read.ts';
import { parseNumber } from '../data-table.ts';
import { parsedFile } from '../read-cache.ts';
import { describeValue } from '../../problems/describe-value.ts';
import { finiteCell, readCell, type CsvLine } from './csv-rows.ts';
import { csvLimitProblem, TOO_DEEP, tooDeepLine } from '../../files/size-limit.ts';
import type { ImportResult } from './types.ts';

/**
 * Confusion-matrix files as scikit-learn users save `confusion_matrix` (rows
 * true classes, columns predicted, sorted label order): a JSON nested array
 * (`json.dump(cm.tolist())`), a JSON `{ "labels": [...], "matrix": [[...]] }`
 * object (other keys ignored; numeric labels such as `[0, 1]` become "0",
 * "1"), a headerless CSV (`np.savetxt`, spaces or separators) or a pandas CSV
 * with a header row of class names and a label column (numeric class names
 * too: `,0,1`). `<ConfusionMatrix src>` reads one with `readMatrixFile`; a
 * metric or chart names one as an artifact, read by `parseConfusionMatrix`,
 * whose messages also say where in the file and what was found. The view of
 * a matrix (shares, accuracy, shading) is src/charts/confusion.ts.
 */

/** A matrix as read, or what is wrong with it. */
export type MatrixResult =
  | {
      ok: true;
      matrix: number[][];
      /** Class names found in the file, if any. */
      labels?: string[];
    }
  | {
      ok: false;
      message: string;
      /** The 0-based index of the row of counts at fault, when one is. */
      row?: number;
    };

const TOO_SMALL = 'expected a square list of rows of counts, at least 2 x 2';

/** A square matrix of non-negative counts, at least 2 x 2: a file's, or `matrix={[[52, 1], [1, 89]]}`. */
export function checkMatrix(data: unknown): MatrixResult {
  if (!Array.isArray(data) || data.length < 2) return { ok: false, message: TOO_SMALL };
  const size = data.length;
  for (const [r, row] of data.entries()) {
    if (!Array.isArray(row) || row.length !== size) {
      const count = Array.isArray(row) ? row.length : 0;
      return {
        ok: false,
        row: r,
        message: `row ${r + 1} has ${count} ${count === 1 ? 'count' : 'counts'}; a ${size}-class matrix needs ${size}`,
      };
    }
    const bad = row.findIndex(
      (cell) => typeof cell !== 'number' || !Number.isFinite(cell) || cell < 0,
    );
    if (bad !== -1) {
      const cell: unknown = row[bad];
      const shown =
        typeof cell === 'number' && !Number.isFinite(cell) ? `"${cell}"` : JSON.stringify(cell);
      return { ok: false, row: r, message: `row ${r + 1} has ${shown}, not a count` };
    }
  }
  return { ok: true, matrix: data as number[][] };
}

/** Reads a confusion matrix from a file's text, JSON or CSV (any of the forms above). */
export function parseMatrix(text: string, format: 'json' | 'csv'): MatrixResult {
  if (format === 'csv') {
    const csv = matrixCsv(text);
    if (!('rows' in csv)) return { ok: false, message: lineMessage(csv) };
    return csvMatrix(csv);
  }
  const read = readJson(text);
  return read.ok ? jsonMatrix(read.data) : { ok: false, message: read.message };
}

/**
 * Reads the confusion-matrix file named in an MDX file (`<ConfusionMatrix
 * src>`), after the same path checks as every content path; parsed once per
 * modification time (read-cache.ts).
 */
export function readMatrixFile(written: string, mdxFile: string, contentDir: string): MatrixResult {
  const problem = checkLocalFile(written, mdxFile, contentDir);
  if (problem) return { ok: false, message: problem };
  const absolute = path.resolve(path.dirname(mdxFile), written);
  const extension = path.extname(absolute).toLowerCase();
  if (extension !== '.json' && extension !== '.csv') {
    return { ok: false, message: `${written}: expected a .json or .csv file` };
  }
  const parsed = parsedFile(absolute, 'matrix', (text) =>
    parseMatrix(text, extension === '.json' ? 'json' : 'csv'),
  );
  return parsed.ok ? parsed : { ok: false, message: afterPath(written, parsed) };
}

/**
 * Reads a confusion-matrix artifact, JSON or CSV, and checks that the labels
 * number one per class. CSV problems name the file line; a matrix that is
 * too small says what was found instead.
 */
export function parseConfusionMatrix(text: string, kind: 'json' | 'csv'): ImportResult {
  return kind === 'json' ? parseJsonMatrix(text) : parseCsvMatrix(text);
}

function parseJsonMatrix(text: string): ImportResult {
  const read = readJson(text);
  if (!read.ok) return read;
  const { data } = read;
  const parsed = jsonMatrix(data);
  if (!parsed.ok) return { ok: false, message: jsonProblem(data, parsed) };
  if (isObject(data) && 'labels' in data && classNames(data.labels) === undefined) {
    const found = Array.isArray(data.labels)
      ? 'a list with other values'
      : describeValue(data.labels);
    return { ok: false, message: `"labels": expected a list of class names, got ${found}` };
  }
  const size = parsed.matrix.length;
  if (parsed.labels && parsed.labels.length !== size) {
    return { ok: false, message: `"labels": ${labelsMessage(size, parsed.labels.length)}` };
  }
  return matrixArtifact(parsed.matrix, parsed.labels);
}

function parseCsvMatrix(text: string): ImportResult {
  const csv = matrixCsv(text);
  if (!('rows' in csv)) return csv;
  const parsed = csvMatrix(csv);
  if (!parsed.ok) {
    if (parsed.row === undefined) {
      const found =
        csv.header === undefined && csv.rows.length === 0
          ? 'an empty file'
          : rowCount(csv.rows.length);
      return { ok: false, message: `${parsed.message}, got ${found}` };
    }
    const line = csv.rows[parsed.row]?.line;
    return line === undefined
      ? { ok: false, message: parsed.message }
      : { ok: false, line, message: parsed.message };
  }
  const size = parsed.matrix.length;
  if (csv.header && parsed.labels && parsed.labels.length !== size) {
    return {
      ok: false,
      line: csv.header.line,
      message: `${labelsMessage(size, parsed.labels.length)} in the header`,
    };
  }
  return matrixArtifact(parsed.matrix, parsed.labels);
}

function readJson(
  text: string,
): { ok: true; data: unknown } | { ok: false; message: string; line?: number } {
  const deep = tooDeepLine(text);
  if (deep !== undefined) return { ok: false, line: deep, message: `the file ${TOO_DEEP}` };
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (error) {
    const message = `not valid JSON (${(error as Error).message})`;
    const line = /\(line (\d+) column \d+\)/.exec(message)?.[1];
    return line === undefined ? { ok: false, message } : { ok: false, message, line: Number(line) };
  }
}

function isObject(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

/** Class names as text, when `labels` is a list of strings or numbers. */
function classNames(labels: unknown): string[] | undefined {
  return Array.isArray(labels) &&
    labels.every((label) => typeof label === 'string' || typeof label === 'number')
    ? labels.map(String)
    : undefined;
}

/** The counts of parsed JSON: a nested list, or an object whose `matrix` is one (with its `labels`). */
function jsonMatrix(data: unknown): MatrixResult {
  if (!isObject(data) || !('matrix' in data)) return checkMatrix(data);
  const checked = checkMatrix(data.matrix);
  const labels = classNames(data.labels);
  return checked.ok && labels ? { ...checked, labels } : checked;
}

/** A JSON matrix problem, saying which key holds the matrix and, when it is too small, what was found. */
function jsonProblem(data: unknown, problem: { message: string; row?: number }): string {
  const { message } = problem;
  if (problem.row !== undefined) return isObject(data) ? `"matrix": ${message}` : message;
  if (Array.isArray(data)) return `${message}, got ${rowCount(data.length)}`;
  if (!isObject(data)) return `${message}, got ${describeValue(data)}`;
  if (!('matrix' in data)) {
    const keys = Object.keys(data).map((key) => JSON.stringify(key));
    return `expected a nested list of counts or an object with a "matrix" key, got an object with ${keys.length === 0 ? 'no keys' : `keys ${keys.join(', ')}`}`;
  }
  const { matrix } = data;
  const found = Array.isArray(matrix) ? rowCount(matrix.length) : describeValue(matrix);
  return `"matrix": ${message}, got ${found}`;
}

/** A matrix CSV's non-blank lines: pandas' header of class names, when there is one, and the rows of counts. */
interface MatrixCsv {
  header?: CsvLine;
  /** The rows of counts, without pandas' label column. */
  rows: CsvLine[];
}

/**
 * The non-blank lines of a matrix CSV split into cells: on commas,
 * semicolons or tabs when a line has them, else on spaces (np.savetxt's
 * default); quotes around a cell dropped.
 */
export function matrixCsvLines(text: string): CsvLine[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .flatMap((content, index) => {
      if (content.trim() === '') return [];
      const cells = content
        .trim()
        .split(/[,;\t]/.test(content) ? /[,;\t]/ : /\s+/)
        .map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
      return [{ line: index + 1, cells }];
    });
}

/** A CSV limit problem as one message, its line first (`line 3: ...`), for the component's messages. */
function lineMessage(problem: { line?: number; message: string }): string {
  return problem.line === undefined ? problem.message : `line ${problem.line}: ${problem.message}`;
}

function matrixCsv(text: string): MatrixCsv | { ok: false; line?: number; message: string } {
  const lines = matrixCsvLines(text);
  const limit = csvLimitProblem(lines);
  if (limit) return limit;
  const [first, ...rest] = lines;
  if (!first) return { rows: [] };
  const corner = first.cells[0] ?? '';
  if (corner !== '' && parseNumber(corner) !== undefined) return { rows: [first, ...rest] };
  return {
    header: first,
    rows: rest.map(({ line, cells }) => ({ line, cells: cells.slice(1) })),
  };
}

function csvMatrix({ header, rows }: MatrixCsv): MatrixResult {
  const matrix: number[][] = [];
  for (const [r, row] of rows.entries()) {
    const counts: number[] = [];
    for (const column of row.cells.keys()) {
      const notACount = (cell: string) => `row ${r + 1} has ${JSON.stringify(cell)}, not a count`;
      const count = readCell(row, column, finiteCell, notACount);
      if (!count.ok) return { ok: false, row: r, message: count.message };
      counts.push(count.value);
    }
    matrix.push(counts);
  }
  const checked = checkMatrix(matrix);
  const labels = header?.cells.slice(1);
  return checked.ok && labels ? { ...checked, labels } : checked;
}

function labelsMessage(size: number, count: number): string {
  return `expected ${size} class names, one per row of the ${size}-class matrix, got ${count}`;
}

function matrixArtifact(counts: number[][], labels: string[] | undefined): ImportResult {
  return {
    ok: true,
    artifact: { format: 'confusion-matrix', matrix: labels ? { counts, labels } : { counts } },
  };
}

const rowCount = (count: number) => `${count} ${count === 1 ? 'row' : 'rows'}`;
