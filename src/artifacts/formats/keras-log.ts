import Papa from 'papaparse';
import { firstRepeated, parseNumber } from '../data-table.ts';
import { finiteCell, readCell } from './csv-rows.ts';
import { csvLimitProblem } from '../../files/size-limit.ts';
import type { ImportResult, Series } from './types.ts';

const SEPARATORS = [',', ';', '\t'];

/** Cells Keras (and Python's `str(float)`) writes for "no value": `NA`, empty, `nan`. */
const MISSING = /^(na|nan|)$/i;

/**
 * A cell as a point value: a finite number, or null for NA, empty, nan and
 * ±inf; undefined when the cell is not a number at all.
 */
function cellValue(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (MISSING.test(trimmed)) return null;
  const value = parseNumber(trimmed);
  if (value === undefined) return undefined;
  return Number.isFinite(value) ? value : null;
}

/** How a Keras log words a cell its column cannot take: `column "loss": expected a number or NA, got "x"`. */
function columnProblem(name: string, expected: string): (cell: string) => string {
  return (cell) => `column "${name}": expected ${expected}, got "${cell.trim()}"`;
}

/**
 * The separator: the character after a leading `epoch` (Keras always writes
 * `epoch` first), else whichever of `,`, `;` and tab the first line holds most.
 */
function sniffSeparator(text: string): string {
  const firstLine = /^[^\r\n]*/.exec(text.trimStart())?.[0] ?? '';
  const afterEpoch = /^"?epoch"?([,;\t])/.exec(firstLine)?.[1];
  if (afterEpoch !== undefined) return afterEpoch;
  const count = (separator: string) => firstLine.split(separator).length;
  return SEPARATORS.reduce((best, separator) =>
    count(separator) > count(best) ? separator : best,
  );
}

/**
 * Reads a Keras `CSVLogger` file (`training.log`): a header `epoch` then the
 * metric names sorted alphabetically (`epoch,accuracy,loss,val_accuracy,val_loss`),
 * one row per epoch counted from 0, CRLF line ends (LF also accepted), and a
 * `,`, `;` or tab separator (sniffed from the header). `NA`, empty cells, `nan`
 * and `inf` become null points. A learning-rate column is kept as written
 * (`learning_rate`, or `lr` from older tf.keras). Returns one Series per column
 * except `epoch`, each point's step being the epoch as written, and
 * `stepName: 'epoch'`. Problems name the 1-based line.
 */
export function parseKerasLog(text: string): ImportResult {
  const source = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(source, {
    skipEmptyLines: false,
    delimiter: sniffSeparator(source),
  });
  const quoteError = parsed.errors.find((error) => error.type === 'Quotes');
  if (quoteError !== undefined) {
    return {
      ok: false,
      line: (quoteError.row ?? 0) + 1,
      message:
        'expected every opening quote (") to be closed on the same line, found one left open',
    };
  }
  // Keras never writes a newline inside a cell, so row index + 1 is the line number.
  const lines = parsed.data.map((cells, index) => ({ cells, line: index + 1 }));
  const nonEmpty = lines.filter(({ cells }) => !(cells.length === 1 && cells[0]?.trim() === ''));
  const limit = csvLimitProblem(nonEmpty);
  if (limit) return limit;
  const [header, ...body] = nonEmpty;
  if (header === undefined) {
    return {
      ok: false,
      line: 1,
      message:
        'expected a Keras CSVLogger header such as "epoch,accuracy,loss", found an empty file',
    };
  }
  const columns = header.cells.map((name) => name.trim());
  const epochIndex = columns.indexOf('epoch');
  if (epochIndex === -1) {
    return {
      ok: false,
      line: header.line,
      message: `expected a Keras CSVLogger header with an "epoch" column (such as "epoch,accuracy,loss"), found "${columns.join(', ')}"`,
    };
  }
  const duplicate = firstRepeated(columns);
  if (duplicate !== undefined) {
    return {
      ok: false,
      line: header.line,
      message: `expected each column once in the header, found "${duplicate}" twice`,
    };
  }
  if (body.length === 0) {
    return {
      ok: false,
      line: header.line + 1,
      message: 'expected one row per epoch after the header, found none',
    };
  }

  return kerasLogFromRows(columns, body);
}

/** A CSVLogger row: its cells as text, and the 1-based file line when there is one. */
export interface KerasLogRow {
  cells: string[];
  line?: number;
}

/**
 * The series of a Keras log from its columns (one of them `epoch`) and rows
 * of text cells, as CSVLogger writes them: each point's step is the row's
 * epoch as written, `NA`, empty, `nan` and `inf` cells are null points. Shared
 * by the CSVLogger file and the history JSON, which is turned into the same rows.
 */
export function kerasLogFromRows(
  columns: readonly string[],
  body: readonly KerasLogRow[],
): ImportResult {
  const epochIndex = columns.indexOf('epoch');
  const at = (line: number | undefined) => (line === undefined ? {} : { line });
  const series: Series[] = columns
    .filter((_, index) => index !== epochIndex)
    .map((name) => ({ name, points: [] }));
  for (const row of body) {
    if (row.cells.length !== columns.length) {
      return {
        ok: false,
        ...at(row.line),
        message: `expected ${columns.length} cells like the header (${columns.join(', ')}), found ${row.cells.length}`,
      };
    }
    const epoch = readCell(row, epochIndex, finiteCell, columnProblem('epoch', 'an epoch number'));
    if (!epoch.ok) return epoch;
    let seriesIndex = 0;
    for (const [index, name] of columns.entries()) {
      if (index === epochIndex) continue;
      const cell = readCell(row, index, cellValue, columnProblem(name, 'a number or NA'));
      if (!cell.ok) return cell;
      series[seriesIndex]?.points.push({ step: epoch.value, value: cell.value });
      seriesIndex += 1;
    }
  }
  return { ok: true, artifact: { format: 'keras-log', series, stepName: 'epoch' } };
}
